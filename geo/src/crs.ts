// Coordinate systems Chinese maps use: WGS84 (GPS; CGCS2000 is the same to within centimetres,
// so Tianditu and survey data count as WGS84 here), GCJ-02 (Amap, Tencent) and BD-09 (Baidu).
// The database and every API speak WGS84; files and basemaps in the others are converted at the edge.
import gcoord from "gcoord";
import type { Geometry, Position } from "geojson";

export type SourceCrs = "wgs84" | "cgcs2000" | "gcj02" | "bd09";

const systems = {
  wgs84: gcoord.WGS84,
  cgcs2000: gcoord.WGS84,
  gcj02: gcoord.GCJ02,
  bd09: gcoord.BD09,
} as const;

/** One position from `from` to `to` (e.g. toCrs([116.391275, 39.907275], "wgs84", "gcj02")). */
export function convertPosition(
  position: Position,
  from: SourceCrs,
  to: SourceCrs,
): [number, number] {
  const [lon = 0, lat = 0] = position;
  if (systems[from] === systems[to]) return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], systems[from], systems[to]);
  return [x, y];
}

function mapPositions(value: unknown, f: (p: Position) => Position): unknown {
  if (!Array.isArray(value)) return value;
  if (typeof value[0] === "number") return f(value as Position);
  return value.map((v) => mapPositions(v, f));
}

/** A whole geometry converted between systems; values that are not positions are left as they are. */
export function convertGeometry<G extends Geometry>(
  geometry: G,
  from: SourceCrs,
  to: SourceCrs,
): G {
  if (systems[from] === systems[to]) return geometry;
  if (geometry.type === "GeometryCollection") {
    return {
      ...geometry,
      geometries: geometry.geometries.map((g) => convertGeometry(g, from, to)),
    };
  }
  return {
    ...geometry,
    coordinates: mapPositions(geometry.coordinates, (p) => convertPosition(p, from, to)),
  } as G;
}

/** A file's geometry into WGS84, the system CivGrid stores. */
export function toWgs84<G extends Geometry>(geometry: G, from: SourceCrs): G {
  return convertGeometry(geometry, from, "wgs84");
}
