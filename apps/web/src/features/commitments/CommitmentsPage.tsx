import { memo, startTransition, useEffect, useState } from 'react';
import {
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  NativeSelect,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { commitmentsRoute } from '../../router';
import { useTranslation } from 'react-i18next';
import { COMMITMENT_SORTS, COMMITMENT_STATUSES, type CommitmentSort } from '@spct/contracts';
import type { Commitment, Organization } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { useMembership } from '../auth/useMembership';
import { usePageTitle } from '../layout/usePageTitle';
import { EmptyState, ErrorState, LoadingState } from '../layout/states';
import { RouterAnchor } from '../layout/RouterAnchor';
import { organizationsQuery } from '../organizations/queries';
import { OverdueBadge, ProgressBar, TrackedStatusBadge } from './badges';
import { useFilterOptions } from './filterOptions';
import { ExportButtons } from '../exports/ExportButtons';
import { ListTotal } from './ListTotal';
import { ScopeChips } from './ScopeChips';
import { commitmentsQuery, PAGE_SIZE } from './queries';
import { filtersOf, hasFilters, validateCommitmentSearch, type CommitmentSearch } from './search';

const SEARCH_DEBOUNCE_MS = 300;

type Patch = Partial<CommitmentSearch>;

/** The commitments list as a work tool: filters, sortable columns, pages; all of it in the URL. */
export function CommitmentsPage() {
  const { t } = useTranslation();
  const { slug } = commitmentsRoute.useParams();
  const search = commitmentsRoute.useSearch();
  const navigate = useNavigate({ from: commitmentsRoute.fullPath });
  const { can } = useMembership(slug);
  usePageTitle(t('commitments.title'));

  // A change of filters or sort starts again from the first page.
  const setFilters = (patch: Patch, replace = false) =>
    void navigate({
      search: (previous) =>
        validateCommitmentSearch({ ...previous, ...patch, after: patch.after ?? undefined }),
      replace,
    });
  const clearFilters = () => void navigate({ search: search.sort ? { sort: search.sort } : {} });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1}>{t('commitments.title')}</Title>
        <Group gap="sm">
          <ExportButtons
            slug={slug}
            name="commitments"
            query={filtersOf(search)}
            label={t('exports.what.commitments')}
          />
          {can('commitment.create') && (
            <Button
              renderRoot={(props) => (
                <Link {...props} to="/w/$slug/commitments/new" params={{ slug }} />
              )}
            >
              {t('workList.newCommitment')}
            </Button>
          )}
        </Group>
      </Group>
      <FilterPanel slug={slug} search={search} onChange={setFilters} onClear={clearFilters} />
      <Results slug={slug} search={search} onChange={setFilters} onClear={clearFilters} />
    </Stack>
  );
}

/** The filters a phone shows behind its "More filters" button (all but the search). */
const MORE_FILTERS = [
  'frameworkId',
  'status',
  'leadOrgId',
  'overdue',
  'theme',
  'targetGroup',
  'needsUpdate',
  'archived',
] as const satisfies readonly (keyof CommitmentSearch)[];

interface FilterPanelProps {
  slug: string;
  search: CommitmentSearch;
  onChange: (patch: Patch, replace?: boolean) => void;
  onClear: () => void;
}

