-- What the dashboard, the frameworks overview and the list's drill-down filters count, kept by the
-- database in the same transaction as every write (so no code path, seed or import can forget it).

-- AlterTable
ALTER TABLE "Commitment" ADD COLUMN     "activeChildren" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "coOrgIds" UUID[] DEFAULT ARRAY[]::UUID[],
ADD COLUMN     "lastReportedAt" TIMESTAMP(3),
ADD COLUMN     "offTrackIndicators" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pendingReports" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "positionKeys" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "CommitmentTally" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" UUID NOT NULL,
    "frameworkId" UUID NOT NULL,
    "leadOrgId" UUID,
    "theme" "Theme",
    "status" "CommitmentStatus" NOT NULL,
    "targetGroups" "TargetGroup"[],
    "coOrgIds" UUID[],
    "positionKeys" TEXT[],
    "items" INTEGER NOT NULL,
    "progressWeight" BIGINT NOT NULL,
    "weight" BIGINT NOT NULL,
    "pendingReports" INTEGER NOT NULL,
    "pendingItems" INTEGER NOT NULL,
    "offTrackIndicators" INTEGER NOT NULL,
    "offTrackItems" INTEGER NOT NULL,

    CONSTRAINT "CommitmentTally_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DashboardSnapshot" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" UUID NOT NULL,
    "periodEnd" DATE NOT NULL,
    "frameworkId" UUID NOT NULL,
    "leadOrgId" UUID,
    "theme" "Theme",
    "status" "CommitmentStatus" NOT NULL,
    "targetGroups" "TargetGroup"[],
    "items" INTEGER NOT NULL,
    "progressWeight" BIGINT NOT NULL,
    "weight" BIGINT NOT NULL,

    CONSTRAINT "DashboardSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DashboardSnapshotPeriod" (
    "workspaceId" UUID NOT NULL,
    "periodEnd" DATE NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DashboardSnapshotPeriod_pkey" PRIMARY KEY ("workspaceId","periodEnd")
);

-- CreateIndex
CREATE INDEX "CommitmentTally_workspaceId_idx" ON "CommitmentTally"("workspaceId");

-- CreateIndex
CREATE INDEX "DashboardSnapshot_workspaceId_periodEnd_idx" ON "DashboardSnapshot"("workspaceId", "periodEnd");

-- AddForeignKey
ALTER TABLE "DashboardSnapshot" ADD CONSTRAINT "DashboardSnapshot_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DashboardSnapshotPeriod" ADD CONSTRAINT "DashboardSnapshotPeriod_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------------
-- Derived columns of "Commitment", each recomputed for the commitments a statement touched.
-- ---------------------------------------------------------------------------------------------

-- A date as a fractional year; the same rule as apps/api/src/indicators/trajectory.ts.
CREATE FUNCTION spct_year_fraction(d date) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT extract(year FROM d)::double precision
      + (d - make_date(extract(year FROM d)::int, 1, 1))::double precision
      / (make_date(extract(year FROM d)::int + 1, 1, 1) - make_date(extract(year FROM d)::int, 1, 1))
  $$;

-- Whether an indicator's latest value is off the straight baseline→target line (NULL without a
-- value): trajectory.ts in SQL, in the same floating-point steps (a test compares the two).
CREATE FUNCTION spct_off_trajectory(
  direction "IndicatorDirection", baseline_value numeric, baseline_year int,
  target_value numeric, target_year int, measured_on date, value numeric
) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE WHEN measured_on IS NULL THEN NULL
      WHEN direction = 'INCREASE' THEN NOT (value::float8 >= expected - slack)
      ELSE NOT (value::float8 <= expected + slack) END
    FROM (
      SELECT baseline_value::float8 + span * share AS expected, abs(span) * 0.05 AS slack
      FROM (
        SELECT target_value::float8 - baseline_value::float8 AS span,
          CASE WHEN target_year > baseline_year
            THEN least(greatest((spct_year_fraction(measured_on) - (baseline_year + 1))
                                / ((target_year + 1) - (baseline_year + 1)), 0), 1)
            ELSE 1 END AS share
      ) line
    ) expected
  $$;

