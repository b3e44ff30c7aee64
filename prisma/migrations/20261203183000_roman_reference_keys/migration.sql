-- Roman-numbered references (C102's parts "II" … "X") sort in their natural order: an upper-case
-- part written in canonical Roman numerals from I to XXXIX is keyed by its value, like a number
-- ("IX" -> "000009", so IX sorts before X). Only I, V and X count as numerals: C, D, L and M are
-- the lettered parts of other frameworks ("11.C", "11.D"), and lower-case parts ("5.i") are
-- letters, which keep their alphabetical place.
CREATE OR REPLACE FUNCTION spct_reference_key(reference text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT string_agg(
      CASE
        WHEN part ~ '^[0-9]+$' THEN lpad(part, 6, '0')
        WHEN part <> '' AND part ~ '^X{0,3}(IX|IV|V?I{0,3})$' THEN lpad((
          (length(part) - length(ltrim(part, 'X'))) * 10
          + coalesce(array_position(ARRAY['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'],
                                    ltrim(part, 'X')), 0))::text, 6, '0')
        ELSE lower(part)
      END,
      '.' ORDER BY ordinal)
    FROM regexp_split_to_table(reference, '\.') WITH ORDINALITY AS parts(part, ordinal)
  $$;

-- The stored keys were computed by the previous rule.
UPDATE "Commitment" c
   SET "referenceKey" = lower(f.code) || ':' || spct_reference_key(c.reference)
  FROM "Framework" f
 WHERE f.id = c."frameworkId"
   AND c."referenceKey" IS DISTINCT FROM lower(f.code) || ':' || spct_reference_key(c.reference);
