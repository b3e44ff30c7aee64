import { useTranslation } from 'react-i18next';
import type { Locale } from '@spct/contracts';
import type { Translatable } from '../api/types';
import { isLocale, DEFAULT_LOCALE } from './index';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

// Making an Intl formatter costs far more than using one (a list page's progress bars made one
// per row, 90 ms of a phone's first render): each is made once per language and options.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

// The first Intl number or date formatter of a page costs 20 ms of a desktop's main thread (the
// browser loads its locale data), 80 ms on a phone: a long task in the first screen of every
// list. Numbers, percentages and dates, what lists show, are written here instead, exactly as
// Intl writes them in both languages (format.test.ts compares them); Intl stays for the rest.
const SEPARATORS: Record<Locale, { group: string; decimal: string }> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};
const EN_MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/**
 * `value` × 10^`shift` with at most `digits` decimals, rounded like Intl (half away from zero, on
 * the shortest decimal form of the number), or null for what Intl should write (1e21, 1e-7...).
 */
function decimal(value: number, locale: Locale, digits: number, shift = 0): string | null {
  const text = String(Math.abs(value));
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  let [whole = '', fraction = ''] = text.split('.');
  fraction = fraction.padEnd(shift, '0');
  whole = `${whole}${fraction.slice(0, shift)}`.replace(/^0+(?=\d)/, '');
  fraction = fraction.slice(shift);
  if (fraction.length > digits) {
    const up = fraction[digits]! >= '5';
    fraction = fraction.slice(0, digits);
    if (up) {
      const rounded = (BigInt(`${whole}${fraction}`) + 1n)
        .toString()
        .padStart(fraction.length + 1, '0');
      whole = rounded.slice(0, rounded.length - fraction.length);
      fraction = rounded.slice(rounded.length - fraction.length);
    }
  }
  fraction = fraction.replace(/0+$/, '');
  const { group, decimal: point } = SEPARATORS[locale];
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, group);
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return `${sign}${grouped}${fraction ? `${point}${fraction}` : ''}`;
}

/** A date as day, short month and year ("5 thg 12, 2026", "Dec 5, 2026"). */
function shortDate(date: Date, locale: Locale, utc: boolean): string {
  const day = utc ? date.getUTCDate() : date.getDate();
  const month = utc ? date.getUTCMonth() : date.getMonth();
  const year = utc ? date.getUTCFullYear() : date.getFullYear();
  return locale === 'vi'
    ? `${day} thg ${month + 1}, ${year}`
    : `${EN_MONTHS[month]} ${day}, ${year}`;
}

/** Picks the current language of an API `{ vi, en }` text, falling back to the other one. */
export function localize(text: Translatable | string | null | undefined, locale: Locale): string {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  const other: Locale = locale === 'vi' ? 'en' : 'vi';
  return text[locale]?.trim() ? text[locale] : text[other];
}

export function formatDate(value: string | null | undefined, locale: Locale): string {
  if (!value) return '';
  // Calendar dates (YYYY-MM-DD) are shown as such, whatever the user's time zone.
  const dateOnly = DATE_ONLY.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return shortDate(date, locale, dateOnly);
}

/** A moment (an ISO timestamp) as a medium date with a short time. */
export function formatDateTime(value: string, locale: Locale): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 2): string {
  return (
    decimal(value, locale, maximumFractionDigits) ??
    numberFormat(locale, { maximumFractionDigits }).format(value)
  );
}

/** Progress 0–100 as a percentage, one decimal at most ("55,5 %" in Vietnamese). */
export function formatPercent(value: number, locale: Locale): string {
  const percent = decimal(value / 100, locale, 1, 2);
  return percent === null
    ? numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100)
    : `${percent}%`;
}

export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return numberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}

/** Formatting bound to the current interface language (re-renders when it changes). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale: Locale = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LOCALE;
  return {
    locale,
    text: (value: Translatable | string | null | undefined) => localize(value, locale),
    date: (value: string | null | undefined) => formatDate(value, locale),
    dateTime: (value: string) => formatDateTime(value, locale),
    number: (value: number, digits?: number) => formatNumber(value, locale, digits),
    percent: (value: number) => formatPercent(value, locale),
    bytes: (value: number) => formatBytes(value, locale),
  };
}
