-- The dashboard's "needs an update" count read every open trackable item of the workspace (65,000
-- in the large one) to compare its reported periods with those due. It now counts the other
-- side, the items up to date, through this index, and subtracts them from the open items the
-- tally counts. Period keys ("2026-Q4") are the same in every workspace, so the index holds them
-- prefixed with the workspace: its entries for a quarter are one workspace's, not all of them.
CREATE FUNCTION spct_workspace_keys(ws uuid, keys text[]) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT COALESCE(array_agg(ws::text || ':' || k), '{}') FROM unnest(keys) k $$;

CREATE INDEX "Commitment_open_reported_keys_idx" ON "Commitment"
  USING gin (spct_workspace_keys("workspaceId", "reportedPeriods"))
  WHERE NOT archived AND "activeChildren" = 0 AND status NOT IN ('COMPLETED', 'DISCONTINUED')
    AND "leadOrgId" IS NOT NULL;
