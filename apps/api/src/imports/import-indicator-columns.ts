import type { LocalizedText } from '../common/localized';
import { INDICATOR_COLUMNS } from '../exports/indicator-columns';
import {
  COLUMN_HINTS,
  columnOfHeader,
  COMMITMENT_IMPORT_COLUMNS,
  comparable,
} from './import-columns';

/** What a sheet of an import holds: commitments, or indicators with their measurements. */
export type ImportKind = 'commitment' | 'indicator';
export const IMPORT_KINDS: readonly ImportKind[] = ['commitment', 'indicator'];

/** The columns of the indicators export (which the template's second sheet repeats). */
export const INDICATOR_IMPORT_COLUMNS = INDICATOR_COLUMNS.map(({ key, header }) => ({
  key,
  header,
}));

/**
 * The keys an indicators sheet is read as. The export writes the unit in the file's language
 * only: its Vietnamese header reads as `unit_vi`, its English one as `unit_en`.
 */
export const INDICATOR_KEYS = [
  'framework',
  'reference',
  'indicator_vi',
  'indicator_en',
  'unit_vi',
  'unit_en',
  'direction',
  'baseline_value',
  'baseline_year',
  'target_value',
  'target_year',
  'measured_on',
  'value',
  'source',
] as const;
export type IndicatorColumnKey = (typeof INDICATOR_KEYS)[number];

const UNIT_HINT = {
  vi: 'Bắt buộc khi tạo mới, ví dụ nghìn người',
  en: 'Required for a new indicator, e.g. thousand people',
};

/** The template's second row on the indicators sheet. */
export const INDICATOR_HINTS: Record<IndicatorColumnKey, LocalizedText> = {
  framework: COLUMN_HINTS.framework,
  reference: {
    vi: 'Bắt buộc: số hiệu cam kết, ví dụ 11.C.1',
    en: "Required: the commitment's reference, e.g. 11.C.1",
  },
  indicator_vi: {
    vi: 'Bắt buộc: tên chỉ số (tìm theo tên tiếng Việt hoặc tiếng Anh)',
    en: 'Required: indicator name (matched by its Vietnamese or English name)',
  },
  indicator_en: { vi: 'Bắt buộc khi tạo mới', en: 'Required for a new indicator' },
  unit_vi: UNIT_HINT,
  unit_en: UNIT_HINT,
  direction: {
    vi: 'Càng cao càng tốt hoặc Càng thấp càng tốt',
    en: 'Higher is better or Lower is better',
  },
  baseline_value: { vi: 'Số, bắt buộc khi tạo mới', en: 'Number, required for a new indicator' },
  baseline_year: { vi: 'Năm 1900–2100', en: 'Year 1900–2100' },
  target_value: { vi: 'Số, bắt buộc khi tạo mới', en: 'Number, required for a new indicator' },
  target_year: {
    vi: 'Năm 1900–2100, không trước năm cơ sở',
    en: 'Year 1900–2100, not before the baseline year',
  },
  measured_on: {
    vi: 'Ngày đo YYYY-MM-DD hoặc DD/MM/YYYY; một dòng cho mỗi lần đo',
    en: 'Date YYYY-MM-DD or DD/MM/YYYY; one line per measurement',
  },
  value: { vi: 'Giá trị đo (số)', en: 'Measured value (number)' },
  source: { vi: 'Không bắt buộc', en: 'Optional' },
};

/** The template's hint for each export column, the unit's taken from the template's language. */
export function indicatorTemplateHints(locale: 'vi' | 'en'): string[] {
  return INDICATOR_IMPORT_COLUMNS.map(({ key }) =>
    key === 'unit' ? UNIT_HINT[locale] : INDICATOR_HINTS[key as IndicatorColumnKey][locale],
  );
}

const BY_HEADER = new Map<string, IndicatorColumnKey>([
  ...INDICATOR_KEYS.map((key) => [comparable(key), key] as const),
  ...INDICATOR_IMPORT_COLUMNS.flatMap(({ key, header }) => [
    [comparable(header.vi), (key === 'unit' ? 'unit_vi' : key) as IndicatorColumnKey] as const,
    [comparable(header.en), (key === 'unit' ? 'unit_en' : key) as IndicatorColumnKey] as const,
  ]),
]);

/** The indicator column a header names (its key, or its Vietnamese or English header), or null. */
export function indicatorColumnOfHeader(header: string): IndicatorColumnKey | null {
  return BY_HEADER.get(comparable(header)) ?? null;
}

const SHARED = new Set(['framework', 'reference']);
const COMMITMENT_KEYS = new Set(COMMITMENT_IMPORT_COLUMNS.map((c) => c.key));
const INDICATOR_KEY_SET = new Set<string>(INDICATOR_KEYS);

/**
 * What a sheet holds, told by its headers (a mapping's choice standing for a header): indicators
 * when more of them name indicator columns than commitment columns, commitments when any name a
 * commitment column, else null.
 */
export function kindOfHeaders(
  headers: string[],
  mapping: Record<string, string | null> | undefined,
): ImportKind | null {
  let commitment = 0;
  let indicator = 0;
  for (const header of headers) {
    const chosen = mapping && header in mapping ? [mapping[header]] : null;
    const keys = chosen ?? [columnOfHeader(header), indicatorColumnOfHeader(header)];
    if (keys.some((key) => key && !SHARED.has(key) && COMMITMENT_KEYS.has(key))) commitment++;
    if (keys.some((key) => key && !SHARED.has(key) && INDICATOR_KEY_SET.has(key))) indicator++;
  }
  if (indicator > commitment) return 'indicator';
  return commitment > 0 ? 'commitment' : null;
}

/** A mapping's key if a sheet of `kind` reads it, else null (ignored). */
export function knownColumn(kind: ImportKind, key: string | null): string | null {
  if (key === null) return null;
  return (kind === 'indicator' ? INDICATOR_KEY_SET : COMMITMENT_KEYS).has(key) ? key : null;
}
