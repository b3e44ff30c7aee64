import { Anchor, Group, Progress, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CommitmentStatus } from '@spct/contracts';
import type { DashboardSummary } from '../../api/types';
import { useFormat } from '../../i18n/format';
import type { CommitmentFilters } from '../commitments/search';
import { RouterAnchor } from '../layout/RouterAnchor';
import { complianceQuery } from '../reporting/queries';
import { Swatch, useListLink } from './chartParts';
import { STATUS_STYLES } from './styles';
import classes from './Dashboard.module.css';

interface Tile {
  key: string;
  label: string;
  value: string;
  hint?: string;
  status?: CommitmentStatus;
  progress?: number;
  /** The list filters of the items the tile counts. */
  dimension: CommitmentFilters;
}

const STATUS_TILES = ['ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'COMPLETED'] as const;

/** The headline numbers; each opens the list of exactly the items it counts. */
export function Tiles({ slug, summary }: { slug: string; summary: DashboardSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const linkTo = useListLink();
  const share = (count: number) =>
    t('dashboard.tiles.share', {
      share: format.percent(summary.total === 0 ? 0 : (count / summary.total) * 100),
    });
  const { attention } = summary;
  const tiles: Tile[] = [
    {
      key: 'total',
      label: t('dashboard.tiles.total'),
      value: format.number(summary.total),
      hint: t('dashboard.tiles.totalHint'),
      dimension: {},
    },
    {
      key: 'progress',
      label: t('dashboard.weightedProgress'),
      value: format.percent(summary.progress),
      progress: summary.progress,
      dimension: { sort: '-progress' },
    },
    ...STATUS_TILES.map((status) => ({
      key: status,
      label: t(`status.${status}`),
      value: format.number(summary.statusCounts[status]),
      hint: share(summary.statusCounts[status]),
      status,
      dimension: { status: [status] },
    })),
    {
      key: 'overdue',
      label: t('attention.overdue'),
      value: format.number(attention.overdue),
      hint: t('dashboard.tiles.overdueHint'),
      dimension: { attention: 'overdue' },
    },
    {
      key: 'stale',
      label: t('attention.stale'),
      value: format.number(attention.stale),
      hint: t('dashboard.tiles.staleHint'),
      dimension: { attention: 'stale' },
    },
    {
      key: 'pending',
      label: t('attention.pending'),
      value: format.number(attention.pending),
      hint: t('dashboard.tiles.pendingHint', {
        count: attention.pendingReports,
        reports: format.number(attention.pendingReports),
      }),
      dimension: { attention: 'pending' },
    },
    {
      key: 'indicators',
      label: t('attention.indicators'),
      value: format.number(attention.indicators),
      hint: t('dashboard.tiles.indicatorsHint', {
        count: attention.offTrackIndicators,
        indicators: format.number(attention.offTrackIndicators),
      }),
      dimension: { attention: 'indicators' },
    },
    {
      key: 'disagreement',
      label: t('attention.disagreement'),
      value: format.number(attention.disagreement),
      hint: t('dashboard.tiles.disagreementHint'),
      dimension: { attention: 'disagreement' },
    },
  ];
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 3, lg: 6 }}
      spacing="sm"
      component="ul"
      className={classes.plainList}
      aria-label={t('dashboard.tiles.label')}
    >
      {tiles.map((tile) => (
        <li key={tile.key}>
          <Anchor
            {...linkTo(tile.dimension)}
            underline="never"
            className={classes.tile}
            data-testid={`tile-${tile.key}`}
          >
            <Group gap={6} wrap="nowrap" align="center">
              {tile.status && <Swatch series={STATUS_STYLES[tile.status]} />}
              <Text size="sm" fw={600} c="var(--mantine-color-text)">
                {tile.label}
              </Text>
            </Group>
            <Text fz={28} fw={700} lh={1.2} c="var(--mantine-color-text)" data-testid="tile-value">
              {tile.value}
            </Text>
            {tile.progress !== undefined && (
              <Progress value={tile.progress} size="sm" aria-hidden="true" mt={4} />
            )}
            {tile.hint && (
              <Text size="xs" c="dimmed">
                {tile.hint}
              </Text>
            )}
          </Anchor>
        </li>
      ))}
      <ReportingRateTile slug={slug} />
    </SimpleGrid>
  );
}

/** The current period's reporting rate (of the whole workspace), opening the compliance page. */
function ReportingRateTile({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const compliance = useQuery(complianceQuery(slug, undefined));
  if (!compliance.data) return null;
  const { period, totals } = compliance.data;
  return (
    <li>
      <RouterAnchor
        to="/w/$slug/compliance"
        params={{ slug }}
        underline="never"
        className={classes.tile}
        data-testid="tile-reporting-rate"
      >
        <Text size="sm" fw={600} c="var(--mantine-color-text)">
          {t('compliance.rate')}
        </Text>
        <Text fz={28} fw={700} lh={1.2} c="var(--mantine-color-text)" data-testid="tile-value">
          {totals.rate === null ? '–' : format.percent(totals.rate * 100)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('dashboard.tiles.reportingRateHint', {
            period: period.key,
            submitted: format.number(totals.submittedOnTime + totals.submittedLate),
            expected: format.number(totals.expected),
          })}
        </Text>
      </RouterAnchor>
    </li>
  );
}
