// The draft as the editor checks and saves it, read from what Terra Draw holds.
import type { MultiPolygon, Position } from "geojson";
import type { GeoJSONStoreFeatures } from "terra-draw";

/** The polygons in Terra Draw as one MultiPolygon; null until one has three corners. */
export function draftOf(features: GeoJSONStoreFeatures[]): MultiPolygon | null {
  const polygons = features.flatMap((feature) =>
    feature.geometry.type === "Polygon" && corners(feature.geometry.coordinates[0] ?? []) >= 3
      ? [feature.geometry.coordinates]
      : [],
  );
  return polygons.length > 0 ? { type: "MultiPolygon", coordinates: polygons } : null;
}

function corners(ring: Position[]): number {
  return new Set(ring.map((position) => position.join())).size;
}
