import type { ReportingCadence } from '@spct/contracts';

/** The key of a period of each cadence, as the SQL function spct_period_of writes it. */
const KEY_FORMS: Record<ReportingCadence, { pattern: RegExp; example: string }> = {
  MONTHLY: { pattern: /^(\d{4})-(0[1-9]|1[0-2])$/, example: '2026-11' },
  QUARTERLY: { pattern: /^(\d{4})-Q([1-4])$/, example: '2026-Q4' },
  SEMIANNUAL: { pattern: /^(\d{4})-H([12])$/, example: '2026-H2' },
  ANNUAL: { pattern: /^(\d{4})$/, example: '2026' },
};

const MONTHS: Record<ReportingCadence, number> = {
  MONTHLY: 1,
  QUARTERLY: 3,
  SEMIANNUAL: 6,
  ANNUAL: 12,
};

/** An example key of the cadence, for messages. */
export function exampleKey(cadence: ReportingCadence): string {
  return KEY_FORMS[cadence].example;
}

/** The first day (YYYY-MM-DD) of the period `key` names in `cadence`, or null when it names none. */
export function periodStartOf(cadence: ReportingCadence, key: string): string | null {
  const match = KEY_FORMS[cadence].pattern.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) return null;
  const index = match[2] === undefined ? 1 : Number(match[2]);
  const month = (index - 1) * MONTHS[cadence] + 1;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/** Today's date (YYYY-MM-DD) in an IANA time zone. */
export function localDate(now: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
}

/** Whether the runtime knows the IANA time zone (PostgreSQL ships the same database). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
