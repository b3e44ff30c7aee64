import type { TFunction } from 'i18next';
import type { Indicator } from '../../api/types';
import type { ReportFormValues } from './ReportForm';

/** The API's limits on a report (CreateProgressUpdateDto, IndicatorValueInput, evidence links). */
export const REPORT_LIMITS = {
  period: 40,
  narrative: 10_000,
  source: 500,
  linkTitle: 300,
  linkUrl: 2000,
  /** Decimal(18, 4): values below 10^14 in magnitude. */
  value: 99_999_999_999_999,
} as const;

const HTTP_URL = /^https?:\/\/[^\s/]+/i;

/**
 * The report form's checks, the same the API makes, so most mistakes are shown before sending
 * (the API checks again, and its answer is shown under the same fields).
 */
export function reportRules(t: TFunction, indicators: Indicator[]) {
  const required = (value: string) => (value.trim() === '' ? t('validation.required') : null);
  const tooLong = (value: string, max: number) =>
    value.trim().length > max ? t('validation.tooLong', { max }) : null;
  return (values: ReportFormValues) => {
    const errors: Record<string, string | null> = {
      period: required(values.period) ?? tooLong(values.period, REPORT_LIMITS.period),
      narrative: required(values.narrative) ?? tooLong(values.narrative, REPORT_LIMITS.narrative),
      progress:
        Number.isInteger(values.progress) && values.progress >= 0 && values.progress <= 100
          ? null
          : t('validation.between', { min: 0, max: 100 }),
    };
    for (const indicator of indicators) {
      const state = values.indicatorValues[indicator.id];
      if (!state || state.value === '') continue;
      const prefix = `indicatorValues.${indicator.id}`;
      const value = Number(state.value);
      errors[`${prefix}.value`] =
        Number.isFinite(value) && Math.abs(value) <= REPORT_LIMITS.value
          ? null
          : t('validation.number');
      errors[`${prefix}.measuredOn`] = state.measuredOn ? null : t('validation.required');
      errors[`${prefix}.source`] = tooLong(state.source, REPORT_LIMITS.source);
    }
    values.links.forEach((link, index) => {
      errors[`links.${index}.title`] =
        required(link.title) ?? tooLong(link.title, REPORT_LIMITS.linkTitle);
      errors[`links.${index}.url`] =
        required(link.url) ??
        tooLong(link.url, REPORT_LIMITS.linkUrl) ??
        (HTTP_URL.test(link.url.trim()) ? null : t('validation.url'));
    });
    return Object.fromEntries(Object.entries(errors).filter(([, message]) => message !== null));
  };
}
