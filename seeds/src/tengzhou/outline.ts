// The real outline of 滕州市, read from seeds/data (see its README for the source and licence).
import { readFileSync } from "node:fs";
import type { FeatureCollection, MultiPolygon, Point, Polygon } from "geojson";

const outlineFile = new URL("../../data/tengzhou-370481.geojson", import.meta.url);

export interface CityOutline {
  geometry: MultiPolygon;
  labelPoint: Point;
}

export function readTengzhouOutline(): CityOutline {
  const collection = JSON.parse(readFileSync(outlineFile, "utf8")) as FeatureCollection<
    Polygon | MultiPolygon,
    { name: string; cp: [number, number] }
  >;
  const feature = collection.features.find((f) => f.properties.name === "滕州市");
  if (!feature) throw new Error(`${outlineFile.pathname}: no feature named 滕州市`);
  const { geometry } = feature;
  return {
    // Regions are stored as MultiPolygon, whatever the source used for a one-part outline.
    geometry:
      geometry.type === "Polygon"
        ? { type: "MultiPolygon", coordinates: [geometry.coordinates] }
        : geometry,
    labelPoint: { type: "Point", coordinates: feature.properties.cp },
  };
}
