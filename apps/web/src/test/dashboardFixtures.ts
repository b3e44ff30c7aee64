// Dashboard answers consistent with each other: the slices of each dimension add up to the total.
import type { AttentionItem, DashboardSummary, StatusCounts, TrendPeriod } from '../api/types';
import { commitmentNq1, commitmentNq2, ilc2021, nq42, organizations } from './fixtures';

const counts = (
  NOT_STARTED: number,
  ON_TRACK: number,
  AT_RISK: number,
  OFF_TRACK: number,
  COMPLETED: number,
  DISCONTINUED: number,
): StatusCounts => ({ NOT_STARTED, ON_TRACK, AT_RISK, OFF_TRACK, COMPLETED, DISCONTINUED });

const [molisa, vgcl, vcci, vss] = organizations as [
  (typeof organizations)[0],
  (typeof organizations)[0],
  (typeof organizations)[0],
  (typeof organizations)[0],
];
const organization = (org: typeof molisa) => ({
  organizationId: org.id,
  shortName: org.shortName,
  name: org.name,
});

export const summary: DashboardSummary = {
  asOf: '2026-12-03',
  total: 52,
  progress: 32.6,
  statusCounts: counts(22, 16, 7, 3, 3, 1),
  byFramework: [
    {
      frameworkId: ilc2021.id,
      code: ilc2021.code,
      title: ilc2021.title,
      total: 40,
      statusCounts: counts(20, 10, 4, 2, 3, 1),
      progress: 28,
    },
    {
      frameworkId: nq42.id,
      code: nq42.code,
      title: nq42.title,
      total: 12,
      statusCounts: counts(2, 6, 3, 1, 0, 0),
      progress: 47.5,
    },
  ],
  byLeadOrganization: [
    { ...organization(molisa), total: 30, statusCounts: counts(5, 14, 5, 3, 3, 0) },
    { ...organization(vgcl), total: 4, statusCounts: counts(0, 2, 2, 0, 0, 0) },
    {
      organizationId: null,
      shortName: null,
      name: null,
      total: 18,
      statusCounts: counts(17, 0, 0, 0, 0, 1),
    },
  ],
  byCoOrganization: [{ ...organization(vss), total: 6, statusCounts: counts(0, 4, 1, 0, 1, 0) }],
  byTheme: [
    { theme: 'SOCIAL_PROTECTION', total: 30, statusCounts: counts(10, 12, 5, 2, 1, 0) },
    { theme: null, total: 22, statusCounts: counts(12, 4, 2, 1, 2, 1) },
  ],
  byTargetGroup: [{ targetGroup: 'WOMEN', total: 8, statusCounts: counts(3, 4, 1, 0, 0, 0) }],
  attention: {
    offTrack: 10,
    overdue: 4,
    stale: 28,
    pending: 3,
    pendingReports: 5,
    indicators: 2,
    offTrackIndicators: 3,
    disagreement: 1,
  },
  dialogue: {
    byOrganization: [
      { ...organization(vcci), AGREE: 2, RESERVATION: 4, DISAGREE: 1 },
      { ...organization(vgcl), AGREE: 9, RESERVATION: 1, DISAGREE: 0 },
    ] as DashboardSummary['dialogue']['byOrganization'],
    disagreements: [
      {
        id: commitmentNq1.id,
        reference: commitmentNq1.reference,
        title: commitmentNq1.title,
        frameworkId: nq42.id,
        frameworkCode: nq42.code,
        positions: [
          { organizationId: vgcl.id, shortName: vgcl.shortName, position: 'AGREE' },
          { organizationId: vcci.id, shortName: vcci.shortName, position: 'RESERVATION' },
        ],
      },
    ],
  },
};

const quarters = [
  ['2025-Q1', '2025-01-01', '2025-03-31'],
  ['2025-Q2', '2025-04-01', '2025-06-30'],
  ['2025-Q3', '2025-07-01', '2025-09-30'],
  ['2025-Q4', '2025-10-01', '2025-12-31'],
  ['2026-Q1', '2026-01-01', '2026-03-31'],
  ['2026-Q2', '2026-04-01', '2026-06-30'],
  ['2026-Q3', '2026-07-01', '2026-09-30'],
  ['2026-Q4', '2026-10-01', '2026-12-31'],
] as const;

/** Eight quarters, the last the current one (as the summary now). */
export const quarterTrend = {
  granularity: 'quarter' as const,
  periods: quarters.map(([key, start, end], index): TrendPeriod => {
    const current = index === quarters.length - 1;
    const statusCounts = current
      ? summary.statusCounts
      : counts(52 - index * 4, index * 4, 0, 0, 0, 0);
    return {
      key,
      start,
      end,
      current,
      total: 52,
      statusCounts,
      completed: statusCounts.COMPLETED,
      progress: current ? summary.progress : index * 4,
    };
  }),
};

export const monthTrend = {
  granularity: 'month' as const,
  periods: quarterTrend.periods.map((period, index) => ({
    ...period,
    key: `2026-${String(index + 5).padStart(2, '0')}`,
    start: `2026-${String(index + 5).padStart(2, '0')}-01`,
    end: `2026-${String(index + 5).padStart(2, '0')}-28`,
  })),
};

export const offTrackItem: AttentionItem = {
  ...commitmentNq2,
  status: 'OFF_TRACK',
  latestReport: {
    id: 'u-approved',
    period: '2026-Q3',
    decidedAt: '2026-08-20T09:00:00.000Z',
    excerpt: 'Dự thảo Luật đã trình Quốc hội; còn chậm so với kế hoạch.',
  },
};

export const atRiskItem: AttentionItem = {
  ...commitmentNq1,
  id: 'c-nq42-3',
  reference: '3',
  title: { vi: 'Bảo hiểm thất nghiệp', en: 'Unemployment insurance' },
  status: 'AT_RISK',
  latestReport: null,
};