-- Whether the organizations' positions on a commitment differ ("<org>:<kind>" keys).
CREATE FUNCTION spct_dialogue_split(position_keys text[]) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT count(DISTINCT split_part(k, ':', 2)) > 1 FROM unnest(position_keys) k
  $$;

CREATE FUNCTION spct_sorted_target_groups(groups "TargetGroup"[]) RETURNS "TargetGroup"[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT COALESCE(array_agg(DISTINCT g ORDER BY g), '{}') FROM unnest(groups) g $$;

-- Each refresh recomputes a derived column for the commitments `ids` from their records, looked
-- up by "commitmentId" alone, and writes only the rows whose value changed. Sequential scans are
-- off while it runs: in a transaction that has just inserted thousands of records the planner's
-- statistics still describe the tables as they were, and a scan per commitment (or an index on
-- another column) would make a bulk insert quadratic. (`id IN (SELECT unnest(ids))` rather than
-- `id = ANY(ids)` for the same reason: against a parameter the latter compares every row with
-- the whole array.)
CREATE FUNCTION spct_refresh_co_org_ids(ids uuid[]) RETURNS void
  LANGUAGE sql
  SET enable_seqscan = off
  AS $$
    UPDATE "Commitment" c SET "coOrgIds" = fresh.ids
    FROM (
      SELECT x.id, COALESCE(agg.ids, '{}') AS ids
      FROM (SELECT DISTINCT unnest(ids) AS id) x
      CROSS JOIN LATERAL (
        SELECT array_agg(co."organizationId" ORDER BY co."organizationId") AS ids
        FROM "CommitmentCoOrganization" co WHERE co."commitmentId" = x.id
      ) agg
    ) fresh
    WHERE c.id = fresh.id AND c."coOrgIds" IS DISTINCT FROM fresh.ids
  $$;

CREATE FUNCTION spct_refresh_position_keys(ids uuid[]) RETURNS void
  LANGUAGE sql
  SET enable_seqscan = off
  AS $$
    UPDATE "Commitment" c SET "positionKeys" = fresh.keys
    FROM (
      SELECT x.id, COALESCE(agg.keys, '{}') AS keys
      FROM (SELECT DISTINCT unnest(ids) AS id) x
      CROSS JOIN LATERAL (
        SELECT array_agg(p."organizationId" || ':' || p.position ORDER BY p."organizationId") AS keys
        FROM "Position" p WHERE p."commitmentId" = x.id
      ) agg
    ) fresh
    WHERE c.id = fresh.id AND c."positionKeys" IS DISTINCT FROM fresh.keys
  $$;

CREATE FUNCTION spct_refresh_report_facts(ids uuid[]) RETURNS void
  LANGUAGE sql
  SET enable_seqscan = off
  AS $$
    UPDATE "Commitment" c
    SET "pendingReports" = fresh.pending, "lastReportedAt" = fresh.last_reported
    FROM (
      SELECT x.id, agg.pending, agg.last_reported
      FROM (SELECT DISTINCT unnest(ids) AS id) x
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE u.state = 'SUBMITTED')::int AS pending,
          max(u."submittedAt") FILTER (WHERE u.state IN ('SUBMITTED', 'APPROVED')) AS last_reported
        FROM "ProgressUpdate" u WHERE u."commitmentId" = x.id
      ) agg
    ) fresh
    WHERE c.id = fresh.id
      AND (c."pendingReports", c."lastReportedAt") IS DISTINCT FROM (fresh.pending, fresh.last_reported)
  $$;

CREATE FUNCTION spct_refresh_off_track_indicators(ids uuid[]) RETURNS void
  LANGUAGE sql
  SET enable_seqscan = off
  AS $$
    UPDATE "Commitment" c SET "offTrackIndicators" = fresh.off_track
    FROM (
      SELECT x.id, (
        SELECT count(*) FROM "Indicator" i
        CROSS JOIN LATERAL (
          SELECT m."measuredOn", m.value FROM "Measurement" m WHERE m."indicatorId" = i.id
          ORDER BY m."measuredOn" DESC, m."createdAt" DESC, m.id DESC LIMIT 1
        ) latest
        WHERE i."commitmentId" = x.id
          AND spct_off_trajectory(i.direction, i."baselineValue", i."baselineYear", i."targetValue",
                                  i."targetYear", latest."measuredOn", latest.value)
      )::int AS off_track
      FROM (SELECT DISTINCT unnest(ids) AS id) x
    ) fresh
    WHERE c.id = fresh.id AND c."offTrackIndicators" <> fresh.off_track
  $$;

