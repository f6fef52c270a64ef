-- The leaders' map reads a viewport's problems of a period from this index alone (an index-only
-- scan): their place as numbers, their points lost and their hexagon cells. drizzle cannot say
-- INCLUDE, hence a custom migration.
CREATE INDEX "problems_viewport_idx" ON "problems" USING btree ("city_id", "reported_at")
  INCLUDE ("lon", "lat", "deduction", "hex_250", "hex_1k", "hex_4k", "hex_16k");
