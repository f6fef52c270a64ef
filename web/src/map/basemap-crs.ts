// Data is WGS84 everywhere (the API, the phone's GPS); a basemap in GCJ-02 (Amap, Tencent) draws
// the same street some hundreds of metres away. Everything put on such a map is shifted into the
// basemap's system first, and a position picked on it is shifted back before it is sent.
import { convertGeometry, convertPosition } from "@civgrid/geo";
import type { FeatureCollection, Geometry } from "geojson";

export type BasemapCrs = "wgs84" | "gcj02";

/** A WGS84 [lon, lat] as the basemap draws it. */
export const toMapPosition = (position: [number, number], crs: BasemapCrs) =>
  convertPosition(position, "wgs84", crs);

/** A position picked on the basemap (a drag, a tap) back in WGS84. */
export const fromMapPosition = (position: [number, number], crs: BasemapCrs) =>
  convertPosition(position, crs, "wgs84");

/** Every feature's geometry as the basemap draws it. */
export function toMapFeatures<G extends Geometry | null, P>(
  collection: FeatureCollection<G, P>,
  crs: BasemapCrs,
): FeatureCollection<G, P> {
  if (crs === "wgs84") return collection;
  return {
    ...collection,
    features: collection.features.map((f) => ({
      ...f,
      geometry: f.geometry && (convertGeometry(f.geometry, "wgs84", crs) as G),
    })),
  };
}
