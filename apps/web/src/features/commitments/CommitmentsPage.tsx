import { useState } from 'react';
import {
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  COMMITMENT_SORTS,
  COMMITMENT_STATUSES,
  TARGET_GROUPS,
  THEMES,
  type CommitmentSort,
} from '@spct/contracts';
import type { Commitment, Organization } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { EmptyState, ErrorState, LoadingState } from '../layout/states';
import { RouterAnchor } from '../layout/RouterAnchor';
import { frameworksQuery } from '../frameworks/queries';
import { organizationsQuery } from '../organizations/queries';
import { OverdueBadge, ProgressBar, StatusBadge } from './badges';
import { commitmentsQuery } from './queries';
import { hasFilters, validateCommitmentSearch, type CommitmentFilters } from './search';

const ROUTE = '/_authenticated/w/$slug/commitments';
const PATH = '/w/$slug/commitments';
const SEARCH_DEBOUNCE_MS = 300;

export function CommitmentsPage() {
  const { t } = useTranslation();
  const { slug } = useParams({ from: ROUTE });
  const filters = useSearch({ from: ROUTE });
  const navigate = useNavigate({ from: PATH });

  const setFilters = (patch: Partial<CommitmentFilters>, replace = false) =>
    void navigate({
      search: (previous) => validateCommitmentSearch({ ...previous, ...patch }),
      replace,
    });
  const clearFilters = () => void navigate({ search: filters.sort ? { sort: filters.sort } : {} });

  return (
    <Stack gap="md">
      <Title order={1}>{t('commitments.title')}</Title>
      <FilterPanel slug={slug} filters={filters} onChange={setFilters} onClear={clearFilters} />
      <Results slug={slug} filters={filters} onClear={clearFilters} />
    </Stack>
  );
}

interface FilterPanelProps {
  slug: string;
  filters: CommitmentFilters;
  onChange: (patch: Partial<CommitmentFilters>, replace?: boolean) => void;
  onClear: () => void;
}

