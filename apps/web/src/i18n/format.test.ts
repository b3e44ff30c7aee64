import { formatDate, formatNumber, formatPercent } from './format';

// format.ts writes numbers, percentages and dates itself (Intl's first formatter is a long task
// on a phone): what it writes must be what Intl writes, in both languages.
const LOCALES = ['vi', 'en'] as const;

/** Numbers of every size the pages show, with the cases rounding gets wrong easily. */
const NUMBERS = [
  0,
  -0,
  1,
  5,
  9.995,
  97,
  999,
  999.995,
  1000,
  1234.5,
  12345.678,
  1234567,
  98765432.1,
  -1500.5,
  -0.001,
  0.005,
  1.005,
  2.675,
  0.1 + 0.2,
  1e20,
  1e21,
  1e-7,
  123.455,
  0.045,
];

describe('formatNumber', () => {
  it.each(LOCALES)('writes what Intl writes (%s)', (locale) => {
    for (const digits of [0, 1, 2]) {
      const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
      for (const value of [...NUMBERS, ...NUMBERS.map((n) => n * 7.3)]) {
        expect([value, digits, formatNumber(value, locale, digits)]).toEqual([
          value,
          digits,
          intl.format(value),
        ]);
      }
    }
  });
});

describe('formatPercent', () => {
  it.each(LOCALES)('writes what Intl writes for every progress (%s)', (locale) => {
    const intl = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const values = [...NUMBERS, 33.333, 66.666, 99.95, 99.96, 0.05, 12.25, 100];
    for (let step = 0; step <= 10_000; step += 7) values.push(step / 100);
    for (const value of values) {
      expect([value, formatPercent(value, locale)]).toEqual([value, intl.format(value / 100)]);
    }
  });
});

describe('formatDate', () => {
  it.each(LOCALES)('writes calendar dates and moments as Intl does (%s)', (locale) => {
    const utc = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const local = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
    for (let month = 1; month <= 12; month += 1) {
      for (const day of [1, 9, 10, 28]) {
        const iso = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        expect(formatDate(iso, locale)).toBe(utc.format(new Date(`${iso}T00:00:00Z`)));
        const moment = `${iso}T23:30:00.000Z`;
        expect(formatDate(moment, locale)).toBe(local.format(new Date(moment)));
      }
    }
    expect(formatDate('0005-03-01', locale)).toBe(utc.format(new Date('0005-03-01T00:00:00Z')));
    expect(formatDate('not a date', locale)).toBe('not a date');
    expect(formatDate(null, locale)).toBe('');
  });
});
