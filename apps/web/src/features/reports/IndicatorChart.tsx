import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../api/types';
import { useFormat } from '../../i18n/format';

/** A date as a fractional year, as the API's trajectory counts it. */
export function fractionalYear(isoDate: string): number {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  const year = date.getUTCFullYear();
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  return year + (date.getTime() - start) / (end - start);
}

interface Point {
  x: number;
  value: number;
  label: string;
}

/**
 * Measured values (a line with points) against the straight baseline→target line (dashed),
 * with the target marked. Baselines and targets count from the end of their year, like the API.
 * The chart is decorative for assistive technology: the measurements table is its text.
 */
export function IndicatorChart({ indicator, label }: { indicator: Indicator; label: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const start = indicator.baseline.year + 1;
  const end = indicator.target.year + 1;
  const measured: Point[] = indicator.measurements.map((m) => ({
    x: fractionalYear(m.measuredOn),
    value: m.value,
    label: format.date(m.measuredOn),
  }));
  const trajectory: Point[] = [
    { x: start, value: indicator.baseline.value, label: t('indicatorsTab.baseline') },
    { x: end, value: indicator.target.value, label: t('indicatorsTab.target') },
  ];
  const xs = [start, end, ...measured.map((p) => p.x)];
  const minX = Math.floor(Math.min(...xs));
  const maxX = Math.ceil(Math.max(...xs));
  const ticks = Array.from({ length: maxX - minX + 1 }, (_, i) => minX + i);
  const unit = format.text(indicator.unit);
  // Measured, so the chart follows the panel's width (a fixed fallback before the first measure).
  const { ref, width } = useElementSize();

  return (
    <figure ref={ref} style={{ margin: 0 }} aria-label={label} data-testid="indicator-chart">
      <LineChart
        width={width > 0 ? width : 640}
        height={260}
        margin={{ top: 20, right: 48, bottom: 8, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="x"
          type="number"
          domain={[minX, maxX]}
          ticks={ticks}
          tickFormatter={(value: number) => String(Math.round(value) - 1)}
          allowDuplicatedCategory={false}
        />
        <YAxis
          width={56}
          tickFormatter={(value: number) => format.number(value)}
          domain={['auto', 'auto']}
        />
        <Tooltip
          labelFormatter={(_, payload) => {
            const point = payload?.[0]?.payload as Point | undefined;
            return point?.label ?? '';
          }}
          formatter={(value) => `${format.number(Number(value))} ${unit}`.trim()}
        />
        <Legend />
        <Line
          data={trajectory}
          dataKey="value"
          name={t('indicatorsTab.trajectory')}
          stroke="var(--mantine-color-gray-6)"
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          data={measured}
          dataKey="value"
          name={t('indicatorsTab.measured')}
          stroke="var(--mantine-color-blue-6)"
          strokeWidth={2}
          dot={{ r: 4 }}
          isAnimationActive={false}
        />
        <ReferenceDot
          x={end}
          y={indicator.target.value}
          r={6}
          fill="var(--mantine-color-green-6)"
          stroke="white"
          label={{ value: t('indicatorsTab.target'), position: 'top' }}
        />
      </LineChart>
    </figure>
  );
}
