import { Anchor, Group, Table, Text } from '@mantine/core';
import { Bar, BarChart, Legend, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '@spct/contracts';
import type { StatusCounts } from '../../api/types';
import { useFormat } from '../../i18n/format';
import type { CommitmentFilters } from '../commitments/search';
import {
  LEGEND,
  LinkedBar,
  needsSlant,
  Swatch,
  useChartWidth,
  useListLink,
  WrappedTick,
} from './chartParts';
import { STATUS_STYLES } from './styles';
import classes from './Dashboard.module.css';

/** One group of trackable items (a framework, an organization, a theme...) and its statuses. */
export interface StatusRow {
  key: string;
  label: string;
  total: number;
  statusCounts: StatusCounts;
  progress?: number;
  /** The list filters that select this group (added to the dashboard's). */
  dimension: CommitmentFilters;
}

const ROW_HEIGHT = 40;

/** A bar per group, its segments the statuses; every segment opens its items in the list. */
export function StatusBarsChart({ rows }: { rows: StatusRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { ref, width } = useChartWidth();
  const linkTo = useListLink();
  const labelWidth = Math.round(Math.min(200, Math.max(84, width * 0.3)));
  // A framework's weighted progress follows its name on the axis: "ILC-2021 · 28%".
  const data = rows.map((row) => ({
    ...row.statusCounts,
    label:
      row.progress === undefined ? row.label : `${row.label} · ${format.percent(row.progress)}`,
    row,
  }));
  return (
    <div ref={ref} className={classes.chart}>
      <BarChart
        layout="vertical"
        width={width}
        height={rows.length * ROW_HEIGHT + 70}
        data={data}
        accessibilityLayer={false}
        margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
      >
        <XAxis
          type="number"
          allowDecimals={false}
          tickFormatter={(v: number) => format.number(v)}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={labelWidth}
          interval={0}
          tick={<WrappedTick width={labelWidth - 10} />}
        />
        <Legend {...LEGEND} />
        {COMMITMENT_STATUSES.map((status) => (
          <Bar
            key={status}
            dataKey={status}
            stackId="status"
            name={t(`status.${status}`)}
            fill={STATUS_STYLES[status].fill}
            isAnimationActive={false}
            maxBarSize={28}
            shape={(props) => {
              const row = (props.payload as { row: StatusRow }).row;
              const count = row.statusCounts[status];
              return (
                <LinkedBar
                  {...props}
                  series={STATUS_STYLES[status]}
                  count={count}
                  countLabel={format.number(count)}
                  label={t('dashboard.segment', {
                    group: row.label,
                    status: t(`status.${status}`),
                    count: format.number(count),
                  })}
                  link={linkTo({ ...row.dimension, status: [status] })}
                />
              );
            }}
          />
        ))}
      </BarChart>
    </div>
  );
}

interface StatusTableProps {
  rows: StatusRow[];
  /** The header of the group column. */
  groupLabel: string;
  /** Colour each cell by the share of its row's items in that status. */
  heat?: boolean;
  /** A column of weighted progress. */
  withProgress?: boolean;
  caption?: string;
}

/** The numbers of a status chart: a row per group, a column per status; each count a link. */
export function StatusTable({ rows, groupLabel, heat, withProgress, caption }: StatusTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const linkTo = useListLink();
  const cell = (row: StatusRow, status: CommitmentStatus | null) => {
    const count = status ? row.statusCounts[status] : row.total;
    if (count === 0) return <Text c="dimmed">{format.number(0)}</Text>;
    const label = status
      ? t('dashboard.segment', {
          group: row.label,
          status: t(`status.${status}`),
          count: format.number(count),
        })
      : t('dashboard.groupTotal', { group: row.label, count: format.number(count) });
    return (
      <Anchor
        {...linkTo(status ? { ...row.dimension, status: [status] } : row.dimension)}
        aria-label={label}
        className={heat ? classes.heatLink : undefined}
      >
        {format.number(count)}
      </Anchor>
    );
  };
  return (
    <Table.ScrollContainer minWidth={withProgress ? 760 : 680}>
      <Table
        striped={!heat}
        withTableBorder
        withColumnBorders
        verticalSpacing={6}
        className={classes.table}
      >
        {caption && <caption className={classes.caption}>{caption}</caption>}
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{groupLabel}</Table.Th>
            {COMMITMENT_STATUSES.map((status) => (
              <Table.Th key={status} scope="col" ta="right">
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Swatch series={STATUS_STYLES[status]} size={10} />
                  {t(`status.${status}`)}
                </Group>
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              {t('dashboard.total')}
            </Table.Th>
            {withProgress && (
              <Table.Th scope="col" ta="right">
                {t('common.progress')}
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={600}>
                {row.label}
              </Table.Th>
              {COMMITMENT_STATUSES.map((status) => (
                <Table.Td
                  key={status}
                  ta="right"
                  className={heat ? classes.heatCell : undefined}
                  style={heat ? heatStyle(status, row.statusCounts[status], row.total) : undefined}
                >
                  {cell(row, status)}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={600}>
                {cell(row, null)}
              </Table.Td>
              {withProgress && <Table.Td ta="right">{format.percent(row.progress ?? 0)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A cell's background: the status colour, stronger the larger its share of the row. */
function heatStyle(status: CommitmentStatus, count: number, total: number) {
  if (count === 0 || total === 0) return undefined;
  const share = Math.round(15 + (count / total) * 50);
  return { backgroundColor: `color-mix(in srgb, ${STATUS_STYLES[status].base} ${share}%, white)` };
}

/** How many trackable items are in each status: a bar per status, each a link. */
export function StatusDistributionChart({ counts }: { counts: StatusCounts }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { ref, width } = useChartWidth();
  const linkTo = useListLink();
  const data = COMMITMENT_STATUSES.map((status) => ({
    status,
    label: t(`status.${status}`),
    count: counts[status],
  }));
  const band = Math.max(40, (width - 60) / COMMITMENT_STATUSES.length);
  const slant = needsSlant(
    data.map((entry) => entry.label),
    band,
  );
  return (
    <div ref={ref} className={classes.chart}>
      <BarChart
        width={width}
        height={260}
        data={data}
        accessibilityLayer={false}
        margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
      >
        <XAxis
          dataKey="label"
          interval={0}
          height={slant ? 80 : 58}
          tick={<WrappedTick width={band} anchor="middle" slant={slant} />}
        />
        <YAxis allowDecimals={false} width={44} tickFormatter={(v: number) => format.number(v)} />
        <Bar
          dataKey="count"
          isAnimationActive={false}
          maxBarSize={64}
          shape={(props) => {
            const { status, count, label } = props.payload as (typeof data)[number];
            return (
              <LinkedBar
                {...props}
                series={STATUS_STYLES[status]}
                count={count}
                countLabel={format.number(count)}
                label={t('dashboard.statusCount', { status: label, count: format.number(count) })}
                countAbove
                link={linkTo({ status: [status] })}
              />
            );
          }}
        />
      </BarChart>
    </div>
  );
}

/** The numbers of the status distribution: count and share per status. */
export function StatusDistributionTable({
  counts,
  total,
}: {
  counts: StatusCounts;
  total: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const linkTo = useListLink();
  return (
    <Table withTableBorder verticalSpacing={6} className={classes.table}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('common.status')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('dashboard.items')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('dashboard.share')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {COMMITMENT_STATUSES.map((status) => (
          <Table.Tr key={status}>
            <Table.Th scope="row">
              <Group gap={6} wrap="nowrap">
                <Swatch series={STATUS_STYLES[status]} />
                {t(`status.${status}`)}
              </Group>
            </Table.Th>
            <Table.Td ta="right">
              {counts[status] === 0 ? (
                format.number(0)
              ) : (
                <Anchor
                  {...linkTo({ status: [status] })}
                  aria-label={t('dashboard.statusCount', {
                    status: t(`status.${status}`),
                    count: format.number(counts[status]),
                  })}
                >
                  {format.number(counts[status])}
                </Anchor>
              )}
            </Table.Td>
            <Table.Td ta="right">
              {format.percent(total === 0 ? 0 : (counts[status] / total) * 100)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
