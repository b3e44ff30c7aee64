import { registerDecorator } from 'class-validator';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
export function isDateOnly(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_ONLY.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function IsDateOnly() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isDateOnly',
      target: object.constructor,
      propertyName,
      options: { message: 'must be a date written YYYY-MM-DD' },
      validator: { validate: isDateOnly },
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
