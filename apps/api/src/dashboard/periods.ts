import { type TrendGranularity } from '@spct/contracts';
import { isoDate } from '../common/dates';

/** A reporting period of a trend (UTC calendar dates). */
export interface Period {
  /** 2026-Q4 or 2026-12. */
  key: string;
  start: string;
  /** Its last day. */
  end: string;
  /** The period `today` is in. */
  current: boolean;
}

const MONTHS = { quarter: 3, month: 1 } as const satisfies Record<TrendGranularity, number>;

/** The `count` periods up to the one `today` (UTC midnight) is in, oldest first. */
export function lastPeriods(granularity: TrendGranularity, today: Date, count = 8): Period[] {
  const step = MONTHS[granularity];
  const year = today.getUTCFullYear();
  const first = today.getUTCMonth() - (today.getUTCMonth() % step);
  return Array.from({ length: count }, (_, i) => {
    const month = first - step * (count - 1 - i);
    const start = new Date(Date.UTC(year, month, 1));
    const end = new Date(Date.UTC(year, month + step, 0));
    const key =
      granularity === 'quarter'
        ? `${start.getUTCFullYear()}-Q${start.getUTCMonth() / 3 + 1}`
        : isoDate(start).slice(0, 7);
    return { key, start: isoDate(start), end: isoDate(end), current: i === count - 1 };
  });
}
