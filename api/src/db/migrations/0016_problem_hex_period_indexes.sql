-- The leaders' map counts the problems of the cells a viewport touches, over a period, by
-- status, and breaks hotspots down by unit and item: with the period in the key and the rest in
-- the index, it reads no table page.
-- drizzle cannot say INCLUDE, hence the hand edit of what it generated.
DROP INDEX "problems_hex_62_idx";--> statement-breakpoint
DROP INDEX "problems_hex_250_idx";--> statement-breakpoint
DROP INDEX "problems_hex_1k_idx";--> statement-breakpoint
DROP INDEX "problems_hex_4k_idx";--> statement-breakpoint
DROP INDEX "problems_hex_16k_idx";--> statement-breakpoint
CREATE INDEX "problems_hex_62_idx" ON "problems" USING btree ("city_id","hex_62","reported_at")
  INCLUDE ("status", "deduction", "unit_id", "item_id");--> statement-breakpoint
CREATE INDEX "problems_hex_250_idx" ON "problems" USING btree ("city_id","hex_250","reported_at")
  INCLUDE ("status", "deduction", "unit_id", "item_id");--> statement-breakpoint
CREATE INDEX "problems_hex_1k_idx" ON "problems" USING btree ("city_id","hex_1k","reported_at")
  INCLUDE ("status", "deduction", "unit_id", "item_id");--> statement-breakpoint
CREATE INDEX "problems_hex_4k_idx" ON "problems" USING btree ("city_id","hex_4k","reported_at")
  INCLUDE ("status", "deduction", "unit_id", "item_id");--> statement-breakpoint
CREATE INDEX "problems_hex_16k_idx" ON "problems" USING btree ("city_id","hex_16k","reported_at")
  INCLUDE ("status", "deduction", "unit_id", "item_id");--> statement-breakpoint
-- The viewport index (0009) and the lon/lat it held served the map before it counted cells;
-- nothing reads them now, and every write paid for them.
DROP INDEX IF EXISTS "problems_viewport_idx";--> statement-breakpoint
ALTER TABLE "problems" DROP COLUMN "lon";--> statement-breakpoint
ALTER TABLE "problems" DROP COLUMN "lat";--> statement-breakpoint
-- TRUNCATE fires no row or delete trigger: the rollup of problems (0014) goes with them.
CREATE OR REPLACE FUNCTION civgrid_problem_cell_days_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM problem_cell_days;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER problems_cell_days_truncate AFTER TRUNCATE ON problems
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_problem_cell_days_truncate();
