-- An import inserts up to 10,000 commitments in a few statements. Per row, the derived-column
-- triggers cost as much as the row's twenty index entries: a PL/pgSQL call, a look-up of the
-- framework and one of the lead organization. The import now computes these columns in its
-- INSERT … SELECT (joined once with the frameworks and organizations) with the very functions
-- the triggers use, and the insert triggers skip a row that arrives with them. No other writer
-- sets them ("referenceKey" and "searchText" default to '', "leadOrgKey" to NULL), and updates
-- always recompute them.

-- "11.C.2" of framework "SDG" -> "sdg:000011.c.000002".
CREATE FUNCTION spct_commitment_reference_key(framework_code text, reference text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(coalesce(framework_code, '')) || ':' || spct_reference_key(reference) $$;

CREATE FUNCTION spct_commitment_search_text(framework_code text, reference text, title_vi text,
  title_en text, description_vi text, description_en text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT spct_search_normalize(concat_ws(' ',
      framework_code, reference, title_vi, title_en, description_vi, description_en))
  $$;

CREATE OR REPLACE FUNCTION spct_commitment_derived() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    framework_code text;
  BEGIN
    SELECT code INTO framework_code FROM "Framework" WHERE id = NEW."frameworkId";
    NEW."referenceKey" := spct_commitment_reference_key(framework_code, NEW.reference);
    NEW."searchText" := spct_commitment_search_text(framework_code, NEW.reference,
      NEW."titleVi", NEW."titleEn", NEW."descriptionVi", NEW."descriptionEn");
    RETURN NEW;
  END
  $$;

DROP TRIGGER commitment_derived ON "Commitment";
CREATE TRIGGER commitment_derived
  BEFORE UPDATE OF "frameworkId", reference, "titleVi", "titleEn", "descriptionVi", "descriptionEn"
  ON "Commitment"
  FOR EACH ROW EXECUTE FUNCTION spct_commitment_derived();
CREATE TRIGGER commitment_derived_inserted
  BEFORE INSERT ON "Commitment"
  FOR EACH ROW WHEN (NEW."referenceKey" = '' OR NEW."searchText" = '')
  EXECUTE FUNCTION spct_commitment_derived();

-- Also fires when deleting an organization sets "leadOrgId" to NULL (ON DELETE SET NULL).
DROP TRIGGER commitment_lead_org_key ON "Commitment";
CREATE TRIGGER commitment_lead_org_key
  BEFORE UPDATE OF "leadOrgId"
  ON "Commitment"
  FOR EACH ROW EXECUTE FUNCTION spct_commitment_lead_org_key();
CREATE TRIGGER commitment_lead_org_key_inserted
  BEFORE INSERT ON "Commitment"
  FOR EACH ROW WHEN (NEW."leadOrgKey" IS NULL)
  EXECUTE FUNCTION spct_commitment_lead_org_key();

-- Each inserted commitment evaluates the predicate of "Commitment_dialogue_split_idx": answer
-- the common case (fewer than two positions) before setting up the aggregate. Same results.
CREATE OR REPLACE FUNCTION spct_dialogue_split(position_keys text[]) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT cardinality(position_keys) > 1
      AND (SELECT count(DISTINCT split_part(k, ':', 2)) > 1 FROM unnest(position_keys) k)
  $$;
