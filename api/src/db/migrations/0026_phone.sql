-- Issue 22: the map's basemap, chosen by the administrator: none (the city's own outline), a
-- raster tile template with its coordinate system, or a PMTiles file kept by CivGrid itself.
CREATE TABLE "basemap_settings" (
	"city_id" integer PRIMARY KEY NOT NULL REFERENCES "cities"("id"),
	"kind" text NOT NULL,
	"raster_url" text,
	"raster_crs" text DEFAULT 'wgs84' NOT NULL,
	"tianditu_key" text,
	"pmtiles_file" text,
	"pmtiles_bytes" bigint,
	"updated_by" integer REFERENCES "users"("id"),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "basemap_settings_kind" CHECK ("kind" IN ('none', 'raster', 'pmtiles')),
	CONSTRAINT "basemap_settings_crs" CHECK ("raster_crs" IN ('wgs84', 'gcj02')),
	CONSTRAINT "basemap_settings_raster_url" CHECK ("kind" <> 'raster' OR "raster_url" IS NOT NULL),
	CONSTRAINT "basemap_settings_pmtiles_file" CHECK ("kind" <> 'pmtiles' OR "pmtiles_file" IS NOT NULL)
);
