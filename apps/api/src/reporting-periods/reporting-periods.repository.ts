import { Injectable } from '@nestjs/common';
import type { ReportingCadence } from '@spct/contracts';
import { PrismaService } from '../database/prisma.service';
import { Prisma } from '../generated/prisma/client';

export type Tx = Prisma.TransactionClient;

/** A workspace's calendar; a workspace without a row has these defaults (as the SQL has). */
export interface CalendarRow {
  cadence: ReportingCadence;
  dueDays: number;
  timeZone: string;
  version: number;
}

export const DEFAULT_CALENDAR: CalendarRow = {
  cadence: 'QUARTERLY',
  dueDays: 15,
  timeZone: 'Asia/Ho_Chi_Minh',
  version: 1,
};

const periodInclude = {
  closedBy: { select: { id: true, displayName: true } },
  reopenedBy: { select: { id: true, displayName: true } },
} satisfies Prisma.ReportingPeriodInclude;

export type PeriodRow = Prisma.ReportingPeriodGetPayload<{ include: typeof periodInclude }>;

/** What a report needs of its period. */
export interface PeriodRef {
  id: string;
  key: string;
  state: 'OPEN' | 'CLOSED';
}

export interface ComplianceRow {
  organizationId: string;
  shortName: string;
  nameVi: string;
  nameEn: string;
  expected: number;
  submittedOnTime: number;
  submittedLate: number;
  approved: number;
  missing: number;
}

/** The trackable items expected to report: as "needs an update" in commitment-filters.ts. */
export const EXPECTED_ITEMS = Prisma.sql`c.archived = false AND c."activeChildren" = 0
  AND c.status NOT IN ('COMPLETED', 'DISCONTINUED') AND c."leadOrgId" IS NOT NULL`;

