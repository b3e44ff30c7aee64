import {
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dashboardRoute } from '../../router';
import { NONE, type TrendGranularity } from '@spct/contracts';
import type { DashboardSummary, OrganizationSlice } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { EmptyState, ErrorState, LoadingState } from '../layout/states';
import { usePageTitle } from '../layout/usePageTitle';
import { AttentionLists } from './AttentionLists';
import { ChartCard } from './ChartCard';
import { ChartPatterns, DrillDownContext } from './chartParts';
import { DashboardFiltersBar } from './DashboardFiltersBar';
import { DialoguePanel } from './DialoguePanel';
import { summaryQuery, trendQuery } from './queries';
import {
  dashboardFilters,
  validateDashboardSearch,
  type DashboardFilters,
  type DashboardSearch,
} from './search';
import {
  StatusBarsChart,
  StatusDistributionChart,
  StatusDistributionTable,
  StatusTable,
  type StatusRow,
} from './StatusCharts';
import { Tiles } from './Tiles';
import { BurnUpChart, TrendChart, TrendTable } from './TrendCharts';
import { ExportButtons } from '../exports/ExportButtons';
import classes from './Dashboard.module.css';

/** How the trackable items stand, at a glance; every number opens the list behind it. */
export function DashboardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { slug } = dashboardRoute.useParams();
  const search = dashboardRoute.useSearch();
  const navigate = dashboardRoute.useNavigate();
  const filters = dashboardFilters(search);
  const summary = useQuery(summaryQuery(slug, filters));
  usePageTitle(t('dashboard.title'));

  const setSearch = (patch: DashboardSearch) =>
    void navigate({ search: (previous) => validateDashboardSearch({ ...previous, ...patch }) });
  const clearFilters = () =>
    void navigate({ search: search.granularity ? { granularity: search.granularity } : {} });

  return (
    <DrillDownContext.Provider value={{ slug, filters }}>
      <ChartPatterns />
      <Stack gap="md" className={classes.page}>
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <div>
            <Title order={1}>{t('dashboard.title')}</Title>
            <Text c="dimmed" size="sm">
              {summary.data
                ? t('dashboard.asOf', { date: format.date(summary.data.asOf) })
                : t('dashboard.intro')}
            </Text>
          </div>
          <Group gap="sm" className={classes.screenOnly}>
            <ExportButtons
              slug={slug}
              name="dashboard"
              query={filters}
              label={t('exports.what.dashboard')}
            />
            <Button variant="default" onClick={() => window.print()}>
              {t('dashboard.print')}
            </Button>
          </Group>
        </Group>
        <DashboardFiltersBar
          slug={slug}
          filters={filters}
          onChange={setSearch}
          onClear={clearFilters}
        />
        {summary.isPending ? (
          <LoadingState rows={6} />
        ) : summary.isError ? (
          <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
        ) : summary.data.total === 0 ? (
          <EmptyState
            message={t(
              Object.keys(filters).length > 0 ? 'dashboard.emptyFiltered' : 'dashboard.empty',
            )}
            action={
              Object.keys(filters).length > 0 && (
                <Button variant="light" onClick={clearFilters}>
                  {t('commitments.clearFilters')}
                </Button>
              )
            }
          />
        ) : (
          <Stack
            gap="md"
            aria-busy={summary.isFetching}
            style={{ opacity: summary.isPlaceholderData ? 0.6 : 1 }}
          >
            <Figures
              slug={slug}
              filters={filters}
              summary={summary.data}
              granularity={search.granularity ?? 'quarter'}
              onGranularity={(granularity) =>
                setSearch({ granularity: granularity === 'quarter' ? undefined : granularity })
              }
            />
          </Stack>
        )}
      </Stack>
    </DrillDownContext.Provider>
  );
}

interface FiguresProps {
  slug: string;
  filters: DashboardFilters;
  summary: DashboardSummary;
  granularity: TrendGranularity;
  onGranularity: (granularity: TrendGranularity) => void;
}

