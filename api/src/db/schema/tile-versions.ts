// A data version per city and vector-tile layer. Statement triggers on every table a layer reads
// (migrations 0015 and 0041, "tile_versions_*") give the pair a new number whenever a statement
// writes those tables, whoever writes: the API, an import, a script in another process. The tile
// cache keys on it and the tile ETag is made from it, so a revalidation is answered without
// drawing the tile, and no cached tile outlives a change of its data.
import { bigint, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { cityId } from "./columns.ts";
import { cities } from "./regions.ts";

export const tileVersions = pgTable(
  "tile_versions",
  {
    cityId: cityId().references(() => cities.id),
    /** grids, communities, units, points or problems (api/src/tiles/layers.ts). */
    layer: text("layer").notNull(),
    /**
     * Counts on per (city, layer) from the greater of the last number + 1 and the clock in
     * milliseconds (migration 0041): a number is never given twice, even after the row is deleted
     * and made again, and no sequence is needed (a sequence is one per node on Citus).
     */
    version: bigint("version", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.layer] })],
);
