-- Whether the partners' positions on an item differ, without a sub-select run once per row: the
-- dashboard summary asks it of every row of the workspace's tally. The keys are
-- "<organization id>:<position>" (an id holds no colon): once every ":<first key's position>,"
-- is removed from the keys joined by commas, a colon is left only if some position differs.
-- Same results. (array_to_string is only STABLE, so PostgreSQL does not inline this IMMUTABLE
-- function; the summary writes the expression itself, DIALOGUE_SPLIT_INLINE.)
CREATE OR REPLACE FUNCTION spct_dialogue_split(position_keys text[]) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT cardinality(position_keys) > 1
      AND strpos(replace(array_to_string(position_keys, ',') || ',',
                         ':' || split_part(position_keys[1], ':', 2) || ',', ''), ':') > 0
  $$;
