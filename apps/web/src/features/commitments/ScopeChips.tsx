import { Badge, CloseButton, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CommitmentSearch } from './search';

interface ScopeChipsProps {
  search: CommitmentSearch;
  onChange: (patch: Partial<CommitmentSearch>) => void;
  /** The short name of an organization id. */
  shortName: (id: string) => string;
}

/**
 * The filters a dashboard number opens the list with that have no control of their own: only
 * trackable items, one kind of attention, co-responsible organizations. Each can be removed.
 */
export function ScopeChips({ search, onChange, shortName }: ScopeChipsProps) {
  const { t } = useTranslation();
  const chips: { key: string; label: string; remove: () => void }[] = [];
  if (search.leaf) {
    chips.push({
      key: 'leaf',
      label: t('commitments.scope.leaf'),
      remove: () => onChange({ leaf: undefined }),
    });
  }
  if (search.attention) {
    chips.push({
      key: 'attention',
      label: t('commitments.scope.attention', { kind: t(`attention.${search.attention}`) }),
      remove: () => onChange({ attention: undefined }),
    });
  }
  for (const id of search.coOrgId ?? []) {
    chips.push({
      key: `co-${id}`,
      label: t('commitments.scope.coOrg', { org: shortName(id) }),
      remove: () => onChange({ coOrgId: search.coOrgId?.filter((other) => other !== id) }),
    });
  }
  if (chips.length === 0) return null;
  return (
    <Group gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {chips.map((chip) => (
        <li key={chip.key}>
          <Badge
            variant="light"
            size="lg"
            tt="none"
            fw={500}
            pr={4}
            rightSection={
              <CloseButton
                size="xs"
                onClick={chip.remove}
                aria-label={t('commitments.scope.remove', { filter: chip.label })}
              />
            }
          >
            {chip.label}
          </Badge>
        </li>
      ))}
    </Group>
  );
}