function FilterPanel({ slug, filters, onChange, onClear }: FilterPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const frameworks = useQuery(frameworksQuery(slug));
  const organizations = useQuery(organizationsQuery(slug));

  // The search box is edited locally and written to the URL once typing pauses; a change of
  // the URL from elsewhere (back button, "clear filters") is copied back into the box.
  const [text, setText] = useState(filters.q ?? '');
  const [urlText, setUrlText] = useState(filters.q);
  if (urlText !== filters.q) {
    setUrlText(filters.q);
    // Our own (trimmed) write coming back must not eat a space typed since.
    if ((filters.q ?? '') !== text.trim()) setText(filters.q ?? '');
  }
  const writeSearch = useDebouncedCallback((value: string) => {
    onChange({ q: value.trim() || undefined }, true);
  }, SEARCH_DEBOUNCE_MS);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="filters-heading">
      <Title order={2} size="h5" id="filters-heading" mb="sm">
        {t('commitments.filters')}
      </Title>
      <Stack gap="sm">
        <TextInput
          label={t('commitments.search')}
          placeholder={t('commitments.searchPlaceholder')}
          type="search"
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            writeSearch(event.currentTarget.value);
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <Select
            label={t('commitments.framework')}
            placeholder={t('commitments.allFrameworks')}
            clearable
            searchable
            value={filters.frameworkId ?? null}
            onChange={(value) => onChange({ frameworkId: value ?? undefined })}
            data={(frameworks.data?.items ?? []).map((framework) => ({
              value: framework.id,
              label: `${framework.code} — ${format.text(framework.title)}`,
            }))}
          />
          <MultiSelect
            label={t('common.status')}
            placeholder={filters.status ? undefined : t('commitments.selectPlaceholder')}
            clearable
            value={filters.status ?? []}
            onChange={(value) => onChange({ status: value as CommitmentFilters['status'] })}
            data={COMMITMENT_STATUSES.map((status) => ({
              value: status,
              label: t(`status.${status}`),
            }))}
          />
          <Select
            label={t('commitments.leadOrg')}
            placeholder={t('commitments.allOrgs')}
            clearable
            searchable
            value={filters.leadOrgId ?? null}
            onChange={(value) => onChange({ leadOrgId: value ?? undefined })}
            data={(organizations.data ?? []).map((organization) => ({
              value: organization.id,
              label: `${organization.shortName} — ${format.text(organization.name)}`,
            }))}
          />
          <Select
            label={t('commitments.overdue')}
            value={filters.overdue === undefined ? 'any' : String(filters.overdue)}
            allowDeselect={false}
            onChange={(value) =>
              onChange({ overdue: value === 'true' ? true : value === 'false' ? false : undefined })
            }
            data={[
              { value: 'any', label: t('common.any') },
              { value: 'true', label: t('commitments.overdueOnly') },
              { value: 'false', label: t('commitments.notOverdue') },
            ]}
          />
          <MultiSelect
            label={t('commitments.theme')}
            placeholder={filters.theme ? undefined : t('commitments.selectPlaceholder')}
            clearable
            value={filters.theme ?? []}
            onChange={(value) => onChange({ theme: value as CommitmentFilters['theme'] })}
            data={THEMES.map((theme) => ({ value: theme, label: t(`theme.${theme}`) }))}
          />
          <MultiSelect
            label={t('commitments.targetGroup')}
            placeholder={filters.targetGroup ? undefined : t('commitments.selectPlaceholder')}
            clearable
            value={filters.targetGroup ?? []}
            onChange={(value) =>
              onChange({ targetGroup: value as CommitmentFilters['targetGroup'] })
            }
            data={TARGET_GROUPS.map((group) => ({
              value: group,
              label: t(`targetGroup.${group}`),
            }))}
          />
          <Select
            label={t('commitments.sort')}
            value={filters.sort ?? 'reference'}
            allowDeselect={false}
            onChange={(value) =>
              onChange({ sort: value === 'reference' ? undefined : (value as CommitmentSort) })
            }
            data={COMMITMENT_SORTS.map((sort) => ({ value: sort, label: t(`sort.${sort}`) }))}
          />
        </SimpleGrid>
        {hasFilters(filters) && (
          <Group>
            <Button variant="subtle" size="xs" onClick={onClear}>
              {t('commitments.clearFilters')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

interface ResultsProps {
  slug: string;
  filters: CommitmentFilters;
  onClear: () => void;
}

function Results({ slug, filters, onClear }: ResultsProps) {
  const { t } = useTranslation();
  const query = useInfiniteQuery(commitmentsQuery(slug, filters));
  const organizations = useQuery(organizationsQuery(slug));

  if (query.isPending) return <LoadingState rows={6} />;
  // A failed "load more" keeps the rows already shown; only a failed first page replaces them.
  if (query.data === undefined) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }

  const rows = query.data.pages.flatMap((page) => page.items);
  if (rows.length === 0) {
    return (
      <EmptyState
        message={t('commitments.empty')}
        action={
          hasFilters(filters) && (
            <Button variant="light" onClick={onClear}>
              {t('commitments.clearFilters')}
            </Button>
          )
        }
      />
    );
  }
  const orgById = new Map((organizations.data ?? []).map((org) => [org.id, org]));
  return (
    <Stack gap="sm" component="section" aria-labelledby="results-heading">
      <Group justify="space-between">
        <Title order={2} size="h5" id="results-heading">
          {t('commitments.results')}
        </Title>
        <Text size="sm" c="dimmed" role="status">
          {t('commitments.shown', { count: rows.length })}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={880}>
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('commitments.reference')}</Table.Th>
              <Table.Th scope="col">{t('commitments.titleColumn')}</Table.Th>
              <Table.Th scope="col">{t('common.status')}</Table.Th>
              <Table.Th scope="col">{t('common.progress')}</Table.Th>
              <Table.Th scope="col">{t('commitments.leadOrg')}</Table.Th>
              <Table.Th scope="col">{t('commitments.targetDate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((commitment) => (
              <CommitmentRow
                key={commitment.id}
                slug={slug}
                commitment={commitment}
                lead={commitment.leadOrgId ? orgById.get(commitment.leadOrgId) : undefined}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {query.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void query.fetchNextPage()}
            loading={query.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
      {query.isFetchNextPageError && (
        <ErrorState error={query.error} onRetry={() => void query.fetchNextPage()} />
      )}
    </Stack>
  );
}

interface CommitmentRowProps {
  slug: string;
  commitment: Commitment;
  lead: Organization | undefined;
}

function CommitmentRow({ slug, commitment, lead }: CommitmentRowProps) {
  const format = useFormat();
  const { t } = useTranslation();
  const label = `${commitment.frameworkCode} ${commitment.reference}`;
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="xs" c="dimmed">
          {commitment.frameworkCode}
        </Text>
        <Text fw={600}>{commitment.reference}</Text>
      </Table.Td>
      <Table.Td>
        <RouterAnchor
          to="/w/$slug/commitments/$commitmentId"
          params={{ slug, commitmentId: commitment.id }}
        >
          {format.text(commitment.title)}
        </RouterAnchor>
      </Table.Td>
      <Table.Td>
        <StatusBadge status={commitment.status} />
      </Table.Td>
      <Table.Td>
        <ProgressBar value={commitment.progress} name={label} width={100} />
      </Table.Td>
      <Table.Td>{lead ? lead.shortName : t('common.none')}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{format.date(commitment.targetDate) || t('common.none')}</Text>
          {commitment.overdue && <OverdueBadge />}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
