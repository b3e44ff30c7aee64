import { registerDecorator } from 'class-validator';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A PostgreSQL `date` as the API exposes it: YYYY-MM-DD. */
export function isoDate(value: Date): string;
export function isoDate(value: Date | null): string | null;
export function isoDate(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

/** A `date` column's value for a YYYY-MM-DD string (UTC midnight). */
export function dateColumn(value: string): Date;
export function dateColumn(value: string | null): Date | null;
export function dateColumn(value: string | null): Date | null {
  return value === null ? null : new Date(`${value}T00:00:00Z`);
}

/** Today's date at UTC midnight, the unit `date` columns compare against. */
export function todayUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_ONLY.test(value)) return false;
  const date = dateColumn(value);
  return !Number.isNaN(date.getTime()) && isoDate(date) === value;
}

/** A body field holding a calendar date YYYY-MM-DD (see `isCalendarDate`). */
export function IsCalendarDate() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: object.constructor,
      propertyName,
      options: { message: 'must be a date YYYY-MM-DD' },
      validator: { validate: isCalendarDate },
    });
}

/**
 * Whether a YYYY-MM-DD date is after today everywhere on Earth: a date that is already today in
 * the easternmost time zone (UTC+14) is not in the future for whoever records it.
 */
export function isFutureDate(value: string, now = new Date()): boolean {
  const latestToday = new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
  return value > latestToday;
}
