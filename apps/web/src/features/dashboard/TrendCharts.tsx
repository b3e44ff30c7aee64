import { Anchor, Table, Text } from '@mantine/core';
import { Bar, ComposedChart, Legend, Line, LineChart, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '@spct/contracts';
import type { TrendPeriod } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { LEGEND, LinkedBar, useChartWidth, useListLink, WrappedTick } from './chartParts';
import { STATUS_STYLES } from './styles';
import classes from './Dashboard.module.css';

/**
 * "Q4 2026" / "Quý 4/2026" for a quarter, "Nov 2026" / "thg 11, 2026" for a month; `compact`
 * ("Q4/26", "11/26") where axes are narrow, `marked` adds "(now)" to the current period.
 */
export function usePeriodLabel() {
  const { t } = useTranslation();
  const format = useFormat();
  const month = new Intl.DateTimeFormat(format.locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const shortMonth = new Intl.DateTimeFormat(format.locale, {
    month: '2-digit',
    year: '2-digit',
    timeZone: 'UTC',
  });
  return (period: TrendPeriod, { marked = true, compact = false } = {}) => {
    const quarter = /^(\d{4})-Q(\d)$/.exec(period.key);
    const start = new Date(`${period.start}T00:00:00Z`);
    const label = quarter
      ? t(compact ? 'dashboard.trend.quarterShort' : 'dashboard.trend.quarter', {
          year: compact ? quarter[1]!.slice(2) : quarter[1],
          quarter: quarter[2],
        })
      : (compact ? shortMonth : month).format(start);
    return period.current && marked ? t('dashboard.trend.current', { period: label }) : label;
  };
}

/** The room of each period on the axis: labels go compact under 64 px, every other one under 40. */
function periodAxis(width: number, periods: number) {
  const band = (width - 110) / Math.max(periods, 1);
  return { band: Math.max(band, 30), compact: band < 64, interval: band < 40 ? 1 : 0 };
}

/**
 * The status mix at the end of each period (stacked bars) and the weighted progress (a dashed
 * line). Only the current period's segments link to the list: the list shows items as they
 * stand now, not as they stood then.
 */
export function TrendChart({ periods }: { periods: TrendPeriod[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { ref, width } = useChartWidth();
  const linkTo = useListLink();
  const periodLabel = usePeriodLabel();
  const axis = periodAxis(width, periods.length);
  const data = periods.map((period) => ({
    ...period.statusCounts,
    label: periodLabel(period, { marked: false, compact: axis.compact }),
    progress: period.progress,
    period,
  }));
  return (
    <div ref={ref} className={classes.chart}>
      <ComposedChart
        width={width}
        height={320}
        data={data}
        accessibilityLayer={false}
        margin={{ top: 8, right: 0, bottom: 8, left: 0 }}
      >
        <XAxis
          dataKey="label"
          interval={axis.interval}
          height={58}
          tick={<WrappedTick width={axis.band * (axis.interval + 1)} anchor="middle" />}
        />
        <YAxis
          yAxisId="items"
          allowDecimals={false}
          width={44}
          tickFormatter={(v: number) => format.number(v)}
        />
        <YAxis
          yAxisId="progress"
          orientation="right"
          domain={[0, 100]}
          width={52}
          tickFormatter={(v: number) => format.percent(v)}
        />
        <Legend {...LEGEND} />
        {COMMITMENT_STATUSES.map((status: CommitmentStatus) => (
          <Bar
            key={status}
            yAxisId="items"
            dataKey={status}
            stackId="status"
            name={t(`status.${status}`)}
            fill={STATUS_STYLES[status].fill}
            isAnimationActive={false}
            maxBarSize={48}
            shape={(props) => {
              const { period } = props.payload as (typeof data)[number];
              const count = period.statusCounts[status];
              return (
                <LinkedBar
                  {...props}
                  series={STATUS_STYLES[status]}
                  count={count}
                  countLabel={format.number(count)}
                  label={t('dashboard.segment', {
                    group: periodLabel(period),
                    status: t(`status.${status}`),
                    count: format.number(count),
                  })}
                  link={period.current ? linkTo({ status: [status] }) : undefined}
                />
              );
            }}
          />
        ))}
        <Line
          yAxisId="progress"
          dataKey="progress"
          name={t('dashboard.weightedProgress')}
          stroke="var(--mantine-color-dark-7)"
          strokeWidth={2}
          strokeDasharray="6 3"
          dot={{ r: 4, fill: 'var(--mantine-color-body)', strokeWidth: 2 }}
          isAnimationActive={false}
        />
      </ComposedChart>
    </div>
  );
}

/** Completed against all trackable items at the end of each period. */
export function BurnUpChart({ periods }: { periods: TrendPeriod[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { ref, width } = useChartWidth();
  const periodLabel = usePeriodLabel();
  const axis = periodAxis(width, periods.length);
  const data = periods.map((period) => ({
    label: periodLabel(period, { marked: false, compact: axis.compact }),
    total: period.total,
    completed: period.completed,
  }));
  return (
    <div ref={ref} className={classes.chart}>
      <LineChart
        width={width}
        height={260}
        data={data}
        accessibilityLayer={false}
        margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        role="img"
        aria-label={t('dashboard.burnUp.summary', {
          completed: format.number(periods.at(-1)?.completed ?? 0),
          total: format.number(periods.at(-1)?.total ?? 0),
        })}
      >
        <XAxis
          dataKey="label"
          interval={axis.interval}
          height={58}
          tick={<WrappedTick width={axis.band * (axis.interval + 1)} anchor="middle" />}
        />
        <YAxis allowDecimals={false} width={44} tickFormatter={(v: number) => format.number(v)} />
        <Legend {...LEGEND} />
        <Line
          dataKey="total"
          name={t('dashboard.burnUp.total')}
          stroke="var(--mantine-color-gray-7)"
          strokeWidth={2}
          strokeDasharray="5 4"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          dataKey="completed"
          name={t('dashboard.burnUp.completed')}
          stroke="var(--mantine-color-blue-8)"
          strokeWidth={3}
          dot={{ r: 4, fill: 'var(--mantine-color-blue-8)' }}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}

/** The numbers of both trend charts; the current period's counts link to the list. */
export function TrendTable({ periods }: { periods: TrendPeriod[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const linkTo = useListLink();
  const periodLabel = usePeriodLabel();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table
        striped
        withTableBorder
        withColumnBorders
        verticalSpacing={6}
        className={classes.table}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('dashboard.trend.period')}</Table.Th>
            {COMMITMENT_STATUSES.map((status) => (
              <Table.Th key={status} scope="col" ta="right">
                {t(`status.${status}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              {t('dashboard.total')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('dashboard.weightedProgress')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {periods.map((period) => (
            <Table.Tr key={period.key}>
              <Table.Th scope="row">{periodLabel(period)}</Table.Th>
              {COMMITMENT_STATUSES.map((status) => {
                const count = period.statusCounts[status];
                return (
                  <Table.Td key={status} ta="right">
                    {period.current && count > 0 ? (
                      <Anchor
                        {...linkTo({ status: [status] })}
                        aria-label={t('dashboard.segment', {
                          group: periodLabel(period),
                          status: t(`status.${status}`),
                          count: format.number(count),
                        })}
                      >
                        {format.number(count)}
                      </Anchor>
                    ) : (
                      <Text span c={count === 0 ? 'dimmed' : undefined}>
                        {format.number(count)}
                      </Text>
                    )}
                  </Table.Td>
                );
              })}
              <Table.Td ta="right" fw={600}>
                {format.number(period.total)}
              </Table.Td>
              <Table.Td ta="right">{format.percent(period.progress)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
