import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NONE, TARGET_GROUPS, THEMES } from '@spct/contracts';
import { useFormat } from '../../i18n/format';
import { frameworksQuery } from '../frameworks/queries';
import { organizationsQuery } from '../organizations/queries';

export interface FilterOption {
  value: string;
  label: string;
}

/**
 * The choices of the population filters the list and the dashboard share: frameworks, lead
 * organizations (and "none": not taken up), themes (and "none") and target groups.
 */
export function useFilterOptions(slug: string) {
  const { t } = useTranslation();
  const format = useFormat();
  const frameworks = useQuery(frameworksQuery(slug));
  const organizations = useQuery(organizationsQuery(slug));
  const organizationOptions = (organizations.data ?? []).map((organization) => ({
    value: organization.id,
    label: `${organization.shortName} — ${format.text(organization.name)}`,
  }));
  return {
    frameworks: (frameworks.data?.items ?? []).map((framework) => ({
      value: framework.id,
      label: `${framework.code} — ${format.text(framework.title)}`,
    })),
    organizations: organizationOptions,
    leadOrganizations: [...organizationOptions, { value: NONE, label: t('commitments.noLeadOrg') }],
    themes: [
      ...THEMES.map((theme) => ({ value: theme, label: t(`theme.${theme}`) })),
      { value: NONE, label: t('commitments.noTheme') },
    ],
    targetGroups: TARGET_GROUPS.map((group) => ({
      value: group,
      label: t(`targetGroup.${group}`),
    })),
    /** A short name for a framework or organization id (its code or short name). */
    shortName: (id: string) =>
      frameworks.data?.items.find((framework) => framework.id === id)?.code ??
      organizations.data?.find((organization) => organization.id === id)?.shortName ??
      id,
  };
}