function Figures({ slug, filters, summary, granularity, onGranularity }: FiguresProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const frameworks: StatusRow[] = summary.byFramework.map((slice) => ({
    key: slice.frameworkId,
    label: slice.code,
    total: slice.total,
    statusCounts: slice.statusCounts,
    progress: slice.progress,
    dimension: { frameworkId: [slice.frameworkId] },
  }));
  const organizations = (slices: OrganizationSlice[], role: 'lead' | 'co'): StatusRow[] =>
    slices.map((slice) => ({
      key: slice.organizationId ?? NONE,
      label: slice.shortName ?? t('dashboard.notTakenUp'),
      total: slice.total,
      statusCounts: slice.statusCounts,
      dimension:
        role === 'lead'
          ? { leadOrgId: [slice.organizationId ?? NONE] }
          : { coOrgId: slice.organizationId ? [slice.organizationId] : [] },
    }));
  const themes: StatusRow[] = summary.byTheme.map((slice) => ({
    key: slice.theme ?? NONE,
    label: slice.theme ? t(`theme.${slice.theme}`) : t('commitments.noTheme'),
    total: slice.total,
    statusCounts: slice.statusCounts,
    dimension: { theme: [slice.theme ?? NONE] },
  }));
  const targetGroups: StatusRow[] = summary.byTargetGroup.map((slice) => ({
    key: slice.targetGroup,
    label: t(`targetGroup.${slice.targetGroup}`),
    total: slice.total,
    statusCounts: slice.statusCounts,
    dimension: { targetGroup: [slice.targetGroup] },
  }));

  return (
    <>
      <Tiles slug={slug} summary={summary} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ChartCard
          title={t('dashboard.charts.status')}
          description={t('dashboard.charts.statusHint', { total: format.number(summary.total) })}
          chart={<StatusDistributionChart counts={summary.statusCounts} />}
          table={<StatusDistributionTable counts={summary.statusCounts} total={summary.total} />}
        />
        <ChartCard
          title={t('dashboard.charts.frameworks')}
          description={t('dashboard.charts.frameworksHint')}
          chart={<StatusBarsChart rows={frameworks} />}
          table={
            <StatusTable rows={frameworks} groupLabel={t('commitments.framework')} withProgress />
          }
        />
      </SimpleGrid>
      <TrendSection
        slug={slug}
        filters={filters}
        granularity={granularity}
        onGranularity={onGranularity}
      />
      <OrganizationHeatMap
        title={t('dashboard.charts.lead')}
        hint={t('dashboard.charts.leadHint')}
        rows={organizations(summary.byLeadOrganization, 'lead')}
      />
      <OrganizationHeatMap
        title={t('dashboard.charts.co')}
        hint={t('dashboard.charts.coHint')}
        rows={organizations(summary.byCoOrganization, 'co')}
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ChartCard
          title={t('dashboard.charts.themes')}
          chart={<StatusBarsChart rows={themes} />}
          table={<StatusTable rows={themes} groupLabel={t('commitments.theme')} />}
        />
        <ChartCard
          title={t('dashboard.charts.targetGroups')}
          description={t('dashboard.charts.targetGroupsHint')}
          chart={
            targetGroups.length === 0 ? (
              <Text c="dimmed">{t('dashboard.charts.noTargetGroups')}</Text>
            ) : (
              <StatusBarsChart rows={targetGroups} />
            )
          }
          table={<StatusTable rows={targetGroups} groupLabel={t('commitments.targetGroup')} />}
        />
      </SimpleGrid>
      <DialoguePanel slug={slug} summary={summary} />
      <AttentionLists slug={slug} filters={filters} summary={summary} />
    </>
  );
}

/** An organization × status table, each cell coloured by its share of the organization's items. */
function OrganizationHeatMap({
  title,
  hint,
  rows,
}: {
  title: string;
  hint: string;
  rows: StatusRow[];
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-label={title} className={classes.card}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
        {rows.length === 0 ? (
          <Text c="dimmed">{t('dashboard.charts.noOrganizations')}</Text>
        ) : (
          <StatusTable rows={rows} groupLabel={t('dashboard.organization')} heat />
        )}
      </Stack>
    </Paper>
  );
}

function TrendSection({
  slug,
  filters,
  granularity,
  onGranularity,
}: {
  slug: string;
  filters: DashboardFilters;
  granularity: TrendGranularity;
  onGranularity: (granularity: TrendGranularity) => void;
}) {
  const { t } = useTranslation();
  const trend = useQuery(trendQuery(slug, filters, granularity));
  const switcher = (
    <SegmentedControl
      size="xs"
      value={granularity}
      onChange={(value) => onGranularity(value as TrendGranularity)}
      aria-label={t('dashboard.trend.granularity')}
      data={[
        { value: 'quarter', label: t('dashboard.trend.quarters') },
        { value: 'month', label: t('dashboard.trend.months') },
      ]}
    />
  );
  const body = (chart: (periods: NonNullable<typeof trend.data>['periods']) => React.ReactNode) =>
    trend.isPending ? (
      <LoadingState rows={2} />
    ) : trend.isError ? (
      <ErrorState error={trend.error} onRetry={() => void trend.refetch()} />
    ) : (
      chart(trend.data.periods)
    );
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <ChartCard
        title={t('dashboard.trend.title')}
        description={t('dashboard.trend.hint')}
        controls={switcher}
        chart={body((periods) => (
          <TrendChart periods={periods} />
        ))}
        table={body((periods) => (
          <TrendTable periods={periods} />
        ))}
      />
      <ChartCard
        title={t('dashboard.burnUp.title')}
        description={t('dashboard.burnUp.hint')}
        chart={body((periods) => (
          <BurnUpChart periods={periods} />
        ))}
        table={body((periods) => (
          <TrendTable periods={periods} />
        ))}
      />
    </SimpleGrid>
  );
}