-- Statement-level triggers (transition tables need one trigger per event): one recomputation per
-- statement, for the commitments it touched.
CREATE FUNCTION spct_commitment_records_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    ids uuid[];
  BEGIN
    IF TG_OP = 'INSERT' THEN
      ids := ARRAY(SELECT "commitmentId" FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN
      ids := ARRAY(SELECT "commitmentId" FROM old_rows);
    ELSE
      ids := ARRAY(SELECT "commitmentId" FROM new_rows UNION SELECT "commitmentId" FROM old_rows);
    END IF;
    CASE TG_TABLE_NAME
      WHEN 'CommitmentCoOrganization' THEN PERFORM spct_refresh_co_org_ids(ids);
      WHEN 'Position' THEN PERFORM spct_refresh_position_keys(ids);
      WHEN 'ProgressUpdate' THEN PERFORM spct_refresh_report_facts(ids);
      WHEN 'Indicator' THEN PERFORM spct_refresh_off_track_indicators(ids);
    END CASE;
    RETURN NULL;
  END
  $$;

CREATE FUNCTION spct_measurements_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    indicator_ids uuid[];
  BEGIN
    IF TG_OP = 'INSERT' THEN
      indicator_ids := ARRAY(SELECT "indicatorId" FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN
      indicator_ids := ARRAY(SELECT "indicatorId" FROM old_rows);
    ELSE
      indicator_ids := ARRAY(SELECT "indicatorId" FROM new_rows UNION SELECT "indicatorId" FROM old_rows);
    END IF;
    PERFORM spct_refresh_off_track_indicators(ARRAY(
      SELECT "commitmentId" FROM "Indicator" WHERE id IN (SELECT unnest(indicator_ids))));
    RETURN NULL;
  END
  $$;

CREATE TRIGGER co_organizations_inserted AFTER INSERT ON "CommitmentCoOrganization"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION spct_commitment_records_changed();
CREATE TRIGGER co_organizations_deleted AFTER DELETE ON "CommitmentCoOrganization"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION spct_commitment_records_changed();

CREATE TRIGGER positions_inserted AFTER INSERT ON "Position"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION spct_commitment_records_changed();
CREATE TRIGGER positions_updated AFTER UPDATE ON "Position"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION spct_commitment_records_changed();
CREATE TRIGGER positions_deleted AFTER DELETE ON "Position"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION spct_commitment_records_changed();

CREATE TRIGGER progress_updates_inserted AFTER INSERT ON "ProgressUpdate"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION spct_commitment_records_changed();
CREATE TRIGGER progress_updates_updated AFTER UPDATE ON "ProgressUpdate"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION spct_commitment_records_changed();
CREATE TRIGGER progress_updates_deleted AFTER DELETE ON "ProgressUpdate"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION spct_commitment_records_changed();

CREATE TRIGGER indicators_inserted AFTER INSERT ON "Indicator"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION spct_commitment_records_changed();
CREATE TRIGGER indicators_updated AFTER UPDATE ON "Indicator"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION spct_commitment_records_changed();
CREATE TRIGGER indicators_deleted AFTER DELETE ON "Indicator"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION spct_commitment_records_changed();

CREATE TRIGGER measurements_inserted AFTER INSERT ON "Measurement"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION spct_measurements_changed();
CREATE TRIGGER measurements_updated AFTER UPDATE ON "Measurement"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION spct_measurements_changed();
CREATE TRIGGER measurements_deleted AFTER DELETE ON "Measurement"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION spct_measurements_changed();

-- ---------------------------------------------------------------------------------------------
-- "Commitment" itself: the parents' count of active children, and the tally.
-- ---------------------------------------------------------------------------------------------

-- The tally's rows are signed deltas: a statement appends, per combination of dimensions, what
-- it added (new trackable rows) minus what it removed (old trackable rows). Appending never
-- waits on another transaction's row lock, so concurrent writers neither queue nor deadlock on
-- shared counters; the dashboard compacts a workspace's rows when they pile up.
CREATE FUNCTION spct_commitment_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    -- Only the columns the counts look at (a row also holds long texts).
    columns text := '"workspaceId", "frameworkId", "parentId", "leadOrgId", theme, status, progress,
      weight, archived, "activeChildren", "targetGroups", "coOrgIds", "positionKeys",
      "pendingReports", "offTrackIndicators"';
    changed text := CASE TG_OP
      WHEN 'INSERT' THEN format('SELECT 1 AS sign, %s FROM new_rows', columns)
      WHEN 'DELETE' THEN format('SELECT -1 AS sign, %s FROM old_rows', columns)
      ELSE format('SELECT 1 AS sign, %1$s FROM new_rows UNION ALL SELECT -1, %1$s FROM old_rows',
                  columns) END;
    parent_ids uuid[];
    deltas int[];
  BEGIN
    -- A commitment is a child that counts while it is not archived. (A statement trigger fires
    -- even for a statement that changed no row: only update parents when some count moved.)
    EXECUTE format($sql$
      WITH changed AS (%s),
      moves AS (
        SELECT "parentId" AS id, sum(sign)::int AS delta FROM changed
        WHERE "parentId" IS NOT NULL AND NOT archived
        GROUP BY "parentId" HAVING sum(sign) <> 0
      )
      SELECT array_agg(id ORDER BY id), array_agg(delta ORDER BY id) FROM moves
    $sql$, changed) INTO parent_ids, deltas;
    IF parent_ids IS NOT NULL THEN
      UPDATE "Commitment" c SET "activeChildren" = c."activeChildren" + m.delta
      FROM unnest(parent_ids, deltas) AS m(id, delta) WHERE c.id = m.id;
    END IF;

    -- The rows of a workspace being deleted leave nothing behind (see the Workspace trigger).
    EXECUTE format($sql$
      WITH changed AS (%s),
      delta AS (
        SELECT "workspaceId", "frameworkId", "leadOrgId", theme, status,
          spct_sorted_target_groups("targetGroups") AS "targetGroups",
          COALESCE("coOrgIds", '{}') AS "coOrgIds", COALESCE("positionKeys", '{}') AS "positionKeys",
          sum(sign)::int AS items, sum(sign * progress * weight)::bigint AS "progressWeight",
          sum(sign * weight)::bigint AS weight, sum(sign * "pendingReports")::int AS "pendingReports",
          COALESCE(sum(sign) FILTER (WHERE "pendingReports" > 0), 0)::int AS "pendingItems",
          sum(sign * "offTrackIndicators")::int AS "offTrackIndicators",
          COALESCE(sum(sign) FILTER (WHERE "offTrackIndicators" > 0), 0)::int AS "offTrackItems"
        FROM changed
        WHERE NOT archived AND "activeChildren" = 0
          AND EXISTS (SELECT 1 FROM "Workspace" w WHERE w.id = changed."workspaceId")
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
      )
      INSERT INTO "CommitmentTally" ("workspaceId", "frameworkId", "leadOrgId", theme, status,
        "targetGroups", "coOrgIds", "positionKeys", items, "progressWeight", weight,
        "pendingReports", "pendingItems", "offTrackIndicators", "offTrackItems")
      SELECT * FROM delta
      WHERE (items, "progressWeight", weight, "pendingReports", "pendingItems",
             "offTrackIndicators", "offTrackItems") <> (0, 0, 0, 0, 0, 0, 0)
    $sql$, changed);
    RETURN NULL;
  END
  $$;

CREATE TRIGGER commitments_inserted AFTER INSERT ON "Commitment"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION spct_commitment_changed();
CREATE TRIGGER commitments_updated AFTER UPDATE ON "Commitment"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION spct_commitment_changed();
CREATE TRIGGER commitments_deleted AFTER DELETE ON "Commitment"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION spct_commitment_changed();

CREATE FUNCTION spct_workspace_deleted() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    DELETE FROM "CommitmentTally" WHERE "workspaceId" IN (SELECT id FROM old_rows);
    RETURN NULL;
  END
  $$;

CREATE TRIGGER workspaces_deleted AFTER DELETE ON "Workspace"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION spct_workspace_deleted();

-- ---------------------------------------------------------------------------------------------
-- The existing rows.
-- ---------------------------------------------------------------------------------------------
ALTER TABLE "Commitment" DISABLE TRIGGER commitments_updated;

UPDATE "Commitment" c SET "activeChildren" = k.n
FROM (SELECT "parentId" AS id, count(*)::int AS n FROM "Commitment"
      WHERE "parentId" IS NOT NULL AND NOT archived GROUP BY "parentId") k
WHERE c.id = k.id;

SELECT spct_refresh_co_org_ids(ARRAY(SELECT DISTINCT "commitmentId" FROM "CommitmentCoOrganization"));
SELECT spct_refresh_position_keys(ARRAY(SELECT DISTINCT "commitmentId" FROM "Position"));
SELECT spct_refresh_report_facts(ARRAY(SELECT DISTINCT "commitmentId" FROM "ProgressUpdate"));
SELECT spct_refresh_off_track_indicators(ARRAY(SELECT DISTINCT "commitmentId" FROM "Indicator"));

ALTER TABLE "Commitment" ENABLE TRIGGER commitments_updated;

INSERT INTO "CommitmentTally" ("workspaceId", "frameworkId", "leadOrgId", theme, status,
  "targetGroups", "coOrgIds", "positionKeys", items, "progressWeight", weight,
  "pendingReports", "pendingItems", "offTrackIndicators", "offTrackItems")
SELECT "workspaceId", "frameworkId", "leadOrgId", theme, status,
  spct_sorted_target_groups("targetGroups"), "coOrgIds", "positionKeys",
  count(*), sum(progress * weight), sum(weight), sum("pendingReports"),
  count(*) FILTER (WHERE "pendingReports" > 0), sum("offTrackIndicators"),
  count(*) FILTER (WHERE "offTrackIndicators" > 0)
FROM "Commitment"
WHERE NOT archived AND "activeChildren" = 0
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

-- ---------------------------------------------------------------------------------------------
-- Indexes for the dashboard's attention counts and the list's drill-down filters (index-only
-- scans over one workspace's trackable items; Prisma's schema cannot express partial indexes).
-- ---------------------------------------------------------------------------------------------
CREATE INDEX "Commitment_trackable_open_targetDate_idx" ON "Commitment" ("workspaceId", "targetDate")
  INCLUDE ("frameworkId", "leadOrgId", theme, "targetGroups")
  WHERE NOT archived AND "activeChildren" = 0 AND status NOT IN ('COMPLETED', 'DISCONTINUED');
CREATE INDEX "Commitment_trackable_open_lastReportedAt_idx" ON "Commitment" ("workspaceId", "lastReportedAt")
  INCLUDE ("frameworkId", "leadOrgId", theme, "targetGroups")
  WHERE NOT archived AND "activeChildren" = 0 AND status NOT IN ('COMPLETED', 'DISCONTINUED');
CREATE INDEX "Commitment_dialogue_split_idx" ON "Commitment" ("workspaceId", "referenceKey", id)
  WHERE NOT archived AND spct_dialogue_split("positionKeys");
CREATE INDEX "Commitment_pending_idx" ON "Commitment" ("workspaceId", "referenceKey", id)
  WHERE NOT archived AND "pendingReports" > 0;
CREATE INDEX "Commitment_off_track_indicators_idx" ON "Commitment" ("workspaceId", "referenceKey", id)
  WHERE NOT archived AND "offTrackIndicators" > 0;
CREATE INDEX "Commitment_parents_idx" ON "Commitment" ("workspaceId", "referenceKey", id)
  WHERE NOT archived AND "activeChildren" > 0;

-- CreateIndex
CREATE INDEX "Commitment_coOrgIds_idx" ON "Commitment" USING GIN ("coOrgIds");
