// KML placemarks as grid outlines: togeojson reads a <MultiGeometry> as a GeometryCollection; one
// of polygons is a MultiPolygon outline, while lines or points inside it cannot be an area and are
// named in the refusal (placemark and what was found) rather than silently dropped.
import type { Feature, Geometry, MultiPolygon, Polygon } from "geojson";
import type { Message } from "../errors.ts";

function polygonsOf(geometry: Geometry): { polygons: Polygon["coordinates"][]; other: string[] } {
  if (geometry.type === "Polygon") return { polygons: [geometry.coordinates], other: [] };
  if (geometry.type === "MultiPolygon") return { polygons: geometry.coordinates, other: [] };
  if (geometry.type === "GeometryCollection") {
    const parts = geometry.geometries.map(polygonsOf);
    return { polygons: parts.flatMap((p) => p.polygons), other: parts.flatMap((p) => p.other) };
  }
  return { polygons: [], other: [geometry.type] };
}

/** The placemarks with collections of polygons as MultiPolygons; a refusal naming the first mixed one. */
export function kmlOutlines(features: Feature[]): Feature[] | Message {
  const out: Feature[] = [];
  for (const [index, feature] of features.entries()) {
    if (feature.geometry?.type !== "GeometryCollection") {
      out.push(feature);
      continue;
    }
    const { polygons, other } = polygonsOf(feature.geometry);
    if (other.length) {
      const name = String(feature.properties?.name ?? `#${index + 1}`);
      return {
        key: "import.kml_mixed_geometry",
        params: { name, found: [...new Set(other)].join(", ") },
      };
    }
    const geometry: MultiPolygon = { type: "MultiPolygon", coordinates: polygons };
    out.push({ ...feature, geometry });
  }
  return out;
}
