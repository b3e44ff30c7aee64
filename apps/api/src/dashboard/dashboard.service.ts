import type { WorkspaceActor } from '../auth/actor';
import { Injectable } from '@nestjs/common';
import {
  type AttentionKind,
  type CommitmentSort,
  POSITION_KINDS,
  type PositionKind,
  TARGET_GROUPS,
  type TargetGroup,
  type Theme,
  THEMES,
} from '@spct/contracts';
import { CommitmentsService } from '../commitments/commitments.service';
import { meanProgress } from '../commitments/rollup';
import { Clock } from '../common/clock';
import { isoDate, todayUtc } from '../common/dates';
import { localized } from '../common/localized';
import { statusCounts } from '../common/status-counts';
import {
  COMPACT_AFTER,
  DashboardRepository,
  type Population,
  type StatusFigures,
  type SummaryRow,
} from './dashboard.repository';
import {
  type AttentionListDto,
  type DashboardSummaryDto,
  type DashboardTrendDto,
  type DisagreementDto,
  type LatestReportDto,
  type OrganizationSliceDto,
  type PositionCountsDto,
  type SliceDto,
} from './dto/dashboard.dto';
import { type AttentionQuery, type TrendQuery } from './dto/dashboard.query';
import { lastPeriods } from './periods';
import { type PopulationQuery } from '../commitments/dto/population.query';

/** The order each attention list is read in: the most pressing first. */
const ATTENTION_SORT: Record<AttentionKind, CommitmentSort> = {
  'off-track': '-status',
  overdue: 'targetDate',
  stale: 'targetDate',
  pending: 'reference',
  indicators: 'reference',
  disagreement: 'reference',
};

/** How much of a report's narrative an attention list shows. */
const EXCERPT_LINES = 2;
const EXCERPT_CHARS = 280;

@Injectable()
export class DashboardService {
  constructor(
    private readonly dashboard: DashboardRepository,
    private readonly commitments: CommitmentsService,
    private readonly clock: Clock,
  ) {}

  async summary(member: WorkspaceActor, query: PopulationQuery): Promise<DashboardSummaryDto> {
    const now = this.clock.now();
    const row = await this.dashboard.summary(member.workspaceId, populationOf(query), now);
    if (row.tally.rows - row.tally.cells >= COMPACT_AFTER) {
      await this.dashboard.compactTally(member.workspaceId);
    }
    const organizations = new Map((row.organizations ?? []).map((o) => [o.id, o]));
    const frameworks = new Map((row.frameworks ?? []).map((f) => [f.id, f]));
    const organization = (id: string | null) => {
      const o = id === null ? undefined : organizations.get(id);
      return {
        organizationId: id,
        shortName: o?.shortName ?? null,
        name: o ? localized(o.nameVi, o.nameEn) : null,
      };
    };
    const byStatus = row.byStatus ?? [];
    const counts = statusCounts(byStatus.map((f) => ({ status: f.status, count: f.items })));
    return {
      asOf: isoDate(todayUtc(now)),
      ...slice(byStatus),
      progress: meanProgress(byStatus),
      byFramework: grouped<string>(row.byFramework)
        .map(([frameworkId, figures]) => {
          const f = frameworks.get(frameworkId);
          return {
            frameworkId,
            code: f?.code ?? '',
            title: localized(f?.titleVi ?? '', f?.titleEn ?? ''),
            ...slice(figures),
            progress: meanProgress(figures),
          };
        })
        .sort((a, b) => a.code.localeCompare(b.code)),
      byLeadOrganization: byOrganization(grouped<string | null>(row.byLead), organization),
      byCoOrganization: byOrganization(grouped<string>(row.byCoOrg), organization),
      byTheme: grouped<Theme | null>(row.byTheme)
        .map(([theme, figures]) => ({ theme, ...slice(figures) }))
        .sort((a, b) => order(THEMES, a.theme) - order(THEMES, b.theme)),
      byTargetGroup: grouped<TargetGroup>(row.byTargetGroup)
        .map(([targetGroup, figures]) => ({ targetGroup, ...slice(figures) }))
        .sort((a, b) => order(TARGET_GROUPS, a.targetGroup) - order(TARGET_GROUPS, b.targetGroup)),
      attention: {
        offTrack: counts.AT_RISK + counts.OFF_TRACK,
        overdue: Number(row.overdue),
        stale: Number(row.stale),
        ...row.attention,
      },
      dialogue: {
        byOrganization: positionCounts(row.positions ?? [], organization),
        disagreements: (row.disagreements ?? []).map((d): DisagreementDto => ({
          id: d.id,
          reference: d.reference,
          title: localized(d.titleVi, d.titleEn),
          frameworkId: d.frameworkId,
          frameworkCode: frameworks.get(d.frameworkId)?.code ?? '',
          positions: d.positionKeys.map((key) => {
            const [organizationId, position] = key.split(':') as [string, PositionKind];
            return {
              organizationId,
              shortName: organizations.get(organizationId)?.shortName ?? '',
              position,
            };
          }),
        })),
      },
    };
  }

