import { Injectable } from '@nestjs/common';
import {
  type CommitmentStatus,
  type PositionKind,
  type TargetGroup,
  type Theme,
} from '@spct/contracts';
import {
  commitmentConditions,
  type CommitmentFilters,
  dimensionConditions,
} from '../commitments/commitment-filters';
import { PrismaService } from '../database/prisma.service';
import { Prisma } from '../generated/prisma/client';

/** The dashboard's population: the list's dimension filters (trackable items are implied). */
export type Population = Pick<
  CommitmentFilters,
  'frameworkId' | 'leadOrgId' | 'theme' | 'targetGroup'
>;

/** Figures of one group of trackable items in one status. */
export interface StatusFigures {
  status: CommitmentStatus;
  items: number;
  progressWeight: number;
  weight: number;
}

export interface SummaryRow {
  byStatus: StatusFigures[] | null;
  byFramework: (StatusFigures & { key: string })[] | null;
  byLead: (StatusFigures & { key: string | null })[] | null;
  byCoOrg: (StatusFigures & { key: string })[] | null;
  byTheme: (StatusFigures & { key: Theme | null })[] | null;
  byTargetGroup: (StatusFigures & { key: TargetGroup })[] | null;
  positions: { organizationId: string; position: PositionKind; items: number }[] | null;
  attention: {
    pending: number;
    pendingReports: number;
    indicators: number;
    offTrackIndicators: number;
    disagreement: number;
  };
  overdue: number;
  stale: number;
  disagreements:
    | {
        id: string;
        reference: string;
        titleVi: string;
        titleEn: string;
        frameworkId: string;
        positionKeys: string[];
      }[]
    | null;
  organizations: { id: string; shortName: string; nameVi: string; nameEn: string }[] | null;
  frameworks: { id: string; code: string; titleVi: string; titleEn: string }[] | null;
  /** The workspace's tally rows and distinct combinations among them (see compactTally). */
  tally: { rows: number; cells: number };
}

export interface LatestReportRow {
  id: string;
  commitmentId: string;
  period: string;
  decidedAt: Date;
  narrative: string;
}

/**
 * spct_dialogue_split("positionKeys") written out (migration dialogue_split_expression), which
 * PostgreSQL evaluates without a function call per row of the tally.
 */
const DIALOGUE_SPLIT_INLINE = Prisma.sql`(cardinality("positionKeys") > 1
  AND strpos(replace(array_to_string("positionKeys", ',') || ',',
                     ':' || split_part("positionKeys"[1], ':', 2) || ',', ''), ':') > 0)`;

/** How many disagreements the summary lists (it counts them all). */
export const DISAGREEMENTS_SHOWN = 10;

/** Past months are reconstructed once, by one process at a time per workspace. */
const SNAPSHOT_LOCK = 8_407_301;

/** The summary compacts a workspace's tally when its rows outnumber its combinations by this much. */
export const COMPACT_AFTER = 500;

