import { Injectable } from '@nestjs/common';
import type { CommitmentStatus, IndicatorDirection, Locale, PositionKind } from '@spct/contracts';
import { commitmentConditions } from '../commitments/commitment-filters';
import type { Population } from '../dashboard/dashboard.repository';
import { PrismaService } from '../database/prisma.service';
import { type PeriodReport, type PeriodReportState, Prisma } from '../generated/prisma/client';

export type PeriodReportRow = PeriodReport & { createdBy: { displayName: string } | null };

/** The days a report covers: a period's first and last, or a date range (UTC midnights). */
export interface ReportWindow {
  startsOn: Date;
  endsOn: Date;
}

export interface ReportSummary {
  total: number;
  byStatus: { status: CommitmentStatus; items: number }[];
  byFramework: {
    code: string;
    titleVi: string;
    titleEn: string;
    items: number;
    completed: number;
    progress: number;
  }[];
  /** The latest change among the data the report shows (null: no items). */
  asOf: Date | null;
}

export interface ReportItem {
  id: string;
  frameworkCode: string;
  reference: string;
  titleVi: string;
  titleEn: string;
  leadOrg: string | null;
  /** As the latest approved report of the window says, else the commitment's own. */
  status: CommitmentStatus;
  progress: number;
  /** The progress of the latest approved report before the window (null: none). */
  previousProgress: number | null;
  previousPeriod: string | null;
  /** The approved report of the window, if any. */
  reportPeriod: string | null;
  narrative: string | null;
}

export interface ReportEvidence {
  id: string;
  commitmentId: string;
  kind: 'LINK' | 'FILE';
  title: string;
  url: string | null;
  fileName: string | null;
}

export interface ReportIndicator {
  commitmentId: string;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
  direction: IndicatorDirection;
  baselineValue: number;
  baselineYear: number;
  targetValue: number;
  targetYear: number;
  latestValue: number | null;
  latestOn: Date | null;
}

export interface ReportPosition {
  commitmentId: string;
  frameworkCode: string;
  reference: string;
  titleVi: string;
  titleEn: string;
  organization: string;
  position: PositionKind;
  rationale: string;
  decidedOn: Date;
}

export interface PositionTally {
  organization: string;
  AGREE: number;
  RESERVATION: number;
  DISAGREE: number;
}

const INCLUDE = { createdBy: { select: { displayName: true } } } as const;

/** The approved report of each commitment `c` whose period starts within the window. */
function currentReport(window: ReportWindow): Prisma.Sql {
  return Prisma.sql`LEFT JOIN LATERAL (
      SELECT u.status, u.progress, u.narrative, u."decidedAt", p.key
      FROM "ProgressUpdate" u JOIN "ReportingPeriod" p ON p.id = u."periodId"
      WHERE u."commitmentId" = c.id AND u.state = 'APPROVED'
        AND p."startsOn" BETWEEN ${window.startsOn}::date AND ${window.endsOn}::date
      ORDER BY p."startsOn" DESC, u."decidedAt" DESC
      LIMIT 1) cur ON true`;
}

