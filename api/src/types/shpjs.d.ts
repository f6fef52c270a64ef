// shpjs ships no types; this is the one function CivGrid calls.
declare module "shpjs" {
  import type { FeatureCollection } from "geojson";
  /** Reads a zipped Shapefile (.shp + .dbf, reprojected to WGS84 by its .prj) into GeoJSON. */
  export function parseZip(
    buffer: ArrayBuffer | Uint8Array,
  ): Promise<FeatureCollection | FeatureCollection[]>;
}
