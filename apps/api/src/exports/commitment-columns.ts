import type { CommitmentRow } from '../commitments/commitments.repository';
import { enumLabel, LIST_SEPARATOR } from '../spreadsheets/enum-labels';
import type { Column } from '../spreadsheets/spreadsheet';

/** Short names of the workspace's organizations by id. */
export type OrganizationNames = Map<string, string>;

export const COMMITMENT_SHEET = { vi: 'Cam kết', en: 'Commitments' };

/**
 * The commitment columns of the export, which the import template repeats, so that a file
 * exported, edited and imported again changes what was edited and nothing else.
 */
export function commitmentColumns(organizations: OrganizationNames): Column<CommitmentRow>[] {
  const shortName = (id: string) => organizations.get(id) ?? '';
  return [
    {
      key: 'framework',
      header: { vi: 'Khung', en: 'Framework' },
      type: 'text',
      value: (c) => c.framework.code,
    },
    {
      key: 'reference',
      header: { vi: 'Số hiệu', en: 'Reference' },
      type: 'text',
      value: (c) => c.reference,
    },
    {
      key: 'title_vi',
      header: { vi: 'Tiêu đề (tiếng Việt)', en: 'Title (Vietnamese)' },
      type: 'text',
      value: (c) => c.titleVi,
    },
    {
      key: 'title_en',
      header: { vi: 'Tiêu đề (tiếng Anh)', en: 'Title (English)' },
      type: 'text',
      value: (c) => c.titleEn,
    },
    {
      key: 'description_vi',
      header: { vi: 'Mô tả (tiếng Việt)', en: 'Description (Vietnamese)' },
      type: 'text',
      value: (c) => c.descriptionVi,
    },
    {
      key: 'description_en',
      header: { vi: 'Mô tả (tiếng Anh)', en: 'Description (English)' },
      type: 'text',
      value: (c) => c.descriptionEn,
    },
    {
      key: 'theme',
      header: { vi: 'Chủ đề', en: 'Theme' },
      type: 'text',
      value: (c, locale) => enumLabel('theme', c.theme, locale),
    },
    {
      key: 'status',
      header: { vi: 'Trạng thái', en: 'Status' },
      type: 'text',
      value: (c, locale) => enumLabel('status', c.status, locale),
    },
    {
      key: 'progress',
      header: { vi: 'Tiến độ (%)', en: 'Progress (%)' },
      type: 'number',
      value: (c) => c.progress,
    },
    {
      key: 'weight',
      header: { vi: 'Trọng số', en: 'Weight' },
      type: 'number',
      value: (c) => c.weight,
    },
    {
      key: 'lead_organization',
      header: { vi: 'Cơ quan chủ trì', en: 'Lead organization' },
      type: 'text',
      value: (c) => (c.leadOrgId ? shortName(c.leadOrgId) : ''),
    },
    {
      key: 'co_organizations',
      header: { vi: 'Cơ quan phối hợp', en: 'Co-responsible organizations' },
      type: 'text',
      value: (c) =>
        c.coOrganizations
          .map((o) => shortName(o.organizationId))
          .sort()
          .join(LIST_SEPARATOR),
    },
    {
      key: 'target_groups',
      header: { vi: 'Nhóm đối tượng', en: 'Target groups' },
      type: 'text',
      value: (c, locale) =>
        c.targetGroups.map((g) => enumLabel('targetGroup', g, locale)).join(LIST_SEPARATOR),
    },
    {
      key: 'start_date',
      header: { vi: 'Ngày bắt đầu', en: 'Start date' },
      type: 'date',
      value: (c) => c.startDate,
    },
    {
      key: 'target_date',
      header: { vi: 'Hạn hoàn thành', en: 'Target date' },
      type: 'date',
      value: (c) => c.targetDate,
    },
  ];
}
