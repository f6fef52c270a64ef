-- The daily fold of problem_tile_cells (issue 23): the rollup kept one row per cell for every
-- China day a deadline fell on, for ever, and a tile summed them all (a year of deadlines is
-- hundreds of rows a cell). Once a day has passed, its rows mean only "overdue since before
-- today", which is what the '-infinity' row of the cell already means (migration 0038,
-- civgrid_tile_due): the fold adds each past day's rows into that row and deletes them, so a cell
-- keeps its closed row, its open rows without a deadline or overdue, and the days still to come.
--
-- The triggers need no change: a write to a problem whose deadline's day is past takes it away
-- from (or adds it to) the '-infinity' row, whether or not its day's row was folded yet; before
-- the fold the two rows together hold the exact number, after it the one row does.
--
-- One city at a time, in one statement: the past days' rows deleted and their sums added, from
-- what the DELETE really removed (RETURNING): a writer that changed one of those rows first is
-- counted, one that writes a past day's row after it (a transaction begun the day before) leaves
-- a row the next fold takes; a reader counts both as overdue all the same. The '-infinity' rows
-- are written in key order, as the triggers write theirs. Rows left at zero are deleted. Answers
-- the rows folded.
CREATE OR REPLACE FUNCTION civgrid_problem_tile_cells_fold(city integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  folded integer;
BEGIN
  WITH past AS (
    DELETE FROM problem_tile_cells t
    WHERE t.city_id = city AND t.due > date '-infinity' AND t.due < civgrid_china_day(now())
    RETURNING t.city_id, t.zoom, t."column", t."row", t.open, t.problems),
  added AS ( -- (a data-modifying WITH runs to its end whether or not anything reads it)
    INSERT INTO problem_tile_cells AS t (city_id, zoom, "column", "row", open, due, problems)
    SELECT p.city_id, p.zoom, p."column", p."row", p.open, date '-infinity', sum(p.problems)
    FROM past p GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (city_id, zoom, "column", "row", open, due) DO UPDATE
      SET problems = t.problems + excluded.problems)
  SELECT count(*) INTO folded FROM past;
  DELETE FROM problem_tile_cells t WHERE t.city_id = city AND t.problems = 0;
  RETURN folded;
END;
$$;
--> statement-breakpoint
-- The rows already past, city by city as the schedule folds them.
DO $$
DECLARE
  c integer;
BEGIN
  FOR c IN SELECT id FROM cities ORDER BY id LOOP
    PERFORM civgrid_problem_tile_cells_fold(c);
  END LOOP;
END;
$$;
