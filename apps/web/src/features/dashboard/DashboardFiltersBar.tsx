import { Button, Group, MultiSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFilterOptions, type FilterOption } from '../commitments/filterOptions';
import type { DashboardFilters } from './search';
import classes from './Dashboard.module.css';

interface DashboardFiltersBarProps {
  slug: string;
  filters: DashboardFilters;
  onChange: (patch: DashboardFilters) => void;
  onClear: () => void;
}

const FIELDS = ['frameworkId', 'leadOrgId', 'theme', 'targetGroup'] as const;
type Field = (typeof FIELDS)[number];

/**
 * The population the dashboard counts: frameworks, lead organizations, themes, target groups
 * (several of each). On paper the controls give way to one line naming the active filters.
 */
export function DashboardFiltersBar({
  slug,
  filters,
  onChange,
  onClear,
}: DashboardFiltersBarProps) {
  const { t } = useTranslation();
  const options = useFilterOptions(slug);
  const fields: Record<Field, { label: string; all: string; data: FilterOption[] }> = {
    frameworkId: {
      label: t('commitments.framework'),
      all: t('commitments.allFrameworks'),
      data: options.frameworks,
    },
    leadOrgId: {
      label: t('commitments.leadOrg'),
      all: t('commitments.allOrgs'),
      data: options.leadOrganizations,
    },
    theme: {
      label: t('commitments.theme'),
      all: t('dashboard.filters.allThemes'),
      data: options.themes,
    },
    targetGroup: {
      label: t('commitments.targetGroup'),
      all: t('dashboard.filters.allTargetGroups'),
      data: options.targetGroups,
    },
  };
  const active = FIELDS.filter((field) => (filters[field]?.length ?? 0) > 0);
  const printed = active.map((field) => {
    const { label, data } = fields[field];
    const names = (filters[field] ?? []).map(
      (value) => data.find((option) => option.value === value)?.label ?? value,
    );
    return `${label}: ${names.join('; ')}`;
  });

  return (
    <>
      <Paper
        withBorder
        p="md"
        component="section"
        aria-labelledby="dashboard-filters"
        className={classes.screenOnly}
      >
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h5" id="dashboard-filters">
              {t('commitments.filters')}
            </Title>
            {active.length > 0 && (
              <Button variant="subtle" size="xs" onClick={onClear}>
                {t('commitments.clearFilters')}
              </Button>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            {FIELDS.map((field) => (
              <MultiSelect
                key={field}
                label={fields[field].label}
                placeholder={filters[field] ? undefined : fields[field].all}
                clearable
                searchable
                value={filters[field] ?? []}
                onChange={(value) => onChange({ [field]: value.length > 0 ? value : undefined })}
                data={fields[field].data}
              />
            ))}
          </SimpleGrid>
        </Stack>
      </Paper>
      <Text className={classes.printOnly} data-testid="printed-filters">
        {active.length > 0
          ? t('dashboard.filters.printed', { filters: printed.join(' · ') })
          : t('dashboard.filters.none')}
      </Text>
    </>
  );
}