function FilterPanel({ slug, search, onChange, onClear }: FilterPanelProps) {
  const { t } = useTranslation();
  const options = useFilterOptions(slug);

  // The search box is edited locally and written to the URL once typing pauses; a change of
  // the URL from elsewhere (back button, "clear filters") is copied back into the box. Our own
  // write arrives later (after the page's data loads): it must not undo what was typed since.
  const [text, setText] = useState(search.q ?? '');
  const [urlText, setUrlText] = useState(search.q);
  const [written, setWritten] = useState<string | undefined>(search.q);
  if (urlText !== search.q) {
    setUrlText(search.q);
    if (search.q !== written && (search.q ?? '') !== text.trim()) {
      setText(search.q ?? '');
      setWritten(search.q);
    }
  }
  const writeSearch = useDebouncedCallback((value: string) => {
    const q = value.trim() || undefined;
    setWritten(q);
    onChange({ q }, true);
  }, SEARCH_DEBOUNCE_MS);

  // On a phone the filters other than the search wait behind a button: the list's cards reach
  // the first screen, and the first screen's commit does not mount eight selects and switches
  // (with what Mantine redraws right after mounting them, a long task of a phone's first load).
  const phone = usePhone();
  const [moreOpen, setMoreOpen] = useState(false);
  const inUse = MORE_FILTERS.filter((key) => search[key] !== undefined).length;

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
        {phone && (
          <Button
            variant="default"
            aria-expanded={moreOpen}
            aria-controls="more-filters"
            onClick={() => setMoreOpen((open) => !open)}
          >
            {inUse > 0
              ? t('commitments.moreFiltersInUse', { n: inUse })
              : t('commitments.moreFilters')}
          </Button>
        )}
        {(!phone || moreOpen) && (
          <SimpleGrid id="more-filters" cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <MultiSelect
              label={t('commitments.framework')}
              placeholder={search.frameworkId ? undefined : t('commitments.allFrameworks')}
              clearable
              searchable
              value={search.frameworkId ?? []}
              onChange={(value) => onChange({ frameworkId: value })}
              data={options.frameworks}
            />
            <MultiSelect
              label={t('common.status')}
              placeholder={search.status ? undefined : t('commitments.selectPlaceholder')}
              clearable
              value={search.status ?? []}
              onChange={(value) => onChange({ status: value as CommitmentSearch['status'] })}
              data={COMMITMENT_STATUSES.map((status) => ({
                value: status,
                label: t(`status.${status}`),
              }))}
            />
            <MultiSelect
              label={t('commitments.leadOrg')}
              placeholder={search.leadOrgId ? undefined : t('commitments.allOrgs')}
              clearable
              searchable
              value={search.leadOrgId ?? []}
              onChange={(value) => onChange({ leadOrgId: value })}
              data={options.leadOrganizations}
            />
            <Select
              label={t('commitments.overdue')}
              value={search.overdue === undefined ? 'any' : String(search.overdue)}
              allowDeselect={false}
              onChange={(value) =>
                onChange({
                  overdue: value === 'true' ? true : value === 'false' ? false : undefined,
                })
              }
              data={[
                { value: 'any', label: t('common.any') },
                { value: 'true', label: t('commitments.overdueOnly') },
                { value: 'false', label: t('commitments.notOverdue') },
              ]}
            />
            <MultiSelect
              label={t('commitments.theme')}
              placeholder={search.theme ? undefined : t('commitments.selectPlaceholder')}
              clearable
              value={search.theme ?? []}
              onChange={(value) => onChange({ theme: value as CommitmentSearch['theme'] })}
              data={options.themes}
            />
            <MultiSelect
              label={t('commitments.targetGroup')}
              placeholder={search.targetGroup ? undefined : t('commitments.selectPlaceholder')}
              clearable
              value={search.targetGroup ?? []}
              onChange={(value) =>
                onChange({ targetGroup: value as CommitmentSearch['targetGroup'] })
              }
              data={options.targetGroups}
            />
            <Stack gap="xs" justify="flex-end">
              <Switch
                label={t('workList.needsUpdate')}
                description={t('workList.needsUpdateHint')}
                checked={search.needsUpdate === true}
                onChange={(event) =>
                  onChange({ needsUpdate: event.currentTarget.checked || undefined })
                }
              />
            </Stack>
            <Stack gap="xs" justify="flex-end">
              <Switch
                label={t('workList.archived')}
                checked={search.archived === true}
                onChange={(event) =>
                  onChange({ archived: event.currentTarget.checked || undefined })
                }
              />
            </Stack>
          </SimpleGrid>
        )}
        <ScopeChips search={search} onChange={onChange} shortName={options.shortName} />
        {hasFilters(search) && (
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

/** The columns the API sorts by, and their first direction when chosen. */
const SORTABLE = {
  reference: 'reference',
  progress: '-progress',
  targetDate: 'targetDate',
  updatedAt: '-updatedAt',
  status: 'status',
  leadOrg: 'leadOrg',
} as const satisfies Record<string, CommitmentSort>;
type SortField = keyof typeof SORTABLE;

interface ResultsProps {
  slug: string;
  search: CommitmentSearch;
  onChange: (patch: Patch, replace?: boolean) => void;
  onClear: () => void;
}

function Results({ slug, search, onChange, onClear }: ResultsProps) {
  const { t } = useTranslation();
  const after = search.after ?? [];
  const query = useQuery(commitmentsQuery(slug, filtersOf(search), after.at(-1) ?? null));
  const organizations = useQuery(organizationsQuery(slug));
  // Below 48em (a phone) the table becomes a list of cards: nothing to scroll sideways.
  const phone = usePhone();
  // Only the cards are drawn a few at a time; the table is drawn whole.
  const drawn = useGradualCount(phone ? (query.data?.items.length ?? 0) : 0);

  if (query.isPending) return <LoadingState rows={6} />;
  if (query.isError) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const all = query.data?.items ?? [];
  const rows = phone ? all.slice(0, drawn) : all;
  if (all.length === 0 && after.length === 0) {
    return (
      <EmptyState
        message={t('commitments.empty')}
        action={
          hasFilters(search) && (
            <Button variant="light" onClick={onClear}>
              {t('commitments.clearFilters')}
            </Button>
          )
        }
      />
    );
  }
  const orgById = new Map((organizations.data ?? []).map((org) => [org.id, org]));
  const from = after.length * PAGE_SIZE + 1;
  const nextCursor = query.isPlaceholderData ? null : (query.data?.nextCursor ?? null);
  const sort = search.sort ?? 'reference';
  const header = (field: SortField, label: string) => (
    <SortHeader
      field={field}
      label={label}
      sort={sort}
      onSort={(next) => onChange({ sort: next === 'reference' ? undefined : next })}
    />
  );
  return (
    <Stack
      gap="sm"
      component="section"
      aria-labelledby="results-heading"
      aria-busy={query.isFetching}
    >
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={2} size="h5" id="results-heading">
            {t('commitments.results')}
          </Title>
          <ListTotal slug={slug} filters={filtersOf(search)} onFirstPage={after.length === 0} />
        </Group>
        <Text size="sm" c="dimmed" role="status">
          {all.length === 0
            ? t('workList.pageEmpty')
            : t(nextCursor ? 'workList.rangeMore' : 'workList.range', {
                from,
                to: from + all.length - 1,
              })}
        </Text>
      </Group>
      {phone ? (
        <>
          <NativeSelect
            label={t('commitments.sortBy')}
            value={sort}
            onChange={(event) => onChange({ sort: sortOf(event.currentTarget.value) })}
            data={COMMITMENT_SORTS.map((value) => ({ value, label: t(`sort.${value}`) }))}
          />
          <Stack
            component="ul"
            gap="sm"
            p={0}
            m={0}
            style={{ listStyle: 'none', opacity: query.isPlaceholderData ? 0.6 : 1 }}
            aria-label={t('commitments.results')}
          >
            {rows.map((commitment) => (
              <CommitmentCard
                key={commitment.id}
                slug={slug}
                commitment={commitment}
                lead={commitment.leadOrgId ? orgById.get(commitment.leadOrgId) : undefined}
              />
            ))}
          </Stack>
        </>
      ) : (
        <Table.ScrollContainer minWidth={960}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                {header('reference', t('commitments.reference'))}
                <Table.Th scope="col">{t('commitments.titleColumn')}</Table.Th>
                {header('status', t('common.status'))}
                {header('progress', t('common.progress'))}
                {header('leadOrg', t('commitments.leadOrg'))}
                {header('targetDate', t('commitments.targetDate'))}
                {header('updatedAt', t('workList.updated'))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
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
      )}
      {(after.length > 0 || nextCursor) && rows.length === all.length && (
        <Group justify="center" component="nav" aria-label={t('workList.pagination')}>
          <Button
            variant="default"
            disabled={after.length === 0}
            onClick={() => onChange({ after: after.slice(0, -1) })}
          >
            {t('workList.previous')}
          </Button>
          <Text size="sm">{t('workList.page', { page: after.length + 1 })}</Text>
          <Button
            variant="default"
            disabled={!nextCursor}
            onClick={() => nextCursor && onChange({ after: [...after, nextCursor] })}
          >
            {t('workList.next')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** A phone's width (below 48em), read at the first render: a phone lays out nothing wide first. */
function usePhone(): boolean {
  return useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
}

/** Cards drawn with the first screen: a phone shows two below the filters. */
const FIRST_ROWS = 3;
/** The others follow this many at a time. */
const NEXT_ROWS = 6;

/**
 * How many of a page's cards a phone draws: a whole page of them is one long task (over 50 ms
 * on a phone), so the first screen gets the first few and the rest come in small transitions
 * right after, below them (the pagination with the last). Once a page is whole, later pages
 * are drawn whole.
 */
function useGradualCount(total: number): number {
  const [limit, setLimit] = useState(FIRST_ROWS);
  useEffect(() => {
    if (limit < total) startTransition(() => setLimit((current) => current + NEXT_ROWS));
  }, [limit, total]);
  return Math.min(limit, total);
}

interface SortHeaderProps {
  field: SortField;
  label: string;
  sort: CommitmentSort;
  onSort: (sort: CommitmentSort) => void;
}

/** A column header that sorts by its column; a second press reverses the order. */
function SortHeader({ field, label, sort, onSort }: SortHeaderProps) {
  const { t } = useTranslation();
  const active = sort === field || sort === `-${field}`;
  const descending = sort.startsWith('-');
  const next: CommitmentSort = active
    ? ((descending ? field : `-${field}`) as CommitmentSort)
    : SORTABLE[field];
  return (
    <Table.Th
      scope="col"
      aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}
      style={{ whiteSpace: 'nowrap' }}
    >
      <UnstyledButton onClick={() => onSort(next)} fw={700} fz="sm" title={t(`sort.${next}`)}>
        {label} <span aria-hidden="true">{active ? (descending ? '▼' : '▲') : '↕'}</span>
      </UnstyledButton>
    </Table.Th>
  );
}

interface CommitmentRowProps {
  slug: string;
  commitment: Commitment;
  lead: Organization | undefined;
}

// Memoized: the rows already drawn are not drawn again as the next ones are added.
const CommitmentRow = memo(function CommitmentRow({ slug, commitment, lead }: CommitmentRowProps) {
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
        <TrackedStatusBadge status={commitment.trackedStatus} parent={commitment.childCount > 0} />
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
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{format.date(commitment.updatedAt)}</Text>
      </Table.Td>
    </Table.Tr>
  );
});

/** The default sort (by reference) is left out of the URL. */
function sortOf(value: string): CommitmentSort | undefined {
  const sort = COMMITMENT_SORTS.find((item) => item === value);
  return sort === 'reference' ? undefined : sort;
}

/** A commitment of the list on a phone: what the table's row says, stacked. */
const CommitmentCard = memo(function CommitmentCard({
  slug,
  commitment,
  lead,
}: CommitmentRowProps) {
  const format = useFormat();
  const { t } = useTranslation();
  const label = `${commitment.frameworkCode} ${commitment.reference}`;
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      data-testid="commitment-card"
      style={{ contentVisibility: 'auto', containIntrinsicSize: 'auto 150px' }}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="sm" fw={600}>
            {label}
          </Text>
          <TrackedStatusBadge
            status={commitment.trackedStatus}
            parent={commitment.childCount > 0}
          />
        </Group>
        <RouterAnchor
          to="/w/$slug/commitments/$commitmentId"
          params={{ slug, commitmentId: commitment.id }}
          fw={500}
        >
          {format.text(commitment.title)}
        </RouterAnchor>
        <ProgressBar value={commitment.progress} name={label} width={140} />
        <Group gap="xs" wrap="wrap">
          <Text size="sm">
            {t('commitments.targetDate')}: {format.date(commitment.targetDate) || t('common.none')}
          </Text>
          {commitment.overdue && <OverdueBadge />}
          <Text size="sm" c="dimmed">
            {lead ? lead.shortName : ''}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
});
