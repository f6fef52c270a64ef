// shpjs ships no types; these are the functions CivGrid calls.
declare module "shpjs" {
  import type { FeatureCollection } from "geojson";
  /** Reads a zipped Shapefile (.shp + .dbf, reprojected to WGS84 by its .prj) into GeoJSON. */
  export function parseZip(
    buffer: ArrayBuffer | Uint8Array,
  ): Promise<FeatureCollection | FeatureCollection[]>;
  /** Reads one unzipped layer: its .dbf text in the `cpg` encoding, reprojected by the .prj's text. */
  export default function getShapefile(layer: {
    shp: Uint8Array;
    dbf?: Uint8Array | undefined;
    cpg?: string | undefined;
    prj?: string | undefined;
  }): Promise<FeatureCollection | FeatureCollection[]>;
}
