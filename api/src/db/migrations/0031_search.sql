-- Issue 22, the map's search box: a grid or community code is typed from its start
-- (370481001…), which a pattern-ops index answers whatever the database's collation.
-- Names are few per city (hundreds of communities, thousands of grids) and are matched anywhere
-- in them with ILIKE, which no btree serves.
CREATE INDEX "grids_code_prefix_idx" ON "grids" ("city_id", "code" varchar_pattern_ops) WHERE "deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "communities_code_prefix_idx" ON "communities" ("city_id", "code" varchar_pattern_ops);
