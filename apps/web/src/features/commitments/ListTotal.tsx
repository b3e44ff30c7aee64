import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { commitmentCountQuery, commitmentsQuery } from './queries';
import type { CommitmentFilters } from './search';

interface ListTotalProps {
  slug: string;
  filters: CommitmentFilters;
  /** Whether the first page is the one shown (later pages do not ask for it again). */
  onFirstPage: boolean;
}

/**
 * How many commitments match in all ("97 commitments", "10,000+ commitments" when the API
 * stopped counting). The API tells on the first page (later pages show it while it is cached),
 * except for a search, whose count comes by a request of its own, after the results if slower.
 */
export function ListTotal({ slug, filters, onFirstPage }: ListTotalProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const searching = Boolean(filters.q?.trim());
  const first = useQuery({
    ...commitmentsQuery(slug, filters, null),
    enabled: onFirstPage && !searching,
  });
  const counted = useQuery({ ...commitmentCountQuery(slug, filters), enabled: searching });
  const answer = searching ? counted.data : first.isPlaceholderData ? undefined : first.data;
  const total = answer?.total;
  if (total === null || total === undefined) return null;
  const key = answer?.totalIsExact === false ? 'commitments.totalAtLeast' : 'commitments.total';
  return (
    <Text size="sm" fw={600} data-testid="list-total">
      {t(key, { count: total, total: format.number(total) })}
    </Text>
  );
}
