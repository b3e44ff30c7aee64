-- Reporting periods as rows: a progress report references its period instead of naming it in
-- free text, and "needs an update" asks whether an item has a report for the periods due now.

-- CreateEnum
CREATE TYPE "ReportingCadence" AS ENUM ('MONTHLY', 'QUARTERLY', 'SEMIANNUAL', 'ANNUAL');

-- CreateEnum
CREATE TYPE "PeriodState" AS ENUM ('OPEN', 'CLOSED');


-- CreateTable
CREATE TABLE "ReportingCalendar" (
    "workspaceId" UUID NOT NULL,
    "cadence" "ReportingCadence" NOT NULL DEFAULT 'QUARTERLY',
    "dueDays" INTEGER NOT NULL DEFAULT 15,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportingCalendar_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateTable
CREATE TABLE "ReportingPeriod" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "state" "PeriodState" NOT NULL DEFAULT 'OPEN',
    "closedAt" TIMESTAMP(3),
    "closedById" UUID,
    "reopenedAt" TIMESTAMP(3),
    "reopenedById" UUID,
    "reopenReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportingPeriod_pkey" PRIMARY KEY ("id")
);

-- ---------------------------------------------------------------------------------------------
-- The period of a cadence that holds a date: its key ("2026-11", "2026-Q4", "2026-H2", "2026"),
-- first and last day. apps/api/src/reporting-periods/period-keys.ts parses the same keys.
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION spct_period_of(cadence "ReportingCadence", d date,
  OUT key text, OUT starts_on date, OUT ends_on date)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE cadence
        WHEN 'MONTHLY' THEN to_char(s, 'YYYY-MM')
        WHEN 'QUARTERLY' THEN to_char(s, 'YYYY-"Q"Q')
        WHEN 'SEMIANNUAL' THEN to_char(s, 'YYYY') || CASE WHEN extract(month FROM s) = 1 THEN '-H1' ELSE '-H2' END
        ELSE to_char(s, 'YYYY') END,
      s, (s + make_interval(months => m) - interval '1 day')::date
    FROM (SELECT CASE cadence WHEN 'MONTHLY' THEN 1 WHEN 'QUARTERLY' THEN 3
                 WHEN 'SEMIANNUAL' THEN 6 ELSE 12 END AS m) months
    CROSS JOIN LATERAL (
      SELECT make_date(extract(year FROM d)::int, ((extract(month FROM d)::int - 1) / m) * m + 1, 1) AS s
    ) start
  $$;

