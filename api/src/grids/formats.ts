// Grids and communities out of CivGrid, in the formats GIS tools and offices open: GeoJSON, KML, CSV.
import { toKML } from "@placemarkio/tokml";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { toCsv } from "../exports/csv.ts";
import { isMessageKey, type Lang, translate } from "../messages.ts";

export type ExportFormat = "geojson" | "kml" | "csv";

export const contentTypes: Record<ExportFormat, string> = {
  geojson: "application/geo+json; charset=utf-8",
  kml: "application/vnd.google-earth.kml+xml; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

/** One feature per record; `properties` are plain values (no nested objects) so every format can carry them. */
export function encode(
  features: Feature<Geometry, Record<string, string | number | null>>[],
  format: ExportFormat,
  title: string,
  lang: Lang,
): string {
  if (format === "geojson") {
    const collection: FeatureCollection = { type: "FeatureCollection", features };
    return JSON.stringify(collection);
  }
  if (format === "kml") {
    // KML shows a placemark's "name": the grid's name, or its code.
    const named = features.map((f) => ({
      ...f,
      properties: { ...f.properties, name: f.properties.name ?? f.properties.code ?? title },
    }));
    return toKML({ type: "FeatureCollection", features: named });
  }
  const keys = Object.keys(features[0]?.properties ?? {});
  // A column is headed in the reader's words (gridColumn.<property>).
  const heading = (key: string) => {
    const message = `gridColumn.${key}`;
    return isMessageKey(message) ? translate(message, lang) : key;
  };
  // CSV carries the shape as WKT-free GeoJSON text, which QGIS and Excel both keep intact.
  return toCsv(
    [...keys, "geometry"].map(heading),
    features.map((f) => [
      ...keys.map((k) => f.properties?.[k] ?? null),
      JSON.stringify(f.geometry),
    ]),
  );
}
