import { todayUtc } from '../common/dates';

/** Past its target date and neither completed nor discontinued. */
export function isOverdue(
  row: { targetDate: Date | null; status: string },
  today: Date = todayUtc(),
): boolean {
  return (
    row.targetDate !== null &&
    row.targetDate < today &&
    row.status !== 'COMPLETED' &&
    row.status !== 'DISCONTINUED'
  );
}
