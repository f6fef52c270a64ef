-- The problem list at a million problems (issue 23, item 3): every order and filter the pages
-- offer walks an index in order instead of sorting every match, and the number of matches under
-- the status / source / overdue filters is summed from a small rollup instead of counted.
--
-- Urgency (open first, then the nearest deadline) unfiltered, or under a source filter: the
-- order's own expression, as problems/queries.ts writes it.
CREATE INDEX "problems_urgency_idx" ON "problems" USING btree
  ("city_id", (status IN ('closed', 'ledger')), "deadline", "id");--> statement-breakpoint
-- One status by urgency (the open/closed key is then the same for every match, and the list
-- orders by deadline, id alone), and one status newest first.
CREATE INDEX "problems_status_deadline_idx" ON "problems" USING btree ("city_id", "status", "deadline", "id");--> statement-breakpoint
CREATE INDEX "problems_status_newest_idx" ON "problems" USING btree ("city_id", "status", "reported_at", "id");--> statement-breakpoint
-- Deleting problems checks that no problem names them as its duplicate: without an index that is
-- a scan of every problem per deleted row (deleting 10,000 of 110,000 ran past five minutes).
CREATE INDEX "problems_duplicate_of_idx" ON "problems" USING btree ("duplicate_of") WHERE duplicate_of IS NOT NULL;--> statement-breakpoint
-- The old (city_id, status) index is a prefix of the two above.
DROP INDEX IF EXISTS "problems_status_idx";--> statement-breakpoint
-- Problems counted by status, source and the China day of their deadline ('infinity': none):
-- a few thousand rows per city. A count under any of these filters sums them; "overdue" (an open
-- problem past its deadline) sums the days before today and counts today's problems themselves
-- (the open-deadline index finds them). Kept by statement triggers, as problem_cell_days is.
CREATE TABLE "problem_list_counts" (
	"city_id" integer NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"deadline_day" date NOT NULL,
	"problems" integer NOT NULL,
	CONSTRAINT "problem_list_counts_pk" PRIMARY KEY ("city_id", "status", "source", "deadline_day")
);--> statement-breakpoint
ALTER TABLE "problem_list_counts" ADD CONSTRAINT "problem_list_counts_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE OR REPLACE FUNCTION civgrid_deadline_day(deadline timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(civgrid_china_day(deadline), date 'infinity')
$$;
--> statement-breakpoint
-- Adds (sign 1) or takes away (sign -1) rows' counts, in key order (two writers lock in one
-- order); rows left at zero are deleted.
CREATE OR REPLACE FUNCTION civgrid_problem_list_counts_apply(changes jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  WITH c AS (
    SELECT (x->>'city_id')::int AS city_id, x->>'status' AS status, x->>'source' AS source,
      (x->>'day')::date AS day, (x->>'n')::int AS n
    FROM jsonb_array_elements(changes) x)
  INSERT INTO problem_list_counts AS t (city_id, status, source, deadline_day, problems)
  SELECT city_id, status, source, day, sum(n) FROM c
  GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (city_id, status, source, deadline_day) DO UPDATE
    SET problems = t.problems + excluded.problems;
  DELETE FROM problem_list_counts t USING (
    SELECT DISTINCT (x->>'city_id')::int AS city_id, x->>'status' AS status, x->>'source' AS source,
      (x->>'day')::date AS day FROM jsonb_array_elements(changes) x) g
  WHERE (t.city_id, t.status, t.source, t.deadline_day) = (g.city_id, g.status, g.source, g.day)
    AND t.problems <= 0;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION civgrid_problem_list_counts_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO problem_list_counts AS t (city_id, status, source, deadline_day, problems)
  SELECT n.city_id, n.status, n.source, civgrid_deadline_day(n.deadline), count(*)
  FROM new_rows n GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (city_id, status, source, deadline_day) DO UPDATE
    SET problems = t.problems + excluded.problems;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION civgrid_problem_list_counts_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM civgrid_problem_list_counts_apply(coalesce((
    SELECT jsonb_agg(g) FROM (
      SELECT o.city_id, o.status, o.source, civgrid_deadline_day(o.deadline) AS day, -count(*) AS n
      FROM old_rows o GROUP BY 1, 2, 3, 4) g), '[]'));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- An update moves a problem between rows only when its status, source, deadline or city changed
-- (most steps of the loop change the status: one small grouped upsert per statement).
CREATE OR REPLACE FUNCTION civgrid_problem_list_counts_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM civgrid_problem_list_counts_apply(coalesce((
    SELECT jsonb_agg(g) FROM (
      SELECT r.city_id, r.status, r.source, civgrid_deadline_day(r.deadline) AS day, sum(r.sign) AS n
      FROM (
        SELECT -1 AS sign, o.city_id, o.status, o.source, o.deadline
          FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE (o.city_id, o.status, o.source, o.deadline)
            IS DISTINCT FROM (n.city_id, n.status, n.source, n.deadline)
        UNION ALL
        SELECT 1, n.city_id, n.status, n.source, n.deadline
          FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE (o.city_id, o.status, o.source, o.deadline)
            IS DISTINCT FROM (n.city_id, n.status, n.source, n.deadline)) r
      GROUP BY 1, 2, 3, 4 HAVING sum(r.sign) <> 0) g), '[]'));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER problems_list_counts_insert AFTER INSERT ON problems
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION civgrid_problem_list_counts_insert();
--> statement-breakpoint
CREATE TRIGGER problems_list_counts_update AFTER UPDATE ON problems
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION civgrid_problem_list_counts_update();
--> statement-breakpoint
CREATE TRIGGER problems_list_counts_delete AFTER DELETE ON problems
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION civgrid_problem_list_counts_delete();
--> statement-breakpoint
-- The problems already written.
INSERT INTO problem_list_counts (city_id, status, source, deadline_day, problems)
SELECT city_id, status, source, civgrid_deadline_day(deadline), count(*)
FROM problems GROUP BY 1, 2, 3, 4;
