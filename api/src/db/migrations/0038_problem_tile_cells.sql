-- Problem tiles at city zoom (z0–z12, issue 23 item 2) drawn from a rollup instead of every
-- problem in the tile (a z10 tile of a million-problem city read ~500,000 of them, 3 s):
-- problems counted per tile cell (1/64 of a tile a side, as the map draws them) at z10, z11 and
-- z12 (z0–z9 sum the z10 cells: cells nest, a cell at zoom z being 4 of zoom z + 1), whether
-- open, and the China day of the deadline, so that the tile's overdue count needs no problem
-- but today's. Kept by statement triggers, as problem_cell_days and problem_list_counts are.
-- city_id leads the key, and each trigger writes only the rows of the cities of its statement's
-- problems (issue 24 distributes the tables by city).
--
-- The cell of a longitude or latitude at a zoom: Web Mercator, 2^(zoom + 6) cells a side.
CREATE OR REPLACE FUNCTION civgrid_tile_column(lon float8, zoom int) RETURNS int
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT floor((lon + 180) / 360 * (2::float8 ^ (zoom + 6)))::int
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION civgrid_tile_row(lat float8, zoom int) RETURNS int
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT floor((1 - ln(tan(pi() / 4 + radians(lat) / 2)) / pi()) / 2 * (2::float8 ^ (zoom + 6)))::int
$$;
--> statement-breakpoint
-- What a problem's deadline says of it in the rollup: 'infinity' while it cannot be overdue
-- (closed, or waiting for dispatch with no deadline), '-infinity' once its deadline's day is past
-- (it stays overdue until a write changes it, and the past days then need no row of their own),
-- else the deadline's China day. A problem written on a day and changed on a later one may be
-- counted under its day and taken away under '-infinity': both mean "past", so every cell's sum
-- over the past stays exact, and the rows are summed, never read one by one.
CREATE OR REPLACE FUNCTION civgrid_tile_due(status text, deadline timestamptz) RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN status IN ('closed', 'ledger') OR deadline IS NULL THEN date 'infinity'
    WHEN civgrid_china_day(deadline) < civgrid_china_day(now()) THEN date '-infinity'
    ELSE civgrid_china_day(deadline) END
$$;
--> statement-breakpoint
CREATE TABLE "problem_tile_cells" (
	"city_id" integer NOT NULL,
	"zoom" smallint NOT NULL,
	"column" integer NOT NULL,
	"row" integer NOT NULL,
	"open" boolean NOT NULL,
	"due" date NOT NULL,
	"problems" integer NOT NULL,
	CONSTRAINT "problem_tile_cells_pk" PRIMARY KEY ("city_id", "zoom", "column", "row", "open", "due") INCLUDE ("problems")
);--> statement-breakpoint
ALTER TABLE "problem_tile_cells" ADD CONSTRAINT "problem_tile_cells_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- (The key includes the count, so that a tile's rows are read from the index alone.)
-- The rows a statement left at zero, found without scanning the table.
CREATE INDEX "problem_tile_cells_empty_idx" ON "problem_tile_cells" ("city_id") WHERE problems = 0;--> statement-breakpoint
-- Adds the changes (a problem's city, place, status and deadline, sign 1 or -1) in key order (two
-- writers lock in one order), then deletes the rows of those cities left at zero.
CREATE OR REPLACE FUNCTION civgrid_problem_tile_cells_apply(changes jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  WITH c AS (
    SELECT (x->>'city_id')::int AS city_id, (x->>'lon')::float8 AS lon, (x->>'lat')::float8 AS lat,
      x->>'status' AS status, (x->>'deadline')::timestamptz AS deadline, (x->>'sign')::int AS sign
    FROM jsonb_array_elements(changes) x)
  INSERT INTO problem_tile_cells AS t (city_id, zoom, "column", "row", open, due, problems)
  SELECT c.city_id, z.zoom, civgrid_tile_column(c.lon, z.zoom), civgrid_tile_row(c.lat, z.zoom),
    c.status NOT IN ('closed', 'ledger'), civgrid_tile_due(c.status, c.deadline), sum(c.sign)
  FROM c CROSS JOIN (VALUES (10), (11), (12)) z(zoom)
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(c.sign) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (city_id, zoom, "column", "row", open, due) DO UPDATE
    SET problems = t.problems + excluded.problems;
  DELETE FROM problem_tile_cells t
  WHERE t.problems = 0 AND t.city_id IN (SELECT DISTINCT (x->>'city_id')::int FROM jsonb_array_elements(changes) x);
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION civgrid_problem_tile_cells_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO problem_tile_cells AS t (city_id, zoom, "column", "row", open, due, problems)
  SELECT n.city_id, z.zoom, civgrid_tile_column(ST_X(n.location), z.zoom),
    civgrid_tile_row(ST_Y(n.location), z.zoom), n.status NOT IN ('closed', 'ledger'),
    civgrid_tile_due(n.status, n.deadline), count(*)
  FROM new_rows n CROSS JOIN (VALUES (10), (11), (12)) z(zoom)
  GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (city_id, zoom, "column", "row", open, due) DO UPDATE
    SET problems = t.problems + excluded.problems;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION civgrid_problem_tile_cells_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM civgrid_problem_tile_cells_apply(coalesce((
    SELECT jsonb_agg(g) FROM (
      SELECT o.city_id, ST_X(o.location) AS lon, ST_Y(o.location) AS lat, o.status, o.deadline,
        -1 AS sign
      FROM old_rows o) g), '[]'));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- An update moves a problem between rows only when its place, status, deadline or city changed
-- (a restructuring moves problems between grids and units, not cells: it costs one comparison).
CREATE OR REPLACE FUNCTION civgrid_problem_tile_cells_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM civgrid_problem_tile_cells_apply(coalesce((
    SELECT jsonb_agg(g) FROM (
      SELECT r.city_id, ST_X(r.location) AS lon, ST_Y(r.location) AS lat, r.status, r.deadline, r.sign
      FROM (
        SELECT -1 AS sign, o.city_id, o.location, o.status, o.deadline
          FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE (o.city_id, o.status, o.deadline, ST_X(o.location), ST_Y(o.location))
            IS DISTINCT FROM (n.city_id, n.status, n.deadline, ST_X(n.location), ST_Y(n.location))
        UNION ALL
        SELECT 1, n.city_id, n.location, n.status, n.deadline
          FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE (o.city_id, o.status, o.deadline, ST_X(o.location), ST_Y(o.location))
            IS DISTINCT FROM (n.city_id, n.status, n.deadline, ST_X(n.location), ST_Y(n.location))) r) g), '[]'));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER problems_tile_cells_insert AFTER INSERT ON problems
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION civgrid_problem_tile_cells_insert();
--> statement-breakpoint
CREATE TRIGGER problems_tile_cells_update AFTER UPDATE ON problems
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION civgrid_problem_tile_cells_update();
--> statement-breakpoint
CREATE TRIGGER problems_tile_cells_delete AFTER DELETE ON problems
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION civgrid_problem_tile_cells_delete();
--> statement-breakpoint
-- The problems already written.
INSERT INTO problem_tile_cells (city_id, zoom, "column", "row", open, due, problems)
SELECT p.city_id, z.zoom, civgrid_tile_column(ST_X(p.location), z.zoom),
  civgrid_tile_row(ST_Y(p.location), z.zoom), p.status NOT IN ('closed', 'ledger'),
  civgrid_tile_due(p.status, p.deadline), count(*)
FROM problems p CROSS JOIN (VALUES (10), (11), (12)) z(zoom)
GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6;