@Injectable()
export class DashboardRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Every figure of the summary in one statement: the groupings come from the CommitmentTally
   * (a few rows per combination of dimensions, whatever the workspace's size), the counts that
   * depend on today from index-only scans of the trackable items, with the very conditions the
   * commitments list applies for the same drill-down.
   */
  async summary(workspaceId: string, population: Population, now: Date): Promise<SummaryRow> {
    const [row] = await this.prisma.$queryRaw<{ summary: SummaryRow }[]>(
      this.summaryQuery(workspaceId, population, now),
    );
    return row!.summary;
  }

  /** The SQL of `summary`, exposed for the EXPLAIN checks of the test suite and the benchmark. */
  summaryQuery(workspaceId: string, population: Population, now: Date): Prisma.Sql {
    const cells = Prisma.join(
      [Prisma.sql`c."workspaceId" = ${workspaceId}::uuid`, ...dimensionConditions(population)],
      ' AND ',
    );
    const trackable = (extra: CommitmentFilters) =>
      Prisma.join(
        commitmentConditions(workspaceId, { ...population, leaf: true, ...extra }, now),
        ' AND ',
      );
    const groups = population.targetGroup?.length
      ? Prisma.sql`WHERE g = ANY(${population.targetGroup}::"TargetGroup"[])`
      : Prisma.empty;
    // The tally's rows are deltas: a combination whose items were all moved away sums to zero.
    const nonZero = Prisma.sql`HAVING sum(items) <> 0`;
    const figures = Prisma.sql`sum(items)::int AS items, sum("progressWeight")::float8 AS "progressWeight",
      sum(weight)::float8 AS weight`;
    return Prisma.sql`
      WITH cells AS (SELECT * FROM "CommitmentTally" c WHERE ${cells})
      SELECT json_build_object(
        'byStatus', (SELECT json_agg(x) FROM (
          SELECT status, ${figures} FROM cells GROUP BY status ${nonZero}) x),
        'byFramework', (SELECT json_agg(x) FROM (
          SELECT "frameworkId" AS key, status, ${figures} FROM cells GROUP BY 1, 2 ${nonZero}) x),
        'byLead', (SELECT json_agg(x) FROM (
          SELECT "leadOrgId" AS key, status, ${figures} FROM cells GROUP BY 1, 2 ${nonZero}) x),
        'byCoOrg', (SELECT json_agg(x) FROM (
          SELECT o AS key, status, ${figures} FROM cells, unnest("coOrgIds") o
          GROUP BY 1, 2 ${nonZero}) x),
        'byTheme', (SELECT json_agg(x) FROM (
          SELECT theme AS key, status, ${figures} FROM cells GROUP BY 1, 2 ${nonZero}) x),
        'byTargetGroup', (SELECT json_agg(x) FROM (
          SELECT g AS key, status, ${figures} FROM cells, unnest("targetGroups") g ${groups}
          GROUP BY 1, 2 ${nonZero}) x),
        'positions', (SELECT json_agg(x) FROM (
          SELECT split_part(k, ':', 1) AS "organizationId", split_part(k, ':', 2) AS position,
            sum(items)::int AS items
          FROM cells, unnest("positionKeys") k GROUP BY 1, 2 ${nonZero}) x),
        'attention', (SELECT json_build_object(
          'pending', COALESCE(sum("pendingItems"), 0),
          'pendingReports', COALESCE(sum("pendingReports"), 0),
          'indicators', COALESCE(sum("offTrackItems"), 0),
          'offTrackIndicators', COALESCE(sum("offTrackIndicators"), 0),
          'disagreement', COALESCE(sum(items) FILTER (WHERE ${DIALOGUE_SPLIT_INLINE}), 0))
          FROM cells),
        'overdue', (SELECT count(*) FROM "Commitment" c WHERE ${trackable({ attention: 'overdue' })}),
        'stale', ${this.staleCount(workspaceId, trackable({}), now)},
        'disagreements', (SELECT json_agg(x) FROM (
          SELECT c.id, c.reference, c."titleVi", c."titleEn", c."frameworkId", c."positionKeys"
          FROM "Commitment" c WHERE ${trackable({ attention: 'disagreement' })}
          ORDER BY c."referenceKey", c.id LIMIT ${DISAGREEMENTS_SHOWN}) x),
        'organizations', (SELECT json_agg(x) FROM (
          SELECT id, "shortName", "nameVi", "nameEn" FROM "Organization"
          WHERE "workspaceId" = ${workspaceId}::uuid ORDER BY lower("shortName")) x),
        'frameworks', (SELECT json_agg(x) FROM (
          SELECT id, code, "titleVi", "titleEn" FROM "Framework"
          WHERE "workspaceId" = ${workspaceId}::uuid ORDER BY code) x),
        'tally', (SELECT json_build_object('rows', count(*), 'cells', count(DISTINCT ("frameworkId",
          "leadOrgId", theme, status, "targetGroups", "coOrgIds", "positionKeys")))
          FROM "CommitmentTally" WHERE "workspaceId" = ${workspaceId}::uuid)
      ) AS summary`;
  }

  /**
   * How many trackable items need a report (needsUpdateCondition), as the open items with a lead
   * organization (from the tally, in the summary's `cells`) less those with a report for every
   * period due (few, through Commitment_open_reported_keys_idx), rather than reading each open item.
   * Equal to counting needsUpdateCondition as long as "reportedPeriods" is never NULL (its default
   * is '{}' and the triggers that write it COALESCE; Prisma's schema engine here cannot take the
   * CHECK constraint that would say so).
   */
  private staleCount(workspaceId: string, trackable: Prisma.Sql, now: Date): Prisma.Sql {
    const due = Prisma.sql`(SELECT spct_due_period_keys(${workspaceId}::uuid, ${now}::timestamptz))`;
    return Prisma.sql`(SELECT CASE WHEN cardinality(due.keys) = 0 THEN 0 ELSE
        (SELECT COALESCE(sum(items), 0) FROM cells
          WHERE status NOT IN ('COMPLETED', 'DISCONTINUED') AND "leadOrgId" IS NOT NULL)
        - (SELECT count(*) FROM "Commitment" c WHERE ${trackable}
            AND c.status NOT IN ('COMPLETED', 'DISCONTINUED') AND c."leadOrgId" IS NOT NULL
            AND spct_workspace_keys(c."workspaceId", c."reportedPeriods")
              @> spct_workspace_keys(${workspaceId}::uuid, due.keys))
      END FROM (SELECT ${due} AS keys) due)`;
  }

  /** The trackable items now, per status: the current period of a trend. */
  current(workspaceId: string, population: Population): Promise<StatusFigures[]> {
    const conditions = [
      Prisma.sql`c."workspaceId" = ${workspaceId}::uuid`,
      ...dimensionConditions(population),
    ];
    return this.prisma.$queryRaw<StatusFigures[]>(Prisma.sql`
      SELECT status::text AS status, sum(items)::int AS items,
        sum("progressWeight")::float8 AS "progressWeight", sum(weight)::float8 AS weight
      FROM "CommitmentTally" c WHERE ${Prisma.join(conditions, ' AND ')}
      GROUP BY status`);
  }

  /** The stored ends of past months, per status (ensureSnapshots first). */
  snapshots(
    workspaceId: string,
    monthEnds: string[],
    population: Population,
  ): Promise<(StatusFigures & { periodEnd: string })[]> {
    const conditions = [
      Prisma.sql`c."workspaceId" = ${workspaceId}::uuid`,
      Prisma.sql`c."periodEnd" = ANY(${monthEnds}::date[])`,
      ...dimensionConditions(population),
    ];
    return this.prisma.$queryRaw<(StatusFigures & { periodEnd: string })[]>(Prisma.sql`
      SELECT to_char(c."periodEnd", 'YYYY-MM-DD') AS "periodEnd", status::text AS status, sum(items)::int AS items,
        sum("progressWeight")::float8 AS "progressWeight", sum(weight)::float8 AS weight
      FROM "DashboardSnapshot" c WHERE ${Prisma.join(conditions, ' AND ')}
      GROUP BY 1, 2`);
  }

  /**
   * Reconstructs, once, how the trackable items stood at the end of each of `monthEnds` (past
   * months) that is not stored yet: each item created by then in the status and progress of its
   * latest report approved by then — NOT_STARTED and 0 before its first approval, and as it is
   * now when no report was ever approved (its status was set when it was created or imported).
   * Under an advisory lock, so concurrent readers wait for one reconstruction.
   */
  async ensureSnapshots(workspaceId: string, monthEnds: string[]): Promise<void> {
    const missing = await this.missingSnapshots(this.prisma, workspaceId, monthEnds);
    if (missing.length === 0) return;
    await this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SNAPSHOT_LOCK}, hashtext(${workspaceId}))`;
        const ends = await this.missingSnapshots(tx, workspaceId, monthEnds);
        if (ends.length === 0) return;
        // One statement per month, each well within the statement timeout however many months
        // are missing (a workspace's first trend asks for up to two years of them).
        for (const end of ends) {
          await tx.$executeRaw(this.snapshotInsert(workspaceId, end));
        }
        await tx.$executeRaw(Prisma.sql`
          INSERT INTO "DashboardSnapshotPeriod" ("workspaceId", "periodEnd")
          SELECT ${workspaceId}::uuid, e FROM unnest(${ends}::date[]) e`);
      },
      { maxWait: 30_000, timeout: 120_000 },
    );
  }

  /**
   * How the trackable items stood at the end of the day `end`, per combination of dimensions.
   * The target groups are sorted once per combination, not once per item.
   */
  private snapshotInsert(workspaceId: string, end: string): Prisma.Sql {
    const until = Prisma.sql`(${end}::date + 1)::timestamp`;
    return Prisma.sql`
      WITH spans AS (
        SELECT "commitmentId", status, progress, "decidedAt" AS "from",
          lead("decidedAt") OVER (PARTITION BY "commitmentId" ORDER BY "decidedAt", id) AS "to",
          min("decidedAt") OVER (PARTITION BY "commitmentId") AS "first"
        FROM "ProgressUpdate"
        WHERE "workspaceId" = ${workspaceId}::uuid AND state = 'APPROVED' AND "decidedAt" IS NOT NULL
      ),
      firsts AS (SELECT DISTINCT "commitmentId", "first" FROM spans),
      states AS (
        SELECT i."frameworkId", i."leadOrgId", i.theme, i."targetGroups", i.weight,
          CASE WHEN f."first" IS NULL THEN i.status
               WHEN f."first" >= ${until} THEN 'NOT_STARTED' ELSE s.status END AS status,
          CASE WHEN f."first" IS NULL THEN i.progress
               WHEN f."first" >= ${until} THEN 0 ELSE s.progress END AS progress
        FROM "Commitment" i
        LEFT JOIN firsts f ON f."commitmentId" = i.id
        LEFT JOIN spans s ON s."commitmentId" = i.id AND s."from" < ${until}
          AND (s."to" IS NULL OR s."to" >= ${until})
        WHERE i."workspaceId" = ${workspaceId}::uuid AND NOT i.archived AND i."activeChildren" = 0
          AND i."createdAt" < ${until}
      ),
      grouped AS (
        SELECT "frameworkId", "leadOrgId", theme, status, "targetGroups", count(*) AS items,
          sum(progress * weight) AS "progressWeight", sum(weight) AS weight
        FROM states GROUP BY 1, 2, 3, 4, 5
      )
      INSERT INTO "DashboardSnapshot" ("workspaceId", "periodEnd", "frameworkId", "leadOrgId",
        theme, status, "targetGroups", items, "progressWeight", weight)
      SELECT ${workspaceId}::uuid, ${end}::date, "frameworkId", "leadOrgId", theme, status,
        spct_sorted_target_groups("targetGroups"), sum(items), sum("progressWeight"), sum(weight)
      FROM grouped GROUP BY 3, 4, 5, 6, 7`;
  }

  private async missingSnapshots(
    db: Pick<PrismaService, '$queryRaw'>,
    workspaceId: string,
    monthEnds: string[],
  ): Promise<string[]> {
    const rows = await db.$queryRaw<{ end: string }[]>(Prisma.sql`
      SELECT to_char(e, 'YYYY-MM-DD') AS end FROM unnest(${monthEnds}::date[]) e
      WHERE NOT EXISTS (SELECT 1 FROM "DashboardSnapshotPeriod" p
        WHERE p."workspaceId" = ${workspaceId}::uuid AND p."periodEnd" = e)`);
    return rows.map((r) => r.end);
  }

  /** The latest approved report of each of `commitmentIds` (those that have one). */
  latestApprovedReports(workspaceId: string, commitmentIds: string[]): Promise<LatestReportRow[]> {
    if (commitmentIds.length === 0) return Promise.resolve([]);
    return this.prisma.$queryRaw<LatestReportRow[]>(Prisma.sql`
      SELECT DISTINCT ON (u."commitmentId") u.id, u."commitmentId", p.key AS period, u."decidedAt",
        left(u.narrative, 600) AS narrative
      FROM "ProgressUpdate" u JOIN "ReportingPeriod" p ON p.id = u."periodId"
      WHERE u."workspaceId" = ${workspaceId}::uuid AND u."commitmentId" = ANY(${commitmentIds}::uuid[])
        AND u.state = 'APPROVED'
      ORDER BY u."commitmentId", u."decidedAt" DESC, u.id DESC`);
  }

  /**
   * Merges a workspace's tally rows into one per combination (the triggers append a delta per
   * change). Any number of processes may do it at once: each moves only the rows it read, and
   * their sum is unchanged.
   */
  async compactTally(workspaceId: string): Promise<void> {
    await this.prisma.$executeRaw(Prisma.sql`
      WITH gone AS (
        DELETE FROM "CommitmentTally" WHERE "workspaceId" = ${workspaceId}::uuid RETURNING *
      )
      INSERT INTO "CommitmentTally" ("workspaceId", "frameworkId", "leadOrgId", theme, status,
        "targetGroups", "coOrgIds", "positionKeys", items, "progressWeight", weight,
        "pendingReports", "pendingItems", "offTrackIndicators", "offTrackItems")
      SELECT "workspaceId", "frameworkId", "leadOrgId", theme, status, "targetGroups", "coOrgIds",
        "positionKeys", sum(items), sum("progressWeight"), sum(weight), sum("pendingReports"),
        sum("pendingItems"), sum("offTrackIndicators"), sum("offTrackItems")
      FROM gone GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
      HAVING (sum(items), sum("progressWeight"), sum(weight), sum("pendingReports"),
              sum("pendingItems"), sum("offTrackIndicators"), sum("offTrackItems"))
             <> (0, 0, 0, 0, 0, 0, 0)`);
  }
}