  /**
   * The last 8 periods: past ones as they stood at their end (reconstructed from the approved
   * reports once, then kept), the current one as it stands now.
   */
  async trend(member: WorkspaceActor, query: TrendQuery): Promise<DashboardTrendDto> {
    const granularity = query.granularity ?? 'quarter';
    const population = populationOf(query);
    const periods = lastPeriods(granularity, todayUtc(this.clock.now()));
    const past = periods.filter((p) => !p.current).map((p) => p.end);
    await this.dashboard.ensureSnapshots(member.workspaceId, past);
    const [stored, now] = await Promise.all([
      this.dashboard.snapshots(member.workspaceId, past, population),
      this.dashboard.current(member.workspaceId, population),
    ]);
    return {
      granularity,
      periods: periods.map((period) => {
        const figures = period.current ? now : stored.filter((s) => s.periodEnd === period.end);
        const { total, statusCounts: counts } = slice(figures);
        return {
          ...period,
          total,
          statusCounts: counts,
          completed: counts.COMPLETED,
          progress: meanProgress(figures),
        };
      }),
    };
  }

  /** One page of the trackable items needing one kind of attention, with their latest report. */
  async attention(member: WorkspaceActor, query: AttentionQuery): Promise<AttentionListDto> {
    const { kind, cursor, limit, ...population } = query;
    const page = await this.commitments.list(member, {
      ...population,
      leaf: true,
      attention: kind,
      sort: ATTENTION_SORT[kind],
      cursor,
      limit,
    });
    const reports = await this.dashboard.latestApprovedReports(
      member.workspaceId,
      page.items.map((item) => item.id),
    );
    const latest = new Map(
      reports.map((r): [string, LatestReportDto] => [
        r.commitmentId,
        {
          id: r.id,
          period: r.period,
          decidedAt: r.decidedAt.toISOString(),
          excerpt: excerpt(r.narrative),
        },
      ]),
    );
    return {
      items: page.items.map((item) => ({ ...item, latestReport: latest.get(item.id) ?? null })),
      nextCursor: page.nextCursor,
      total: page.total,
    };
  }
}

function populationOf(query: PopulationQuery): Population {
  return {
    frameworkId: query.frameworkId,
    leadOrgId: query.leadOrgId,
    theme: query.theme,
    targetGroup: query.targetGroup,
  };
}

/** The rows of one grouping, by key, in the order they first appear. */
function grouped<K>(rows: (StatusFigures & { key: K })[] | null): [K, StatusFigures[]][] {
  const groups = new Map<K, StatusFigures[]>();
  for (const row of rows ?? []) groups.set(row.key, [...(groups.get(row.key) ?? []), row]);
  return [...groups];
}

function slice(figures: StatusFigures[]): SliceDto {
  return {
    total: figures.reduce((sum, f) => sum + f.items, 0),
    statusCounts: statusCounts(figures.map((f) => ({ status: f.status, count: f.items }))),
  };
}

function order<T>(values: readonly T[], value: T | null): number {
  return value === null ? values.length : values.indexOf(value);
}

function byOrganization(
  groups: [string | null, StatusFigures[]][],
  organization: (id: string | null) => Omit<OrganizationSliceDto, keyof SliceDto>,
): OrganizationSliceDto[] {
  return groups
    .map(([id, figures]) => ({ ...organization(id), ...slice(figures) }))
    .sort((a, b) =>
      a.shortName === null ? 1 : b.shortName === null ? -1 : a.shortName.localeCompare(b.shortName),
    );
}

function positionCounts(
  rows: NonNullable<SummaryRow['positions']>,
  organization: (id: string | null) => Omit<OrganizationSliceDto, keyof SliceDto>,
): PositionCountsDto[] {
  const byOrganization = new Map<string, PositionCountsDto>();
  for (const row of rows) {
    const o = organization(row.organizationId);
    const counts = byOrganization.get(row.organizationId) ?? {
      organizationId: row.organizationId,
      shortName: o.shortName ?? '',
      name: o.name ?? localized('', ''),
      ...(Object.fromEntries(POSITION_KINDS.map((k) => [k, 0])) as Record<PositionKind, number>),
    };
    counts[row.position] += row.items;
    byOrganization.set(row.organizationId, counts);
  }
  return [...byOrganization.values()].sort((a, b) => a.shortName.localeCompare(b.shortName));
}

/** The first lines of a narrative, shortened with an ellipsis. */
export function excerpt(narrative: string): string {
  const lines = narrative
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const text = lines.slice(0, EXCERPT_LINES).join('\n');
  const cut = text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS).trimEnd()}…` : text;
  return lines.length > EXCERPT_LINES && cut === text ? `${cut}…` : cut;
}