@Injectable()
export class ReportingPeriodsRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { maxWait: 10_000, timeout: 20_000 });
  }

  async calendar(workspaceId: string, tx: Tx = this.prisma): Promise<CalendarRow> {
    const row = await tx.reportingCalendar.findUnique({ where: { workspaceId } });
    return row ?? DEFAULT_CALENDAR;
  }

  /** The calendar's row, created with the defaults when missing, locked until the transaction ends. */
  async lockCalendar(tx: Tx, workspaceId: string): Promise<CalendarRow> {
    await tx.$executeRaw`
      INSERT INTO "ReportingCalendar" ("workspaceId", "updatedAt") VALUES (${workspaceId}::uuid, now())
      ON CONFLICT ("workspaceId") DO NOTHING`;
    const [row] = await tx.$queryRaw<CalendarRow[]>`
      SELECT cadence::text AS cadence, "dueDays", "timeZone", version FROM "ReportingCalendar"
      WHERE "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
    return row!;
  }

  updateCalendar(tx: Tx, workspaceId: string, data: Partial<CalendarRow>): Promise<CalendarRow> {
    return tx.reportingCalendar.update({
      where: { workspaceId },
      data: { ...data, version: { increment: 1 } },
    });
  }

  /** Due dates follow the calendar's delay, for every period of the workspace. */
  async moveDueDates(tx: Tx, workspaceId: string, dueDays: number): Promise<void> {
    await tx.$executeRaw`
      UPDATE "ReportingPeriod" SET "dueOn" = "endsOn" + ${dueDays}::int, version = version + 1
      WHERE "workspaceId" = ${workspaceId}::uuid AND "dueOn" <> "endsOn" + ${dueDays}::int`;
  }

  /**
   * After a change of cadence: the periods of the old cadence that have not ended and hold no
   * report go (the new cadence's are created when needed); those with reports stay.
   */
  async dropUnusedPeriodsFrom(tx: Tx, workspaceId: string, today: string): Promise<void> {
    await tx.$executeRaw`
      DELETE FROM "ReportingPeriod" p
      WHERE p."workspaceId" = ${workspaceId}::uuid AND p."endsOn" >= ${today}::date
        AND NOT EXISTS (SELECT 1 FROM "ProgressUpdate" u WHERE u."periodId" = p.id)`;
  }

  /**
   * The period of `calendar` that holds `day`, created when missing, and share-locked until the
   * transaction ends (so it cannot close under a report being written for it).
   */
  async ensurePeriod(
    tx: Tx,
    workspaceId: string,
    calendar: CalendarRow,
    day: string,
  ): Promise<PeriodRef> {
    const cadence = Prisma.sql`${calendar.cadence}::"ReportingCadence"`;
    await tx.$executeRaw`
      INSERT INTO "ReportingPeriod" (id, "workspaceId", key, "startsOn", "endsOn", "dueOn")
      SELECT gen_random_uuid(), ${workspaceId}::uuid, p.key, p.starts_on, p.ends_on,
        p.ends_on + ${calendar.dueDays}::int
      FROM spct_period_of(${cadence}, ${day}::date) p
      ON CONFLICT ("workspaceId", key) DO NOTHING`;
    const [row] = await tx.$queryRaw<PeriodRef[]>`
      SELECT r.id::text AS id, r.key, r.state::text AS state
      FROM spct_period_of(${cadence}, ${day}::date) p
      JOIN "ReportingPeriod" r ON r."workspaceId" = ${workspaceId}::uuid AND r.key = p.key
      FOR SHARE OF r`;
    return row!;
  }

  /**
   * The current period of the workspace (holding today in its time zone) and the previous one,
   * created when missing: one statement, the calendar read in SQL.
   */
  async ensureRecentPeriods(workspaceId: string, now: Date): Promise<void> {
    await this.prisma.$executeRaw`
      WITH calendar AS (
        SELECT COALESCE(rc.cadence, 'QUARTERLY') AS cadence, COALESCE(rc."dueDays", 15) AS due_days,
          (${now}::timestamptz AT TIME ZONE COALESCE(rc."timeZone", 'Asia/Ho_Chi_Minh'))::date AS today
        FROM (SELECT ${workspaceId}::uuid AS id) w
        LEFT JOIN "ReportingCalendar" rc ON rc."workspaceId" = w.id
      )
      INSERT INTO "ReportingPeriod" (id, "workspaceId", key, "startsOn", "endsOn", "dueOn")
      SELECT gen_random_uuid(), ${workspaceId}::uuid, p.key, p.starts_on, p.ends_on,
        p.ends_on + calendar.due_days
      FROM calendar
      CROSS JOIN LATERAL spct_period_of(calendar.cadence, calendar.today) this_period
      CROSS JOIN LATERAL (VALUES (this_period.starts_on), (this_period.starts_on - 1)) d(day)
      CROSS JOIN LATERAL spct_period_of(calendar.cadence, d.day) p
      ON CONFLICT ("workspaceId", key) DO NOTHING`;
  }

  /** Every period of the workspace, latest first (a few a year). */
  findAll(workspaceId: string): Promise<PeriodRow[]> {
    return this.prisma.reportingPeriod.findMany({
      where: { workspaceId },
      orderBy: [{ startsOn: 'desc' }, { key: 'asc' }],
      include: periodInclude,
    });
  }

  findOne(workspaceId: string, id: string, tx: Tx = this.prisma): Promise<PeriodRow | null> {
    return tx.reportingPeriod.findFirst({ where: { workspaceId, id }, include: periodInclude });
  }

  /** The latest-starting period of the workspace that holds `day`. */
  findHolding(workspaceId: string, day: string): Promise<PeriodRow | null> {
    return this.prisma.reportingPeriod.findFirst({
      where: {
        workspaceId,
        startsOn: { lte: new Date(`${day}T00:00:00Z`) },
        endsOn: { gte: new Date(`${day}T00:00:00Z`) },
      },
      orderBy: { startsOn: 'desc' },
      include: periodInclude,
    });
  }

  /** A period of the workspace, share-locked: it cannot close before the transaction ends. */
  async lockShared(tx: Tx, workspaceId: string, id: string): Promise<PeriodRef> {
    const [row] = await tx.$queryRaw<PeriodRef[]>`
      SELECT id::text AS id, key, state::text AS state FROM "ReportingPeriod"
      WHERE id = ${id}::uuid AND "workspaceId" = ${workspaceId}::uuid FOR SHARE`;
    return row!;
  }

  async lock(tx: Tx, workspaceId: string, id: string): Promise<PeriodRow | null> {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "ReportingPeriod"
      WHERE id = ${id}::uuid AND "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
    return locked.length ? this.findOne(workspaceId, id, tx) : null;
  }

  async setState(
    tx: Tx,
    id: string,
    data: Pick<
      Prisma.ReportingPeriodUncheckedUpdateInput,
      'state' | 'closedAt' | 'closedById' | 'reopenedAt' | 'reopenedById' | 'reopenReason'
    >,
  ): Promise<void> {
    await tx.reportingPeriod.update({
      where: { id },
      data: { ...data, version: { increment: 1 } },
    });
  }

  /**
   * Per lead organization: the trackable items expected to report, and how many have a report
   * for the period submitted by the due date (end of that day in the workspace's time zone),
   * submitted later, approved, or none submitted (a returned or draft report is not submitted).
   */
  compliance(
    workspaceId: string,
    period: { id: string; dueOn: Date },
    timeZone: string,
  ): Promise<ComplianceRow[]> {
    return this.prisma.$queryRaw<ComplianceRow[]>`
      WITH reported AS (
        SELECT u."commitmentId", min(u."submittedAt") AS first_submitted,
          bool_or(u.state = 'APPROVED') AS approved
        FROM "ProgressUpdate" u
        WHERE u."periodId" = ${period.id}::uuid AND u.state IN ('SUBMITTED', 'APPROVED')
        GROUP BY u."commitmentId"
      ),
      deadline AS (
        SELECT ((${period.dueOn}::date + 1)::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC' AS at
      )
      SELECT o.id::text AS "organizationId", o."shortName", o."nameVi", o."nameEn",
        count(*)::int AS expected,
        count(r."commitmentId") FILTER (WHERE r.first_submitted < deadline.at)::int AS "submittedOnTime",
        count(r."commitmentId") FILTER (WHERE r.first_submitted >= deadline.at)::int AS "submittedLate",
        count(*) FILTER (WHERE r.approved)::int AS approved,
        count(*) FILTER (WHERE r."commitmentId" IS NULL)::int AS missing
      FROM "Commitment" c
      JOIN "Organization" o ON o.id = c."leadOrgId"
      LEFT JOIN reported r ON r."commitmentId" = c.id
      CROSS JOIN deadline
      WHERE c."workspaceId" = ${workspaceId}::uuid AND ${EXPECTED_ITEMS}
      GROUP BY o.id, o."shortName", o."nameVi", o."nameEn"
      ORDER BY lower(o."shortName")`;
  }
}

/**
 * The ids of the periods of `cadence` starting on `starts` (first days), created when missing:
 * for bulk writers (the demo seeder) that know their periods by key.
 */
export async function ensurePeriodsStarting(
  tx: Tx,
  workspaceId: string,
  calendar: Pick<CalendarRow, 'cadence' | 'dueDays'>,
  starts: string[],
): Promise<Map<string, string>> {
  const cadence = Prisma.sql`${calendar.cadence}::"ReportingCadence"`;
  await tx.$executeRaw`
    INSERT INTO "ReportingPeriod" (id, "workspaceId", key, "startsOn", "endsOn", "dueOn")
    SELECT gen_random_uuid(), ${workspaceId}::uuid, p.key, p.starts_on, p.ends_on,
      p.ends_on + ${calendar.dueDays}::int
    FROM unnest(${starts}::date[]) s CROSS JOIN LATERAL spct_period_of(${cadence}, s) p
    ON CONFLICT ("workspaceId", key) DO NOTHING`;
  const rows = await tx.reportingPeriod.findMany({
    where: { workspaceId },
    select: { id: true, key: true },
  });
  return new Map(rows.map((row) => [row.key, row.id]));
}