-- The keys of the periods a trackable item must have reported on at `instant`: the current period
-- (the one holding today in the workspace's time zone) and the previous one once its due date has
-- passed, unless closed. A workspace without a calendar row has the defaults of ReportingCalendar.
CREATE FUNCTION spct_due_period_keys(ws uuid, instant timestamptz) RETURNS text[]
  LANGUAGE sql STABLE
  AS $$
    WITH calendar AS (
      SELECT COALESCE(rc.cadence, 'QUARTERLY') AS cadence, COALESCE(rc."dueDays", 15) AS due_days,
        (instant AT TIME ZONE COALESCE(rc."timeZone", 'Asia/Ho_Chi_Minh'))::date AS today
      FROM (SELECT ws AS id) w LEFT JOIN "ReportingCalendar" rc ON rc."workspaceId" = w.id
    ),
    this_period AS (SELECT calendar.*, p.key, p.starts_on FROM calendar, spct_period_of(cadence, today) p),
    candidates AS (
      SELECT key FROM this_period
      UNION ALL
      SELECT previous.key FROM this_period t, spct_period_of(t.cadence, t.starts_on - 1) previous
      WHERE t.starts_on - 1 + t.due_days < t.today
    )
    SELECT COALESCE(array_agg(k.key ORDER BY k.key), '{}') FROM candidates k
    WHERE NOT EXISTS (SELECT 1 FROM "ReportingPeriod" p
                      WHERE p."workspaceId" = ws AND p.key = k.key AND p.state = 'CLOSED')
  $$;

-- CreateIndex
CREATE INDEX "ReportingPeriod_workspaceId_startsOn_idx" ON "ReportingPeriod"("workspaceId", "startsOn");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingPeriod_workspaceId_key_key" ON "ReportingPeriod"("workspaceId", "key");

-- AddForeignKey
ALTER TABLE "ReportingCalendar" ADD CONSTRAINT "ReportingCalendar_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingPeriod" ADD CONSTRAINT "ReportingPeriod_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingPeriod" ADD CONSTRAINT "ReportingPeriod_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingPeriod" ADD CONSTRAINT "ReportingPeriod_reopenedById_fkey" FOREIGN KEY ("reopenedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- ---------------------------------------------------------------------------------------------
-- Existing reports: each gets the quarterly period its free-text period names ("2026-Q3"), or,
-- when the text names none, the quarter it was written in (Viet Nam time). Where a commitment has
-- several approved reports for one period, the latest decision is the approved one of record.
-- ---------------------------------------------------------------------------------------------
ALTER TABLE "ProgressUpdate" ADD COLUMN "periodId" UUID, ADD COLUMN "approvedPeriodId" UUID;

CREATE TEMPORARY TABLE report_period AS
  SELECT u.id, u."workspaceId", p.key, p.starts_on, p.ends_on
  FROM "ProgressUpdate" u
  CROSS JOIN LATERAL spct_period_of('QUARTERLY', CASE
    WHEN u.period ~ '^\d{4}-Q[1-4]$'
      THEN make_date(left(u.period, 4)::int, (right(u.period, 1)::int - 1) * 3 + 1, 1)
    ELSE (u."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Ho_Chi_Minh')::date END) p;

INSERT INTO "ReportingPeriod" (id, "workspaceId", key, "startsOn", "endsOn", "dueOn")
SELECT gen_random_uuid(), "workspaceId", key, starts_on, ends_on, ends_on + 15
FROM (SELECT DISTINCT "workspaceId", key, starts_on, ends_on FROM report_period) periods;

UPDATE "ProgressUpdate" u SET "periodId" = p.id
FROM report_period r JOIN "ReportingPeriod" p ON p."workspaceId" = r."workspaceId" AND p.key = r.key
WHERE u.id = r.id;

UPDATE "ProgressUpdate" u SET "approvedPeriodId" = u."periodId"
FROM (SELECT DISTINCT ON ("commitmentId", "periodId") id FROM "ProgressUpdate"
      WHERE state = 'APPROVED' ORDER BY "commitmentId", "periodId", "decidedAt" DESC NULLS LAST, id DESC) latest
WHERE u.id = latest.id;

DROP TABLE report_period;

ALTER TABLE "ProgressUpdate" ALTER COLUMN "periodId" SET NOT NULL, DROP COLUMN "period";

-- CreateIndex
CREATE INDEX "ProgressUpdate_periodId_commitmentId_idx" ON "ProgressUpdate"("periodId", "commitmentId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressUpdate_commitmentId_approvedPeriodId_key" ON "ProgressUpdate"("commitmentId", "approvedPeriodId");

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- "lastReportedAt" gives way to the keys of the periods reported on.
ALTER TABLE "Commitment" DROP COLUMN "lastReportedAt",
ADD COLUMN     "reportedPeriods" TEXT[] DEFAULT ARRAY[]::TEXT[];

CREATE OR REPLACE FUNCTION spct_refresh_report_facts(ids uuid[]) RETURNS void
  LANGUAGE sql
  SET enable_seqscan = off
  AS $$
    UPDATE "Commitment" c
    SET "pendingReports" = fresh.pending, "reportedPeriods" = fresh.reported
    FROM (
      SELECT x.id, agg.pending, agg.reported
      FROM (SELECT DISTINCT unnest(ids) AS id) x
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE u.state = 'SUBMITTED')::int AS pending,
          COALESCE(array_agg(DISTINCT p.key ORDER BY p.key)
                   FILTER (WHERE u.state IN ('SUBMITTED', 'APPROVED')), '{}') AS reported
        FROM "ProgressUpdate" u JOIN "ReportingPeriod" p ON p.id = u."periodId"
        WHERE u."commitmentId" = x.id
      ) agg
    ) fresh
    WHERE c.id = fresh.id
      AND (c."pendingReports", c."reportedPeriods") IS DISTINCT FROM (fresh.pending, fresh.reported)
  $$;

SELECT spct_refresh_report_facts(ARRAY(SELECT DISTINCT "commitmentId" FROM "ProgressUpdate"));

-- The index of "needs an update" went with "lastReportedAt": the same index-only scan over one
-- workspace's open trackable items, now carrying the keys of the periods reported on.
CREATE INDEX "Commitment_trackable_open_reportedPeriods_idx" ON "Commitment" ("workspaceId")
  INCLUDE ("reportedPeriods", "frameworkId", "leadOrgId", theme, "targetGroups")
  WHERE NOT archived AND "activeChildren" = 0 AND status NOT IN ('COMPLETED', 'DISCONTINUED');
