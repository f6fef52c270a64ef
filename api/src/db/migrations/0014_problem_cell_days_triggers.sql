-- problem_cell_days is kept by the database itself: whatever writes problems (the API, an import,
-- a script), statement triggers fold the statement's rows into the rollup, once per statement, so
-- a bulk insert of a million problems costs one grouped upsert, not a million.
-- The day a problem was reported, in China time (UTC+8, no daylight saving), worked out from the
-- epoch so that neither engine needs a time zone database (rankings/period.ts does the same).
CREATE OR REPLACE FUNCTION civgrid_china_day(at timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT date '1970-01-01' + floor((extract(epoch FROM at) + 28800) / 86400)::int
$$;
--> statement-breakpoint
-- Upserts run in key order so that two writers touching the same rows lock them in one order;
-- rows left at zero are deleted (a day's problems move on from 'reported': its row should go).
CREATE OR REPLACE FUNCTION civgrid_problem_cell_days_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO problem_cell_days AS t (city_id, cell_size, cell, day, status, problems, points_lost)
  SELECT n.city_id, c.size, c.cell, civgrid_china_day(n.reported_at), n.status, count(*),
    sum(n.deduction)
  FROM new_rows n
    CROSS JOIN LATERAL (VALUES (4000, n.hex_4k), (16000, n.hex_16k)) c(size, cell)
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 4, 5, 3
  ON CONFLICT (city_id, cell_size, day, status, cell) DO UPDATE
    SET problems = t.problems + excluded.problems, points_lost = t.points_lost + excluded.points_lost;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION civgrid_problem_cell_days_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  WITH gone AS (
    SELECT o.city_id, c.size AS cell_size, c.cell, civgrid_china_day(o.reported_at) AS day,
      o.status, count(*) AS problems, sum(o.deduction) AS points_lost
    FROM old_rows o
      CROSS JOIN LATERAL (VALUES (4000, o.hex_4k), (16000, o.hex_16k)) c(size, cell)
    GROUP BY 1, 2, 3, 4, 5)
  UPDATE problem_cell_days t
    SET problems = t.problems - g.problems, points_lost = t.points_lost - g.points_lost
    FROM gone g
    WHERE (t.city_id, t.cell_size, t.day, t.status, t.cell)
      = (g.city_id, g.cell_size, g.day, g.status, g.cell);
  DELETE FROM problem_cell_days t USING (SELECT DISTINCT o.city_id, c.size, c.cell,
      civgrid_china_day(o.reported_at) AS day, o.status
    FROM old_rows o CROSS JOIN LATERAL (VALUES (4000, o.hex_4k), (16000, o.hex_16k)) c(size, cell)) g
  WHERE (t.city_id, t.cell_size, t.day, t.status, t.cell) = (g.city_id, g.size, g.day, g.status, g.cell)
    AND t.problems <= 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- An update moves a problem between rollup rows only when what the rollup keys on changed (its
-- status, place, day, city or points); other updates (a note, a deadline) cost one comparison.
CREATE OR REPLACE FUNCTION civgrid_problem_cell_days_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  moved integer[];
BEGIN
  SELECT array_agg(o.id) INTO moved FROM old_rows o JOIN new_rows n ON n.id = o.id
  WHERE (o.city_id, o.hex_4k, o.hex_16k, o.reported_at, o.status, o.deduction)
    IS DISTINCT FROM (n.city_id, n.hex_4k, n.hex_16k, n.reported_at, n.status, n.deduction);
  IF moved IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO problem_cell_days AS t (city_id, cell_size, cell, day, status, problems, points_lost)
  SELECT r.city_id, c.size, c.cell, civgrid_china_day(r.reported_at), r.status, sum(r.sign),
    sum(r.sign * r.deduction)
  FROM (
    SELECT -1 AS sign, o.city_id, o.hex_4k, o.hex_16k, o.reported_at, o.status, o.deduction
    FROM old_rows o JOIN unnest(moved) m(id) ON m.id = o.id
    UNION ALL
    SELECT 1, n.city_id, n.hex_4k, n.hex_16k, n.reported_at, n.status, n.deduction
    FROM new_rows n JOIN unnest(moved) m(id) ON m.id = n.id
  ) r CROSS JOIN LATERAL (VALUES (4000, r.hex_4k), (16000, r.hex_16k)) c(size, cell)
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(r.sign) <> 0 OR sum(r.sign * r.deduction) <> 0
  ORDER BY 1, 2, 4, 5, 3
  ON CONFLICT (city_id, cell_size, day, status, cell) DO UPDATE
    SET problems = t.problems + excluded.problems, points_lost = t.points_lost + excluded.points_lost;
  -- Only the rows the moved problems left can have dropped to zero.
  DELETE FROM problem_cell_days t USING (SELECT DISTINCT o.city_id, c.size, c.cell,
      civgrid_china_day(o.reported_at) AS day, o.status
    FROM old_rows o JOIN unnest(moved) m(id) ON m.id = o.id
      CROSS JOIN LATERAL (VALUES (4000, o.hex_4k), (16000, o.hex_16k)) c(size, cell)) g
  WHERE (t.city_id, t.cell_size, t.day, t.status, t.cell) = (g.city_id, g.size, g.day, g.status, g.cell)
    AND t.problems <= 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER problems_cell_days_insert AFTER INSERT ON problems
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION civgrid_problem_cell_days_insert();
--> statement-breakpoint
CREATE TRIGGER problems_cell_days_update AFTER UPDATE ON problems
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION civgrid_problem_cell_days_update();
--> statement-breakpoint
CREATE TRIGGER problems_cell_days_delete AFTER DELETE ON problems
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION civgrid_problem_cell_days_delete();
--> statement-breakpoint
-- The problems already written.
INSERT INTO problem_cell_days (city_id, cell_size, cell, day, status, problems, points_lost)
SELECT p.city_id, c.size, c.cell, civgrid_china_day(p.reported_at), p.status, count(*),
  sum(p.deduction)
FROM problems p CROSS JOIN LATERAL (VALUES (4000, p.hex_4k), (16000, p.hex_16k)) c(size, cell)
GROUP BY 1, 2, 3, 4, 5;
