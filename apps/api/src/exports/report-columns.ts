import { todayUtc } from '../common/dates';
import { enumLabel } from '../spreadsheets/enum-labels';
import type { Column } from '../spreadsheets/spreadsheet';
import type { ReportExportRow } from './exports.repository';

export const REPORT_SHEET = { vi: 'Báo cáo tiến độ', en: 'Progress reports' };

/** Submission and decision days are calendar days (UTC), as the web app shows them. */
export const REPORT_COLUMNS: Column<ReportExportRow>[] = [
  {
    key: 'framework',
    header: { vi: 'Khung', en: 'Framework' },
    type: 'text',
    value: (r) => r.frameworkCode,
  },
  {
    key: 'reference',
    header: { vi: 'Số hiệu', en: 'Reference' },
    type: 'text',
    value: (r) => r.reference,
  },
  {
    key: 'title',
    header: { vi: 'Tiêu đề', en: 'Title' },
    type: 'text',
    value: (r, locale) => (locale === 'vi' ? r.titleVi : r.titleEn),
  },
  {
    key: 'period',
    header: { vi: 'Kỳ báo cáo', en: 'Reporting period' },
    type: 'text',
    value: (r) => r.period,
  },
  {
    key: 'state',
    header: { vi: 'Tình trạng báo cáo', en: 'Report state' },
    type: 'text',
    value: (r, locale) => enumLabel('updateState', r.state, locale),
  },
  {
    key: 'status',
    header: { vi: 'Trạng thái đề xuất', en: 'Proposed status' },
    type: 'text',
    value: (r, locale) => enumLabel('status', r.status, locale),
  },
  {
    key: 'progress',
    header: { vi: 'Tiến độ đề xuất (%)', en: 'Proposed progress (%)' },
    type: 'number',
    value: (r) => r.progress,
  },
  {
    key: 'narrative',
    header: { vi: 'Nội dung báo cáo', en: 'Narrative' },
    type: 'text',
    value: (r) => r.narrative,
  },
  {
    key: 'author',
    header: { vi: 'Người báo cáo', en: 'Reported by' },
    type: 'text',
    value: (r) => r.authorName,
  },
  {
    key: 'submitted_on',
    header: { vi: 'Ngày gửi', en: 'Submitted on' },
    type: 'date',
    value: (r) => r.submittedAt && todayUtc(r.submittedAt),
  },
  {
    key: 'decided_on',
    header: { vi: 'Ngày quyết định', en: 'Decided on' },
    type: 'date',
    value: (r) => r.decidedAt && todayUtc(r.decidedAt),
  },
  {
    key: 'decided_by',
    header: { vi: 'Người quyết định', en: 'Decided by' },
    type: 'text',
    value: (r) => r.deciderName,
  },
];
