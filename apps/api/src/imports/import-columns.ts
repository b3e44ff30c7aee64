import type { LocalizedText } from '../common/localized';
import { commitmentColumns } from '../exports/commitment-columns';

/** The commitment columns of the export (which the template repeats), by key. */
export const COMMITMENT_IMPORT_COLUMNS = commitmentColumns(new Map()).map(({ key, header }) => ({
  key,
  header,
}));

export type CommitmentColumnKey =
  | 'framework'
  | 'reference'
  | 'title_vi'
  | 'title_en'
  | 'description_vi'
  | 'description_en'
  | 'theme'
  | 'status'
  | 'progress'
  | 'weight'
  | 'lead_organization'
  | 'co_organizations'
  | 'target_groups'
  | 'start_date'
  | 'target_date';

/**
 * Columns the export writes for reading only: status and progress change through approved
 * progress reports, never through an import, so an exported file comes back unchanged.
 */
export const READ_ONLY_COLUMNS: ReadonlySet<string> = new Set(['status', 'progress']);

/** The template's second row: what each column takes. */
export const COLUMN_HINTS: Record<CommitmentColumnKey, LocalizedText> = {
  framework: { vi: 'Bắt buộc: mã khung, ví dụ NQ-42', en: 'Required: framework code, e.g. NQ-42' },
  reference: { vi: 'Bắt buộc: số hiệu, ví dụ 11.C.1', en: 'Required: reference, e.g. 11.C.1' },
  title_vi: { vi: 'Bắt buộc khi tạo mới', en: 'Required for a new commitment' },
  title_en: { vi: 'Bắt buộc khi tạo mới', en: 'Required for a new commitment' },
  description_vi: { vi: 'Không bắt buộc', en: 'Optional' },
  description_en: { vi: 'Không bắt buộc', en: 'Optional' },
  theme: {
    vi: 'Tên hoặc mã chủ đề, ví dụ An sinh xã hội',
    en: 'Theme name or code, e.g. Social protection',
  },
  status: {
    vi: 'Chỉ đọc (thay đổi qua báo cáo tiến độ)',
    en: 'Read only (changed by progress reports)',
  },
  progress: {
    vi: 'Chỉ đọc (thay đổi qua báo cáo tiến độ)',
    en: 'Read only (changed by progress reports)',
  },
  weight: { vi: 'Số nguyên 1–100, mặc định 1', en: 'Whole number 1–100, default 1' },
  lead_organization: { vi: 'Tên viết tắt, ví dụ MOLISA', en: 'Short name, e.g. MOLISA' },
  co_organizations: { vi: 'Tên viết tắt, cách nhau bằng ;', en: 'Short names separated by ;' },
  target_groups: { vi: 'Tên hoặc mã, cách nhau bằng ;', en: 'Names or codes separated by ;' },
  start_date: { vi: 'Ngày YYYY-MM-DD hoặc DD/MM/YYYY', en: 'Date YYYY-MM-DD or DD/MM/YYYY' },
  target_date: { vi: 'Ngày YYYY-MM-DD hoặc DD/MM/YYYY', en: 'Date YYYY-MM-DD or DD/MM/YYYY' },
};

/** How headers and labels are compared: Unicode-normalized, trimmed, case-insensitive. */
export function comparable(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const BY_HEADER = new Map<string, string>(
  COMMITMENT_IMPORT_COLUMNS.flatMap(({ key, header }) => [
    [comparable(key), key],
    [comparable(header.vi), key],
    [comparable(header.en), key],
  ]),
);

/** The column a header names (its key, or its Vietnamese or English header), or null. */
export function columnOfHeader(header: string): string | null {
  return BY_HEADER.get(comparable(header)) ?? null;
}
