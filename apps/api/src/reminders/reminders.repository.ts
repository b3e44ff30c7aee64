import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { EXPECTED_ITEMS } from '../reporting-periods/reporting-periods.repository';

/** A report's managers are told once it is this many days overdue. */
export const MANAGERS_AFTER_DAYS = 14;

@Injectable()
export class RemindersRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * The reminders due at `now`, over every workspace at once, each workspace's "today" taken in
   * its calendar's time zone; answers how many inbox entries were written. In one transaction:
   * the current and previous periods are created when missing (reminders start before anyone
   * reports), then the reminders due are recorded, and entries written for the new ones only.
   */
  sweep(now: Date): Promise<number> {
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`
          WITH calendar AS (
            SELECT w.id AS workspace_id, COALESCE(rc.cadence, 'QUARTERLY') AS cadence,
              COALESCE(rc."dueDays", 15) AS due_days,
              (${now}::timestamptz AT TIME ZONE COALESCE(rc."timeZone", 'Asia/Ho_Chi_Minh'))::date AS today
            FROM "Workspace" w LEFT JOIN "ReportingCalendar" rc ON rc."workspaceId" = w.id
          )
          INSERT INTO "ReportingPeriod" (id, "workspaceId", key, "startsOn", "endsOn", "dueOn")
          SELECT gen_random_uuid(), calendar.workspace_id, p.key, p.starts_on, p.ends_on,
            p.ends_on + calendar.due_days
          FROM calendar
          CROSS JOIN LATERAL spct_period_of(calendar.cadence, calendar.today) this_period
          CROSS JOIN LATERAL (VALUES (this_period.starts_on), (this_period.starts_on - 1)) d(day)
          CROSS JOIN LATERAL spct_period_of(calendar.cadence, d.day) p
          ON CONFLICT ("workspaceId", key) DO NOTHING`;
        // Only the current and the previous period (or an older one not yet due) are reminded
        // of, as only they make an item "need an update" (commitment-filters.ts): a report long
        // past is left to the compliance page, not repeated weekly for ever.
        // The step of a missing report is its week relative to the due date: -7 from a week
        // before, 0 on the due date, then 7, 14, … Each (period, item, person, kind, step) is
        // recorded once: a concurrent sweep's insert waits on the key and then skips it. Rows are
        // inserted in key order so that two sweeps wait on each other without a deadlock.
        return tx.$executeRaw`
          WITH local AS (
            SELECT w.id AS workspace_id, d.today, previous.starts_on AS recent_from
            FROM "Workspace" w LEFT JOIN "ReportingCalendar" rc ON rc."workspaceId" = w.id
            CROSS JOIN LATERAL (SELECT
              (${now}::timestamptz AT TIME ZONE COALESCE(rc."timeZone", 'Asia/Ho_Chi_Minh'))::date AS today) d
            CROSS JOIN LATERAL spct_period_of(COALESCE(rc.cadence, 'QUARTERLY'), d.today) this_period
            CROSS JOIN LATERAL spct_period_of(COALESCE(rc.cadence, 'QUARTERLY'), this_period.starts_on - 1) previous
          ),
          missing AS (
            SELECT p.id AS period_id, c.id AS commitment_id, c."workspaceId" AS workspace_id,
              c."leadOrgId" AS lead_org_id, c."focalUserId" AS focal_user_id,
              7 * floor((l.today - p."dueOn") / 7.0)::int AS stage
            FROM local l
            JOIN "ReportingPeriod" p ON p."workspaceId" = l.workspace_id
              AND p.state = 'OPEN' AND l.today >= p."dueOn" - 7
              AND (p."startsOn" >= l.recent_from OR p."dueOn" >= l.today)
            JOIN "Commitment" c ON c."workspaceId" = l.workspace_id AND ${EXPECTED_ITEMS}
            WHERE NOT EXISTS (
              SELECT 1 FROM "ProgressUpdate" u
              WHERE u."periodId" = p.id AND u."commitmentId" = c.id
                AND u.state IN ('SUBMITTED', 'APPROVED'))
          ),
          due AS (
            SELECT mi.period_id, mi.commitment_id, m."userId" AS user_id,
              'REPORT_REMINDER'::"NotificationKind" AS kind, mi.stage, mi.workspace_id
            FROM missing mi
            JOIN "Membership" m ON m."workspaceId" = mi.workspace_id AND m.active
            JOIN "User" u ON u.id = m."userId" AND u.active
            WHERE m."userId" = mi.focal_user_id
              OR (m.role = 'EDITOR' AND m."organizationId" = mi.lead_org_id)
            UNION ALL
            SELECT mi.period_id, mi.commitment_id, m."userId", 'REPORT_OVERDUE'::"NotificationKind",
              ${MANAGERS_AFTER_DAYS}::int, mi.workspace_id
            FROM missing mi
            JOIN "Membership" m ON m."workspaceId" = mi.workspace_id AND m.active
            JOIN "User" u ON u.id = m."userId" AND u.active
            WHERE m.role = 'MANAGER' AND mi.stage >= ${MANAGERS_AFTER_DAYS}::int
          ),
          sent AS (
            INSERT INTO "ReportReminder" ("periodId", "commitmentId", "userId", kind, stage, "workspaceId")
            SELECT period_id, commitment_id, user_id, kind, stage, workspace_id FROM due
            ORDER BY period_id, commitment_id, user_id, kind, stage
            ON CONFLICT DO NOTHING
            RETURNING "periodId", "commitmentId", "userId", kind, stage, "workspaceId"
          )
          INSERT INTO "Notification" (id, "workspaceId", "userId", kind, "commitmentId", data)
          SELECT gen_random_uuid(), s."workspaceId", s."userId", s.kind, s."commitmentId",
            jsonb_build_object('periodId', p.id, 'period', p.key,
              'dueOn', to_char(p."dueOn", 'YYYY-MM-DD'),
              'daysOverdue', l.today - p."dueOn")
          FROM sent s
          JOIN "ReportingPeriod" p ON p.id = s."periodId"
          JOIN local l ON l.workspace_id = s."workspaceId"`;
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  }
}
