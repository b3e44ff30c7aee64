import type { Locale } from '@spct/contracts';
import { COMMITMENT_STATUSES } from '@spct/contracts';
import type { LocalizedText } from '../common/localized';
import type { DashboardSummaryDto, SliceDto } from '../dashboard/dto/dashboard.dto';
import { enumLabel } from '../spreadsheets/enum-labels';
import type { Column } from '../spreadsheets/spreadsheet';

export const DASHBOARD_SHEET = { vi: 'Tổng quan', en: 'Dashboard' };

/** One line of the dashboard sheet: a group of trackable items and how they stand. */
export interface DashboardLine {
  dimension: LocalizedText;
  name: (locale: Locale) => string;
  slice: SliceDto;
  progress: number | null;
}

const ALL = { vi: 'Tất cả', en: 'All' };
const NO_LEAD = { vi: 'Chưa có cơ quan chủ trì', en: 'No lead organization' };
const NO_THEME = { vi: 'Chưa phân chủ đề', en: 'No theme' };

/** The summary's figures, one line per group: all items, then by framework, organization, theme, target group. */
export function dashboardLines(summary: DashboardSummaryDto): DashboardLine[] {
  return [
    {
      dimension: ALL,
      name: (locale) => ALL[locale],
      slice: summary,
      progress: summary.progress,
    },
    ...summary.byFramework.map((f) => ({
      dimension: { vi: 'Khung', en: 'Framework' },
      name: (locale: Locale) => `${f.code} — ${f.title[locale]}`,
      slice: f,
      progress: f.progress,
    })),
    ...summary.byLeadOrganization.map((o) => ({
      dimension: { vi: 'Cơ quan chủ trì', en: 'Lead organization' },
      name: (locale: Locale) => o.shortName ?? NO_LEAD[locale],
      slice: o,
      progress: null,
    })),
    ...summary.byTheme.map((t) => ({
      dimension: { vi: 'Chủ đề', en: 'Theme' },
      name: (locale: Locale) => (t.theme ? enumLabel('theme', t.theme, locale) : NO_THEME[locale]),
      slice: t,
      progress: null,
    })),
    ...summary.byTargetGroup.map((g) => ({
      dimension: { vi: 'Nhóm đối tượng', en: 'Target group' },
      name: (locale: Locale) => enumLabel('targetGroup', g.targetGroup, locale),
      slice: g,
      progress: null,
    })),
  ];
}

export const DASHBOARD_COLUMNS: Column<DashboardLine>[] = [
  {
    key: 'dimension',
    header: { vi: 'Nhóm', en: 'Group' },
    type: 'text',
    value: (l, locale) => l.dimension[locale],
  },
  {
    key: 'name',
    header: { vi: 'Tên', en: 'Name' },
    type: 'text',
    value: (l, locale) => l.name(locale),
  },
  {
    key: 'total',
    header: { vi: 'Số cam kết', en: 'Items' },
    type: 'number',
    value: (l) => l.slice.total,
  },
  ...COMMITMENT_STATUSES.map((status): Column<DashboardLine> => ({
    key: status.toLowerCase(),
    header: {
      vi: enumLabel('status', status, 'vi'),
      en: enumLabel('status', status, 'en'),
    },
    type: 'number',
    value: (l) => l.slice.statusCounts[status],
  })),
  {
    key: 'progress',
    header: { vi: 'Tiến độ tổng hợp (%)', en: 'Weighted progress (%)' },
    type: 'number',
    value: (l) => l.progress,
  },
];
