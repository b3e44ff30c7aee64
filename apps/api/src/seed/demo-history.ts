import { type CommitmentStatus } from '@spct/contracts';
import { dateColumn, todayUtc } from '../common/dates';
import { lastPeriods } from '../dashboard/periods';
import { type DemoTracking } from './catalogue';

type Tracked = DemoTracking['commitments'][number];

const DAY = 24 * 60 * 60 * 1000;

/** How many past quarters of illustrative reports the demo has. */
const HISTORY_QUARTERS = 6;

/** The first day of the dashboard trend's first quarter: demo items exist from then on. */
export function trendStart(now: Date): Date {
  return dateColumn(lastPeriods('quarter', todayUtc(now))[0]!.start);
}

/**
 * Approved quarterly reports for a tracked demo item over the six quarters before the current
 * one, rising to its first real report in the demo data (or to its present status and progress
 * when it has none), each decided in the middle of its quarter and before that first real one.
 * An item completed before the window is reported completed in its first quarter. Illustrative
 * data, like the rest of the demo workspace.
 */
export function illustrativeHistory(t: Tracked, now: Date) {
  const quarters = lastPeriods('quarter', todayUtc(now), HISTORY_QUARTERS + 1).slice(0, -1);
  const approved = t.updates
    .filter((u) => u.state === 'APPROVED' && u.decidedAt !== null)
    .sort((a, b) => a.decidedAt!.localeCompare(b.decidedAt!));
  const firstReal = approved[0];
  const target = firstReal ?? { status: t.status, progress: t.progress };
  if (target.status === 'NOT_STARTED' && target.progress === 0) return [];
  const decidedIn = (quarter: (typeof quarters)[number]) =>
    new Date(dateColumn(quarter.start).getTime() + 50 * DAY);
  // Before the first real approval, and never in a quarter a real report names (one approved
  // report per commitment and period).
  const reported = new Set(t.updates.map((u) => u.period));
  const window = quarters.filter(
    (q) => !reported.has(q.key) && (!firstReal || decidedIn(q) < dateColumn(firstReal.decidedAt!)),
  );
  const doneBefore = target.status === 'COMPLETED' && t.targetDate < quarters[0]!.start;
  const steps = doneBefore ? window.slice(0, 1) : window;
  return steps.map((quarter, i) => {
    const last = i === steps.length - 1;
    const progress = last
      ? target.progress
      : Math.round((target.progress * (i + 1)) / steps.length);
    const status: CommitmentStatus = last
      ? target.status
      : progress === 0
        ? 'NOT_STARTED'
        : (target.status === 'AT_RISK' || target.status === 'OFF_TRACK') && i === steps.length - 2
          ? 'AT_RISK'
          : 'ON_TRACK';
    const decidedAt = decidedIn(quarter);
    return {
      period: quarter.key,
      status,
      progress,
      narrative: `Báo cáo định kỳ ${quarter.key} (dữ liệu minh họa): tiến độ đạt ${progress}%.`,
      state: 'APPROVED' as const,
      submittedAt: new Date(decidedAt.getTime() - 5 * DAY),
      decidedAt,
      createdAt: new Date(decidedAt.getTime() - 7 * DAY),
    };
  });
}
