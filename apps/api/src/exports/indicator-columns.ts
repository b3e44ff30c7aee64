import { dateColumn } from '../common/dates';
import { enumLabel } from '../spreadsheets/enum-labels';
import type { Column } from '../spreadsheets/spreadsheet';
import type { IndicatorExportRow } from './exports.repository';

export const INDICATOR_SHEET = { vi: 'Chỉ số', en: 'Indicators' };

/** One line of the indicators sheet: an indicator and one of its measurements (or none yet). */
export interface IndicatorLine {
  indicator: IndicatorExportRow;
  measurement: IndicatorExportRow['measurements'][number] | null;
}

/** Each indicator on as many lines as it has measurements, on one line when it has none. */
export function indicatorLines(rows: readonly IndicatorExportRow[]): IndicatorLine[] {
  return rows.flatMap((indicator): IndicatorLine[] =>
    indicator.measurements.length === 0
      ? [{ indicator, measurement: null }]
      : indicator.measurements.map((measurement) => ({ indicator, measurement })),
  );
}

export const INDICATOR_COLUMNS: Column<IndicatorLine>[] = [
  {
    key: 'framework',
    header: { vi: 'Khung', en: 'Framework' },
    type: 'text',
    value: (l) => l.indicator.frameworkCode,
  },
  {
    key: 'reference',
    header: { vi: 'Số hiệu', en: 'Reference' },
    type: 'text',
    value: (l) => l.indicator.reference,
  },
  {
    key: 'indicator_vi',
    header: { vi: 'Chỉ số (tiếng Việt)', en: 'Indicator (Vietnamese)' },
    type: 'text',
    value: (l) => l.indicator.nameVi,
  },
  {
    key: 'indicator_en',
    header: { vi: 'Chỉ số (tiếng Anh)', en: 'Indicator (English)' },
    type: 'text',
    value: (l) => l.indicator.nameEn,
  },
  {
    key: 'unit',
    header: { vi: 'Đơn vị', en: 'Unit' },
    type: 'text',
    value: (l, locale) => (locale === 'vi' ? l.indicator.unitVi : l.indicator.unitEn),
  },
  {
    key: 'direction',
    header: { vi: 'Chiều mong muốn', en: 'Desired direction' },
    type: 'text',
    value: (l, locale) => enumLabel('direction', l.indicator.direction, locale),
  },
  {
    key: 'baseline_value',
    header: { vi: 'Giá trị cơ sở', en: 'Baseline value' },
    type: 'number',
    value: (l) => Number(l.indicator.baselineValue),
  },
  {
    key: 'baseline_year',
    header: { vi: 'Năm cơ sở', en: 'Baseline year' },
    type: 'number',
    value: (l) => l.indicator.baselineYear,
  },
  {
    key: 'target_value',
    header: { vi: 'Giá trị mục tiêu', en: 'Target value' },
    type: 'number',
    value: (l) => Number(l.indicator.targetValue),
  },
  {
    key: 'target_year',
    header: { vi: 'Năm mục tiêu', en: 'Target year' },
    type: 'number',
    value: (l) => l.indicator.targetYear,
  },
  {
    key: 'measured_on',
    header: { vi: 'Ngày đo', en: 'Measured on' },
    type: 'date',
    value: (l) => (l.measurement ? dateColumn(l.measurement.measuredOn) : null),
  },
  {
    key: 'value',
    header: { vi: 'Giá trị', en: 'Value' },
    type: 'number',
    value: (l) => l.measurement?.value ?? null,
  },
  {
    key: 'source',
    header: { vi: 'Nguồn', en: 'Source' },
    type: 'text',
    value: (l) => l.measurement?.source ?? null,
  },
];
