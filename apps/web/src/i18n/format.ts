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
  return dateFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

/** A moment (an ISO timestamp) as a medium date with a short time. */
export function formatDateTime(value: string, locale: Locale): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 2): string {
  return numberFormat(locale, { maximumFractionDigits }).format(value);
}

/** Progress 0–100 as a percentage, one decimal at most ("55,5 %" in Vietnamese). */
export function formatPercent(value: number, locale: Locale): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
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
