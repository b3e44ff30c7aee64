-- Two more sorts of the commitments list, each served by an index for keyset pagination:
-- by status (enumeration order) and by the lead organization's short name.

-- "Commitment"."leadOrgKey" is lower("Organization"."shortName") of the lead organization (NULL
-- without one), a derived column kept by the triggers below; the application never writes it.
ALTER TABLE "Commitment" ADD COLUMN "leadOrgKey" TEXT;

CREATE OR REPLACE FUNCTION spct_commitment_lead_org_key() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    NEW."leadOrgKey" := (SELECT lower("shortName") FROM "Organization" WHERE id = NEW."leadOrgId");
    RETURN NEW;
  END
  $$;

-- Also fires when deleting an organization sets "leadOrgId" to NULL (ON DELETE SET NULL).
CREATE TRIGGER commitment_lead_org_key
  BEFORE INSERT OR UPDATE OF "leadOrgId"
  ON "Commitment"
  FOR EACH ROW EXECUTE FUNCTION spct_commitment_lead_org_key();

CREATE OR REPLACE FUNCTION spct_organization_short_name() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    UPDATE "Commitment" SET "leadOrgKey" = lower(NEW."shortName")
      WHERE "workspaceId" = NEW."workspaceId" AND "leadOrgId" = NEW.id;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER organization_short_name
  AFTER UPDATE OF "shortName"
  ON "Organization"
  FOR EACH ROW WHEN (OLD."shortName" IS DISTINCT FROM NEW."shortName")
  EXECUTE FUNCTION spct_organization_short_name();

UPDATE "Commitment" c SET "leadOrgKey" = lower(o."shortName")
  FROM "Organization" o WHERE o.id = c."leadOrgId";

-- CreateIndex
CREATE INDEX "Commitment_workspaceId_status_id_idx" ON "Commitment"("workspaceId", "status", "id");

-- CreateIndex
CREATE INDEX "Commitment_workspaceId_leadOrgKey_id_idx" ON "Commitment"("workspaceId", "leadOrgKey", "id");
