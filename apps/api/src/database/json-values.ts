/**
 * A `timestamp` column (UTC, as Prisma writes it) read from JSON that PostgreSQL built:
 * `2026-03-01T08:15:00.5` → `2026-03-01T08:15:00.500Z`, as `Date.toISOString()` gives it.
 */
export function fromJsonTimestamp(value: string): string {
  return new Date(`${value}Z`).toISOString();
}
