-- Whether the partners' positions on an item differ, as one expression that PostgreSQL inlines
-- where it is used, rather than a sub-select run once per row: the dashboard summary asks it of
-- every row of the workspace's tally (12 of the summary's 43 ms on the large workspace). The keys
-- are "<organization id>:<position>"; an id holds no colon, so ":AGREE" is not found in
-- ":DISAGREE". Same results, for the three kinds of PositionKind (a new kind must be added here).
CREATE OR REPLACE FUNCTION spct_dialogue_split(position_keys text[]) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT cardinality(position_keys) > 1
      AND (strpos(array_to_string(position_keys, ','), ':AGREE') > 0)::int
        + (strpos(array_to_string(position_keys, ','), ':RESERVATION') > 0)::int
        + (strpos(array_to_string(position_keys, ','), ':DISAGREE') > 0)::int > 1
  $$;
