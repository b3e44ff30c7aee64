import type { Locale } from '@spct/contracts';
import type { LocalizedText } from '../common/localized';
import { COMMITMENT_IMPORT_COLUMNS } from './import-columns';
import { INDICATOR_IMPORT_COLUMNS } from './import-indicator-columns';
import type { RowError } from './import-plan';

/** Why a row is refused, in words, for the errors file (the web app has the same texts). */
const REASONS: Record<RowError['code'], LocalizedText> = {
  required: { vi: 'bắt buộc nhập', en: 'is required' },
  tooLong: { vi: 'quá dài', en: 'is too long' },
  unknownCode: {
    vi: 'mã hoặc tên không có trong không gian làm việc',
    en: 'is not a known code or name in this workspace',
  },
  invalidNumber: { vi: 'không phải số hợp lệ', en: 'is not a valid number' },
  invalidDate: { vi: 'không phải ngày hợp lệ', en: 'is not a valid date' },
  dateOrder: {
    vi: 'hạn hoàn thành trước ngày bắt đầu',
    en: 'the target date is before the start date',
  },
  duplicateRow: { vi: 'trùng với một dòng khác của tệp', en: 'repeats another row of the file' },
  formula: {
    vi: 'ô chứa công thức: hãy dán giá trị',
    en: 'the cell holds a formula: paste its value instead',
  },
  link: {
    vi: 'ô chứa liên kết: hãy nhập văn bản',
    en: 'the cell holds a link: type the text instead',
  },
  forbidden: {
    vi: 'bạn không được sửa cam kết của cơ quan này',
    en: 'you may not change this organization’s commitments',
  },
  archived: { vi: 'đã lưu trữ', en: 'is archived' },
  yearOrder: {
    vi: 'năm mục tiêu trước năm cơ sở',
    en: 'the target year is before the baseline year',
  },
  inconsistent: {
    vi: 'khác với dòng đầu tiên của cùng chỉ số',
    en: 'differs from the first row of the same indicator',
  },
  ambiguousIndicator: {
    vi: 'hai chỉ số của cam kết này trùng tên: hãy đổi tên một chỉ số trước',
    en: 'two indicators of this commitment bear this name: rename one of them first',
  },
  leadInCoOrganizations: {
    vi: 'không được gồm cơ quan chủ trì',
    en: 'must not include the lead organization',
  },
};

const HEADERS = new Map<string, LocalizedText>(
  [...INDICATOR_IMPORT_COLUMNS, ...COMMITMENT_IMPORT_COLUMNS].flatMap(({ key, header }) =>
    // The unit column is read as unit_vi or unit_en, by its header's language.
    key === 'unit'
      ? [
          ['unit_vi', header],
          ['unit_en', header],
        ]
      : [[key, header]],
  ),
);

/** "Lead organization: is not a known code or name in this workspace", in the locale given. */
export function rowErrorText(
  error: Pick<RowError, 'field' | 'message'> & { code: string },
  locale: Locale,
): string {
  const field = HEADERS.get(error.field)?.[locale] ?? error.field;
  const reason = REASONS[error.code as RowError['code']]?.[locale] ?? error.message;
  return `${field}: ${reason}`;
}
