-- Triggers that work on Citus as on one server (issue 24; docs/scaling.md). On Citus a trigger
-- fires on a shard of its table, on a worker, where a statement naming a distributed table (the
-- rollup it keeps) would be a distributed query of its own, which a query on a shard may not start
-- (and whose planner cannot see the statement's transition tables). So each rollup trigger names
-- its rollup in its first argument and writes the table civgrid_rollup_table gives: the rollup
-- itself on one server, the rollup's shard co-located with the shard the trigger fired on under
-- Citus. Found anew at each firing from Citus's own catalogue, it holds after a shard is moved or
-- split (a trigger fixed to a shard's name would not). A shard of problems holds the same cities
-- as the co-located shard of each rollup, so a trigger never reaches another node.
--
-- Tile data versions no longer come from one sequence (one per node on Citus, so numbers could
-- repeat): each (city, layer) counts on from the greater of its last number + 1 and the clock in
-- milliseconds, so a number is never given twice, even after the row is deleted and made again.
CREATE FUNCTION civgrid_rollup_table(rollup text, fired_on text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
  -- Citus names a shard <table>_<shard id>; none of CivGrid's tables ends in digits.
  shard bigint := substring(fired_on FROM '_([0-9]+)$')::bigint;
  found text;
BEGIN
  IF shard IS NULL OR to_regclass('pg_catalog.pg_dist_shard') IS NULL THEN
    RETURN rollup;
  END IF;
  -- Co-located shards cover the same range of the distribution column's hash.
  EXECUTE $q$SELECT format('%s_%s', $1, r.shardid) FROM pg_catalog.pg_dist_shard s
      JOIN pg_catalog.pg_dist_shard r ON r.logicalrelid = $1::regclass AND r.shardminvalue = s.shardminvalue
    WHERE s.shardid = $2$q$ INTO found USING rollup, shard;
  RETURN coalesce(found, rollup);
END;
$$;--> statement-breakpoint
DROP FUNCTION IF EXISTS civgrid_tile_versions_bump(integer[], text[]);--> statement-breakpoint
CREATE OR REPLACE FUNCTION civgrid_tile_versions_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target text := civgrid_rollup_table(TG_ARGV[0], TG_TABLE_NAME);
  layers text[] := TG_ARGV[1:];
  touched integer[];
  -- Read here and passed as a value: Citus refuses clock_timestamp() in a statement over shards.
  now_ms bigint := (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    EXECUTE format($q$UPDATE %s SET version = greatest(version + 1, $2) WHERE layer = ANY ($1)$q$,
      target) USING layers, now_ms;
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT city_id) INTO touched FROM tile_new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT city_id) INTO touched FROM tile_old_rows;
  ELSE
    SELECT array_agg(city_id) INTO touched
    FROM (SELECT city_id FROM tile_new_rows UNION SELECT city_id FROM tile_old_rows) c;
  END IF;
  -- In key order, so that two writers lock the same version rows in one order.
  EXECUTE format($q$INSERT INTO %s AS t (city_id, layer, version)
      SELECT c.city_id, l.layer, $3
      FROM unnest($1) c(city_id) CROSS JOIN unnest($2) l(layer) ORDER BY 1, 2
      ON CONFLICT (city_id, layer) DO UPDATE SET version = greatest(t.version + 1, excluded.version)$q$,
    target) USING touched, layers, now_ms;
  RETURN NULL;
END;
$$;--> statement-breakpoint
DROP SEQUENCE IF EXISTS tile_version_seq;--> statement-breakpoint
-- The hexagon rollup (0014): problems and points lost per cell, China day and status.
CREATE OR REPLACE FUNCTION civgrid_problem_cell_days_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target text := civgrid_rollup_table(TG_ARGV[0], TG_TABLE_NAME);
BEGIN
  EXECUTE format($q$INSERT INTO %s AS t (city_id, cell_size, cell, day, status, problems, points_lost)
    SELECT n.city_id, c.size, c.cell, civgrid_china_day(n.reported_at), n.status, count(*),
      sum(n.deduction)
    FROM new_rows n
      CROSS JOIN LATERAL (VALUES (4000, n.hex_4k), (16000, n.hex_16k)) c(size, cell)
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 4, 5, 3
    ON CONFLICT (city_id, cell_size, day, status, cell) DO UPDATE
      SET problems = t.problems + excluded.problems, points_lost = t.points_lost + excluded.points_lost$q$,
    target);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION civgrid_problem_cell_days_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target text := civgrid_rollup_table(TG_ARGV[0], TG_TABLE_NAME);
  moved integer[];
BEGIN
  SELECT array_agg(o.id) INTO moved FROM old_rows o JOIN new_rows n ON n.city_id = o.city_id AND n.id = o.id
  WHERE (o.hex_4k, o.hex_16k, o.reported_at, o.status, o.deduction)
    IS DISTINCT FROM (n.hex_4k, n.hex_16k, n.reported_at, n.status, n.deduction);
  IF moved IS NULL THEN
    RETURN NULL;
  END IF;
  EXECUTE format($q$INSERT INTO %s AS t (city_id, cell_size, cell, day, status, problems, points_lost)
    SELECT r.city_id, c.size, c.cell, civgrid_china_day(r.reported_at), r.status, sum(r.sign),
      sum(r.sign * r.deduction)
    FROM (
      SELECT -1 AS sign, o.city_id, o.hex_4k, o.hex_16k, o.reported_at, o.status, o.deduction
      FROM old_rows o JOIN unnest($1) m(id) ON m.id = o.id
      UNION ALL
      SELECT 1, n.city_id, n.hex_4k, n.hex_16k, n.reported_at, n.status, n.deduction
      FROM new_rows n JOIN unnest($1) m(id) ON m.id = n.id
    ) r CROSS JOIN LATERAL (VALUES (4000, r.hex_4k), (16000, r.hex_16k)) c(size, cell)
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(r.sign) <> 0 OR sum(r.sign * r.deduction) <> 0
    ORDER BY 1, 2, 4, 5, 3
    ON CONFLICT (city_id, cell_size, day, status, cell) DO UPDATE
      SET problems = t.problems + excluded.problems, points_lost = t.points_lost + excluded.points_lost$q$,
    target) USING moved;
  -- Only the rows the moved problems left can have dropped to zero.
  EXECUTE format($q$DELETE FROM %s t USING (SELECT DISTINCT o.city_id, c.size, c.cell,
        civgrid_china_day(o.reported_at) AS day, o.status
      FROM old_rows o JOIN unnest($1) m(id) ON m.id = o.id
        CROSS JOIN LATERAL (VALUES (4000, o.hex_4k), (16000, o.hex_16k)) c(size, cell)) g
    WHERE (t.city_id, t.cell_size, t.day, t.status, t.cell) = (g.city_id, g.size, g.day, g.status, g.cell)
      AND t.problems <= 0$q$, target) USING moved;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION civgrid_problem_cell_days_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target text := civgrid_rollup_table(TG_ARGV[0], TG_TABLE_NAME);
BEGIN
  EXECUTE format($q$WITH gone AS (
      SELECT o.city_id, c.size AS cell_size, c.cell, civgrid_china_day(o.reported_at) AS day,
        o.status, count(*) AS problems, sum(o.deduction) AS points_lost
      FROM old_rows o
        CROSS JOIN LATERAL (VALUES (4000, o.hex_4k), (16000, o.hex_16k)) c(size, cell)
      GROUP BY 1, 2, 3, 4, 5)
    UPDATE %s t
      SET problems = t.problems - g.problems, points_lost = t.points_lost - g.points_lost
      FROM gone g
      WHERE (t.city_id, t.cell_size, t.day, t.status, t.cell)
        = (g.city_id, g.cell_size, g.day, g.status, g.cell)$q$, target);
  EXECUTE format($q$DELETE FROM %s t USING (SELECT DISTINCT o.city_id, c.size, c.cell,
        civgrid_china_day(o.reported_at) AS day, o.status
      FROM old_rows o CROSS JOIN LATERAL (VALUES (4000, o.hex_4k), (16000, o.hex_16k)) c(size, cell)) g
    WHERE (t.city_id, t.cell_size, t.day, t.status, t.cell) = (g.city_id, g.size, g.day, g.status, g.cell)
      AND t.problems <= 0$q$, target);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION civgrid_problem_cell_days_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target text := civgrid_rollup_table(TG_ARGV[0], TG_TABLE_NAME);
BEGIN
  EXECUTE format('DELETE FROM %s', target);
  RETURN NULL;
END;
$$;--> statement-breakpoint
-- The problem lists' counts (0037): per city, status, source and deadline day.
DROP FUNCTION civgrid_problem_list_counts_apply(jsonb);--> statement-breakpoint
CREATE FUNCTION civgrid_problem_list_counts_apply(target text, changes jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($q$WITH c AS (
      SELECT (x->>'city_id')::int AS city_id, x->>'status' AS status, x->>'source' AS source,
        (x->>'day')::date AS day, (x->>'n')::int AS n
      FROM jsonb_array_elements($1) x)
    INSERT INTO %s AS t (city_id, status, source, deadline_day, problems)
    SELECT city_id, status, source, day, sum(n) FROM c
    GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (city_id, status, source, deadline_day) DO UPDATE
      SET problems = t.problems + excluded.problems$q$, target) USING changes;
  EXECUTE format($q$DELETE FROM %s t USING (
      SELECT DISTINCT (x->>'city_id')::int AS city_id, x->>'status' AS status, x->>'source' AS source,
        (x->>'day')::date AS day FROM jsonb_array_elements($1) x) g
    WHERE (t.city_id, t.status, t.source, t.deadline_day) = (g.city_id, g.status, g.source, g.day)
      AND t.problems <= 0$q$, target) USING changes;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION civgrid_problem_list_counts_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target text := civgrid_rollup_table(TG_ARGV[0], TG_TABLE_NAME);
BEGIN
  EXECUTE format($q$INSERT INTO %s AS t (city_id, status, source, deadline_day, problems)
    SELECT n.city_id, n.status, n.source, civgrid_deadline_day(n.deadline), count(*)
    FROM new_rows n GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (city_id, status, source, deadline_day) DO UPDATE
      SET problems = t.problems + excluded.problems$q$, target);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION civgrid_problem_list_counts_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target text := civgrid_rollup_table(TG_ARGV[0], TG_TABLE_NAME);
BEGIN
  PERFORM civgrid_problem_list_counts_apply(target, coalesce((
    SELECT jsonb_agg(g) FROM (
      SELECT r.city_id, r.status, r.source, civgrid_deadline_day(r.deadline) AS day, sum(r.sign) AS n
      FROM (
        SELECT -1 AS sign, o.city_id, o.status, o.source, o.deadline
          FROM old_rows o JOIN new_rows n ON n.city_id = o.city_id AND n.id = o.id
          WHERE (o.status, o.source, o.deadline) IS DISTINCT FROM (n.status, n.source, n.deadline)
        UNION ALL
        SELECT 1, n.city_id, n.status, n.source, n.deadline
          FROM old_rows o JOIN new_rows n ON n.city_id = o.city_id AND n.id = o.id
          WHERE (o.status, o.source, o.deadline) IS DISTINCT FROM (n.status, n.source, n.deadline)) r
      GROUP BY 1, 2, 3, 4 HAVING sum(r.sign) <> 0) g), '[]'));
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION civgrid_problem_list_counts_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target text := civgrid_rollup_table(TG_ARGV[0], TG_TABLE_NAME);
BEGIN
  PERFORM civgrid_problem_list_counts_apply(target, coalesce((
    SELECT jsonb_agg(g) FROM (
      SELECT o.city_id, o.status, o.source, civgrid_deadline_day(o.deadline) AS day, -count(*) AS n
      FROM old_rows o GROUP BY 1, 2, 3, 4) g), '[]'));
  RETURN NULL;
END;
$$;--> statement-breakpoint
-- The low-zoom tile cells (0038).
DROP FUNCTION civgrid_problem_tile_cells_apply(jsonb);--> statement-breakpoint
CREATE FUNCTION civgrid_problem_tile_cells_apply(target text, changes jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($q$WITH c AS (
      SELECT (x->>'city_id')::int AS city_id, (x->>'lon')::float8 AS lon, (x->>'lat')::float8 AS lat,
        x->>'status' AS status, (x->>'deadline')::timestamptz AS deadline, (x->>'sign')::int AS sign
      FROM jsonb_array_elements($1) x)
    INSERT INTO %s AS t (city_id, zoom, "column", "row", open, due, problems)
    SELECT c.city_id, z.zoom, civgrid_tile_column(c.lon, z.zoom), civgrid_tile_row(c.lat, z.zoom),
      c.status NOT IN ('closed', 'ledger'), civgrid_tile_due(c.status, c.deadline), sum(c.sign)
    FROM c CROSS JOIN (VALUES (10), (11), (12)) z(zoom)
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(c.sign) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (city_id, zoom, "column", "row", open, due) DO UPDATE
      SET problems = t.problems + excluded.problems$q$, target) USING changes;
  EXECUTE format($q$DELETE FROM %s t
    WHERE t.problems = 0
      AND t.city_id IN (SELECT DISTINCT (x->>'city_id')::int FROM jsonb_array_elements($1) x)$q$, target)
    USING changes;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION civgrid_problem_tile_cells_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target text := civgrid_rollup_table(TG_ARGV[0], TG_TABLE_NAME);
BEGIN
  EXECUTE format($q$INSERT INTO %s AS t (city_id, zoom, "column", "row", open, due, problems)
    SELECT n.city_id, z.zoom, civgrid_tile_column(ST_X(n.location), z.zoom),
      civgrid_tile_row(ST_Y(n.location), z.zoom), n.status NOT IN ('closed', 'ledger'),
      civgrid_tile_due(n.status, n.deadline), count(*)
    FROM new_rows n CROSS JOIN (VALUES (10), (11), (12)) z(zoom)
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (city_id, zoom, "column", "row", open, due) DO UPDATE
      SET problems = t.problems + excluded.problems$q$, target);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION civgrid_problem_tile_cells_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target text := civgrid_rollup_table(TG_ARGV[0], TG_TABLE_NAME);
BEGIN
  PERFORM civgrid_problem_tile_cells_apply(target, coalesce((
    SELECT jsonb_agg(g) FROM (
      SELECT r.city_id, ST_X(r.location) AS lon, ST_Y(r.location) AS lat, r.status, r.deadline, r.sign
      FROM (
        SELECT -1 AS sign, o.city_id, o.location, o.status, o.deadline
          FROM old_rows o JOIN new_rows n ON n.city_id = o.city_id AND n.id = o.id
          WHERE (o.status, o.deadline, ST_X(o.location), ST_Y(o.location))
            IS DISTINCT FROM (n.status, n.deadline, ST_X(n.location), ST_Y(n.location))
        UNION ALL
        SELECT 1, n.city_id, n.location, n.status, n.deadline
          FROM old_rows o JOIN new_rows n ON n.city_id = o.city_id AND n.id = o.id
          WHERE (o.status, o.deadline, ST_X(o.location), ST_Y(o.location))
            IS DISTINCT FROM (n.status, n.deadline, ST_X(n.location), ST_Y(n.location))) r) g), '[]'));
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION civgrid_problem_tile_cells_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target text := civgrid_rollup_table(TG_ARGV[0], TG_TABLE_NAME);
BEGIN
  PERFORM civgrid_problem_tile_cells_apply(target, coalesce((
    SELECT jsonb_agg(g) FROM (
      SELECT o.city_id, ST_X(o.location) AS lon, ST_Y(o.location) AS lat, o.status, o.deadline,
        -1 AS sign
      FROM old_rows o) g), '[]'));
  RETURN NULL;
END;
$$;--> statement-breakpoint
-- Every trigger of these functions again, naming the table it writes first: the function's name
-- says which (civgrid_<table>_<step>).
DO $$
DECLARE
  t record;
  target text;
BEGIN
  FOR t IN
    SELECT tg.tgname, tg.tgrelid::regclass::text AS tbl, p.proname, pg_get_triggerdef(tg.oid) AS def
    FROM pg_trigger tg JOIN pg_proc p ON p.oid = tg.tgfoid
    WHERE NOT tg.tgisinternal AND p.pronamespace = 'public'::regnamespace
      AND p.proname ~ '^civgrid_(tile_versions|problem_cell_days|problem_list_counts|problem_tile_cells)_'
    ORDER BY 2, 1
  LOOP
    target := substring(t.proname FROM '^civgrid_(tile_versions|problem_cell_days|problem_list_counts|problem_tile_cells)_');
    EXECUTE format('DROP TRIGGER %I ON %s', t.tgname, t.tbl);
    IF t.def ~ '\(\)$' THEN
      EXECUTE regexp_replace(t.def, '\(\)$', format('(%L)', target));
    ELSE
      EXECUTE regexp_replace(t.def, '(EXECUTE FUNCTION [a-z_.]+)\(', format('\1(%L, ', target));
    END IF;
  END LOOP;
END
$$;