@Injectable()
export class PeriodReportsRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: Prisma.PeriodReportUncheckedCreateInput): Promise<PeriodReportRow> {
    return this.prisma.periodReport.create({ data, include: INCLUDE });
  }

  find(workspaceId: string, id: string): Promise<PeriodReportRow | null> {
    return this.prisma.periodReport.findFirst({ where: { id, workspaceId }, include: INCLUDE });
  }

  history(workspaceId: string, limit: number): Promise<PeriodReportRow[]> {
    return this.prisma.periodReport.findMany({
      where: { workspaceId },
      include: INCLUDE,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
    });
  }

  /** Moves the report from one of `from` to `to`; false when it was in none of them. */
  async transition(
    id: string,
    from: PeriodReportState[],
    to: PeriodReportState,
    data: Prisma.PeriodReportUncheckedUpdateManyInput = {},
  ): Promise<boolean> {
    const { count } = await this.prisma.periodReport.updateMany({
      where: { id, state: { in: from } },
      data: { ...data, state: to },
    });
    return count === 1;
  }

  period(workspaceId: string, id: string) {
    return this.prisma.reportingPeriod.findFirst({
      where: { id, workspaceId },
      select: { id: true, key: true, startsOn: true, endsOn: true },
    });
  }

  async userLocale(userId: string): Promise<Locale> {
    const user = await this.prisma.user.findUnique({
      where: { id: userId },
      select: { locale: true },
    });
    return user?.locale === 'en' ? 'en' : 'vi';
  }

  async workspaceName(id: string): Promise<string> {
    const workspace = await this.prisma.workspace.findUniqueOrThrow({
      where: { id },
      select: { name: true },
    });
    return workspace.name;
  }

  /** What the cover names the filters with. */
  async names(workspaceId: string) {
    const [frameworks, organizations] = await Promise.all([
      this.prisma.framework.findMany({ where: { workspaceId }, select: { id: true, code: true } }),
      this.prisma.organization.findMany({
        where: { workspaceId },
        select: { id: true, shortName: true },
      }),
    ]);
    return {
      frameworks: new Map(frameworks.map((f) => [f.id, f.code])),
      organizations: new Map(organizations.map((o) => [o.id, o.shortName])),
    };
  }

  /** Counts per status and progress per framework of the trackable items, in one statement. */
  async summary(
    workspaceId: string,
    population: Population,
    window: ReportWindow,
  ): Promise<ReportSummary> {
    const where = this.itemConditions(workspaceId, population);
    const [row] = await this.prisma.$queryRaw<ReportSummary[]>(Prisma.sql`
      WITH items AS (
        SELECT c.id, c."frameworkId", c.weight, c."updatedAt", cur."decidedAt",
          COALESCE(cur.status, c.status)::text AS status, COALESCE(cur.progress, c.progress) AS progress
        FROM "Commitment" c ${currentReport(window)}
        WHERE ${where})
      SELECT
        (SELECT count(*)::int FROM items) AS total,
        (SELECT COALESCE(json_agg(s ORDER BY s.status), '[]') FROM (
          SELECT status, count(*)::int AS items FROM items GROUP BY status) s) AS "byStatus",
        (SELECT COALESCE(json_agg(x ORDER BY x.code), '[]') FROM (
          SELECT f.code, f."titleVi", f."titleEn", count(*)::int AS items,
            (count(*) FILTER (WHERE i.status = 'COMPLETED'))::int AS completed,
            round(sum(i.progress * i.weight)::numeric / NULLIF(sum(i.weight), 0), 1)::float8 AS progress
          FROM items i JOIN "Framework" f ON f.id = i."frameworkId"
          GROUP BY f.id) x) AS "byFramework",
        GREATEST(
          (SELECT max("updatedAt") FROM items),
          (SELECT max("decidedAt") FROM items),
          (SELECT max(e."createdAt") FROM "Evidence" e JOIN items i ON i.id = e."commitmentId"),
          (SELECT max(po."updatedAt") FROM "Position" po JOIN items i ON i.id = po."commitmentId"),
          (SELECT max(m."createdAt") FROM "Measurement" m
             JOIN "Indicator" ind ON ind.id = m."indicatorId" JOIN items i ON i.id = ind."commitmentId")
        ) AS "asOf"`);
    return {
      ...row!,
      byFramework: row!.byFramework.map((f) => ({ ...f, progress: f.progress ?? 0 })),
    };
  }

  /** The trackable items' ids in the report's order: by framework, then reference. */
  async itemIds(workspaceId: string, population: Population): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT c.id FROM "Commitment" c JOIN "Framework" f ON f.id = c."frameworkId"
      WHERE ${this.itemConditions(workspaceId, population)}
      ORDER BY f.code, c."referenceKey", c.reference, c.id`);
    return rows.map((r) => r.id);
  }

  /** The items of `ids` (in that order) with their reports, evidence and indicators. */
  async details(workspaceId: string, ids: string[], window: ReportWindow) {
    const end = new Date(window.endsOn.getTime() + 86_400_000);
    const [items, evidence, indicators] = await Promise.all([
      this.prisma.$queryRaw<ReportItem[]>(Prisma.sql`
        SELECT c.id, f.code AS "frameworkCode", c.reference, c."titleVi", c."titleEn",
          o."shortName" AS "leadOrg", COALESCE(cur.status, c.status)::text AS status,
          COALESCE(cur.progress, c.progress) AS progress, cur.key AS "reportPeriod", cur.narrative,
          prev.progress AS "previousProgress", prev.key AS "previousPeriod"
        FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS k(id, n)
        JOIN "Commitment" c ON c.id = k.id
        JOIN "Framework" f ON f.id = c."frameworkId"
        LEFT JOIN "Organization" o ON o.id = c."leadOrgId"
        ${currentReport(window)}
        LEFT JOIN LATERAL (
          SELECT u.progress, p.key
          FROM "ProgressUpdate" u JOIN "ReportingPeriod" p ON p.id = u."periodId"
          WHERE u."commitmentId" = c.id AND u.state = 'APPROVED'
            AND p."endsOn" < ${window.startsOn}::date
          ORDER BY p."startsOn" DESC, u."decidedAt" DESC
          LIMIT 1) prev ON true
        WHERE c."workspaceId" = ${workspaceId}::uuid
        ORDER BY k.n`),
      this.prisma.$queryRaw<ReportEvidence[]>(Prisma.sql`
        SELECT e.id, e."commitmentId", e.kind::text AS kind, e.title, e.url, e."fileName"
        FROM "Evidence" e
        WHERE e."workspaceId" = ${workspaceId}::uuid AND e."commitmentId" = ANY(${ids}::uuid[])
          AND e."createdAt" < ${end}
        ORDER BY e."commitmentId", e."createdAt", e.id`),
      this.prisma.$queryRaw<ReportIndicator[]>(Prisma.sql`
        SELECT i."commitmentId", i."nameVi", i."nameEn", i."unitVi", i."unitEn",
          i.direction::text AS direction, i."baselineValue"::float8 AS "baselineValue",
          i."baselineYear", i."targetValue"::float8 AS "targetValue", i."targetYear",
          m.value::float8 AS "latestValue", m."measuredOn" AS "latestOn"
        FROM "Indicator" i
        LEFT JOIN LATERAL (
          SELECT value, "measuredOn" FROM "Measurement"
          WHERE "indicatorId" = i.id AND "measuredOn" <= ${window.endsOn}::date
          ORDER BY "measuredOn" DESC, "createdAt" DESC, id DESC
          LIMIT 1) m ON true
        WHERE i."workspaceId" = ${workspaceId}::uuid AND i."commitmentId" = ANY(${ids}::uuid[])
        ORDER BY i."commitmentId", i."createdAt", i.id`),
    ]);
    return { items, evidence, indicators };
  }

  /** The organizations' positions on the items of `ids`, in that order, then by organization. */
  positions(workspaceId: string, ids: string[]): Promise<ReportPosition[]> {
    return this.prisma.$queryRaw<ReportPosition[]>(Prisma.sql`
      SELECT c.id AS "commitmentId", f.code AS "frameworkCode", c.reference, c."titleVi", c."titleEn",
        o."shortName" AS organization, po.position::text AS position, po.rationale, po."decidedOn"
      FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS k(id, n)
      JOIN "Commitment" c ON c.id = k.id
      JOIN "Framework" f ON f.id = c."frameworkId"
      JOIN "Position" po ON po."commitmentId" = c.id
      JOIN "Organization" o ON o.id = po."organizationId"
      WHERE c."workspaceId" = ${workspaceId}::uuid
      ORDER BY k.n, o."shortName"`);
  }

  /** How many positions of each kind each organization recorded on the items. */
  positionTally(workspaceId: string, population: Population): Promise<PositionTally[]> {
    return this.prisma.$queryRaw<PositionTally[]>(Prisma.sql`
      SELECT o."shortName" AS organization,
        (count(*) FILTER (WHERE po.position = 'AGREE'))::int AS "AGREE",
        (count(*) FILTER (WHERE po.position = 'RESERVATION'))::int AS "RESERVATION",
        (count(*) FILTER (WHERE po.position = 'DISAGREE'))::int AS "DISAGREE"
      FROM "Commitment" c
      JOIN "Position" po ON po."commitmentId" = c.id
      JOIN "Organization" o ON o.id = po."organizationId"
      WHERE ${this.itemConditions(workspaceId, population)}
      GROUP BY o.id
      ORDER BY o."shortName"`);
  }

  private itemConditions(workspaceId: string, population: Population): Prisma.Sql {
    return Prisma.join(
      commitmentConditions(workspaceId, { ...population, leaf: true }, new Date(0)),
      ' AND ',
    );
  }
}
