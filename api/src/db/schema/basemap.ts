// The basemap the administrator chose for the city (issue 22); none set means the deployment's
// environment (BASEMAP_URL, BASEMAP_CRS, BASEMAP_PMTILES) decides.
import { sql } from "drizzle-orm";
import { bigint, check, integer, pgTable, text } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns.ts";
import { cities } from "./regions.ts";
import { users } from "./users.ts";

export const basemapKinds = ["none", "raster", "pmtiles"] as const;

export const basemapSettings = pgTable(
  "basemap_settings",
  {
    cityId: integer("city_id")
      .primaryKey()
      .references(() => cities.id),
    kind: text("kind", { enum: basemapKinds }).notNull(),
    /** An XYZ template ({z}/{x}/{y}; {key} for a Tianditu key), or a WMTS KVP URL likewise. */
    rasterUrl: text("raster_url"),
    rasterCrs: text("raster_crs", { enum: ["wgs84", "gcj02"] })
      .notNull()
      .default("wgs84"),
    tiandituKey: text("tianditu_key"),
    /** The uploaded file's name under <DATA_DIR>/basemap. */
    pmtilesFile: text("pmtiles_file"),
    pmtilesBytes: bigint("pmtiles_bytes", { mode: "number" }),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  () => [
    check("basemap_settings_kind", sql`kind IN ('none', 'raster', 'pmtiles')`),
    check("basemap_settings_crs", sql`raster_crs IN ('wgs84', 'gcj02')`),
  ],
);
