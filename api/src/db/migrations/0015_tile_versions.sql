CREATE TABLE "tile_versions" (
	"city_id" integer NOT NULL,
	"layer" text NOT NULL,
	"version" bigint NOT NULL,
	CONSTRAINT "tile_versions_city_id_layer_pk" PRIMARY KEY("city_id","layer")
);
--> statement-breakpoint
ALTER TABLE "tile_versions" ADD CONSTRAINT "tile_versions_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Tile data versions, kept by the database itself: whatever writes a table that a vector-tile
-- layer reads (the API, an import, a script in another process), a statement trigger gives each
-- city it touched a new version of each layer the table feeds, once per statement. The numbers
-- come from one sequence that no table owns, so TRUNCATE … RESTART IDENTITY never hands out a
-- number a cache has already seen.
CREATE SEQUENCE IF NOT EXISTS tile_version_seq;
--> statement-breakpoint
-- New versions of these layers in these cities. Upserts run in key order so that two writers
-- lock the same version rows in one order.
CREATE OR REPLACE FUNCTION civgrid_tile_versions_bump(city_ids integer[], layers text[])
RETURNS void LANGUAGE sql AS $$
  INSERT INTO tile_versions AS t (city_id, layer, version)
  SELECT c.city_id, l.layer, nextval('tile_version_seq')
  FROM (SELECT DISTINCT unnest(city_ids) AS city_id) c CROSS JOIN unnest(layers) l(layer)
  ORDER BY 1, 2
  ON CONFLICT (city_id, layer) DO UPDATE SET version = excluded.version
$$;
--> statement-breakpoint
-- The trigger; TG_ARGV names the layers. The statement's rows are in the transition tables
-- tile_new_rows / tile_old_rows that each trigger below declares; TRUNCATE has none and renews
-- the layers in every city.
CREATE OR REPLACE FUNCTION civgrid_tile_versions_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE tile_versions SET version = nextval('tile_version_seq') WHERE layer = ANY (TG_ARGV);
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM civgrid_tile_versions_bump(ARRAY(SELECT DISTINCT city_id FROM tile_new_rows), TG_ARGV);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM civgrid_tile_versions_bump(ARRAY(SELECT DISTINCT city_id FROM tile_old_rows), TG_ARGV);
  ELSE
    PERFORM civgrid_tile_versions_bump(ARRAY(SELECT city_id FROM tile_new_rows
      UNION SELECT city_id FROM tile_old_rows), TG_ARGV);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- grids: the grids layer; communities and points through scopes that go by grid.
CREATE TRIGGER tile_versions_grids_insert AFTER INSERT ON grids
  REFERENCING NEW TABLE AS tile_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('communities', 'grids', 'points');
--> statement-breakpoint
CREATE TRIGGER tile_versions_grids_update AFTER UPDATE ON grids
  REFERENCING OLD TABLE AS tile_old_rows NEW TABLE AS tile_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('communities', 'grids', 'points');
--> statement-breakpoint
CREATE TRIGGER tile_versions_grids_delete AFTER DELETE ON grids
  REFERENCING OLD TABLE AS tile_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('communities', 'grids', 'points');
--> statement-breakpoint
CREATE TRIGGER tile_versions_grids_truncate AFTER TRUNCATE ON grids
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('communities', 'grids', 'points');
--> statement-breakpoint
-- grid_units: a grid's lead unit (grids layer) and unit admins' scopes (communities, points).
CREATE TRIGGER tile_versions_grid_units_insert AFTER INSERT ON grid_units
  REFERENCING NEW TABLE AS tile_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('communities', 'grids', 'points');
--> statement-breakpoint
CREATE TRIGGER tile_versions_grid_units_update AFTER UPDATE ON grid_units
  REFERENCING OLD TABLE AS tile_old_rows NEW TABLE AS tile_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('communities', 'grids', 'points');
--> statement-breakpoint
CREATE TRIGGER tile_versions_grid_units_delete AFTER DELETE ON grid_units
  REFERENCING OLD TABLE AS tile_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('communities', 'grids', 'points');
--> statement-breakpoint
CREATE TRIGGER tile_versions_grid_units_truncate AFTER TRUNCATE ON grid_units
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('communities', 'grids', 'points');
--> statement-breakpoint
-- units: the units layer and the lead unit's short name on grids.
CREATE TRIGGER tile_versions_units_insert AFTER INSERT ON units
  REFERENCING NEW TABLE AS tile_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('grids', 'units');
--> statement-breakpoint
CREATE TRIGGER tile_versions_units_update AFTER UPDATE ON units
  REFERENCING OLD TABLE AS tile_old_rows NEW TABLE AS tile_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('grids', 'units');
--> statement-breakpoint
CREATE TRIGGER tile_versions_units_delete AFTER DELETE ON units
  REFERENCING OLD TABLE AS tile_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('grids', 'units');
--> statement-breakpoint
CREATE TRIGGER tile_versions_units_truncate AFTER TRUNCATE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('grids', 'units');
--> statement-breakpoint
-- communities: the communities layer.
CREATE TRIGGER tile_versions_communities_insert AFTER INSERT ON communities
  REFERENCING NEW TABLE AS tile_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('communities');
--> statement-breakpoint
CREATE TRIGGER tile_versions_communities_update AFTER UPDATE ON communities
  REFERENCING OLD TABLE AS tile_old_rows NEW TABLE AS tile_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('communities');
--> statement-breakpoint
CREATE TRIGGER tile_versions_communities_delete AFTER DELETE ON communities
  REFERENCING OLD TABLE AS tile_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('communities');
--> statement-breakpoint
CREATE TRIGGER tile_versions_communities_truncate AFTER TRUNCATE ON communities
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('communities');
--> statement-breakpoint
-- inspection_points: the points layer.
CREATE TRIGGER tile_versions_inspection_points_insert AFTER INSERT ON inspection_points
  REFERENCING NEW TABLE AS tile_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('points');
--> statement-breakpoint
CREATE TRIGGER tile_versions_inspection_points_update AFTER UPDATE ON inspection_points
  REFERENCING OLD TABLE AS tile_old_rows NEW TABLE AS tile_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('points');
--> statement-breakpoint
CREATE TRIGGER tile_versions_inspection_points_delete AFTER DELETE ON inspection_points
  REFERENCING OLD TABLE AS tile_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('points');
--> statement-breakpoint
CREATE TRIGGER tile_versions_inspection_points_truncate AFTER TRUNCATE ON inspection_points
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('points');
--> statement-breakpoint
-- problems: the problems layer only.
CREATE TRIGGER tile_versions_problems_insert AFTER INSERT ON problems
  REFERENCING NEW TABLE AS tile_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('problems');
--> statement-breakpoint
CREATE TRIGGER tile_versions_problems_update AFTER UPDATE ON problems
  REFERENCING OLD TABLE AS tile_old_rows NEW TABLE AS tile_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('problems');
--> statement-breakpoint
CREATE TRIGGER tile_versions_problems_delete AFTER DELETE ON problems
  REFERENCING OLD TABLE AS tile_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('problems');
--> statement-breakpoint
CREATE TRIGGER tile_versions_problems_truncate AFTER TRUNCATE ON problems
  FOR EACH STATEMENT EXECUTE FUNCTION civgrid_tile_versions_trigger('problems');
