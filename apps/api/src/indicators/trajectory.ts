/** How far from the straight line an indicator may fall, as a share of the baseline→target distance. */
export const TRAJECTORY_TOLERANCE = 0.05;

export interface TrajectoryInput {
  direction: 'INCREASE' | 'DECREASE';
  baseline: { value: number; year: number };
  target: { value: number; year: number };
  latest: { measuredOn: Date; value: number } | null;
}

/** A date as a fractional year; baselines and targets count from the end of their year. */
function yearOf(date: Date): number {
  const start = Date.UTC(date.getUTCFullYear(), 0, 1);
  const end = Date.UTC(date.getUTCFullYear() + 1, 0, 1);
  return date.getUTCFullYear() + (date.getTime() - start) / (end - start);
}

/**
 * The value expected at the latest measurement on the straight line from the baseline to the
 * target, and whether the latest value keeps up with it (within the tolerance).
 */
export function trajectory(input: TrajectoryInput): {
  expected: number | null;
  onTrack: boolean | null;
} {
  if (!input.latest) return { expected: null, onTrack: null };
  const start = input.baseline.year + 1;
  const end = input.target.year + 1;
  const span = input.target.value - input.baseline.value;
  const share =
    end > start
      ? Math.min(Math.max((yearOf(input.latest.measuredOn) - start) / (end - start), 0), 1)
      : 1;
  const expected = input.baseline.value + span * share;
  const slack = Math.abs(span) * TRAJECTORY_TOLERANCE;
  const onTrack =
    input.direction === 'INCREASE'
      ? input.latest.value >= expected - slack
      : input.latest.value <= expected + slack;
  return { expected: Math.round(expected * 100) / 100, onTrack };
}
