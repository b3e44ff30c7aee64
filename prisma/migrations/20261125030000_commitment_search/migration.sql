-- Accent-insensitive search and natural reference ordering for commitments.
-- "Commitment"."searchText" and "Commitment"."referenceKey" are derived columns kept by the
-- trigger below; the application never writes them.

-- Lower-cased, accent-free, NFC-normalised text: "Sàn an sinh xã hội" -> "san an sinh xa hoi".
-- unaccent() is only STABLE (it reads a dictionary); naming the dictionary makes this wrapper
-- safe to declare IMMUTABLE so that it can be used in indexes.
CREATE OR REPLACE FUNCTION spct_search_normalize(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, normalize(input, NFC))) $$;

-- "11.C.2" -> "000011.c.000002", so that 11.C.10 sorts after 11.C.2.
CREATE OR REPLACE FUNCTION spct_reference_key(reference text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT string_agg(
      CASE WHEN part ~ '^[0-9]+$' THEN lpad(part, 6, '0') ELSE lower(part) END,
      '.' ORDER BY ordinal)
    FROM regexp_split_to_table(reference, '\.') WITH ORDINALITY AS parts(part, ordinal)
  $$;

CREATE OR REPLACE FUNCTION spct_commitment_derived() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    framework_code text;
  BEGIN
    SELECT code INTO framework_code FROM "Framework" WHERE id = NEW."frameworkId";
    NEW."referenceKey" := lower(coalesce(framework_code, '')) || ':' || spct_reference_key(NEW.reference);
    NEW."searchText" := spct_search_normalize(concat_ws(' ',
      framework_code, NEW.reference, NEW."titleVi", NEW."titleEn", NEW."descriptionVi", NEW."descriptionEn"));
    RETURN NEW;
  END
  $$;

CREATE TRIGGER commitment_derived
  BEFORE INSERT OR UPDATE OF "frameworkId", reference, "titleVi", "titleEn", "descriptionVi", "descriptionEn"
  ON "Commitment"
  FOR EACH ROW EXECUTE FUNCTION spct_commitment_derived();
