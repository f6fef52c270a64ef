// The items query of OGC API – Features beyond paging: `datetime` (Part 1: an instant or an
// interval, either end open with ".." or empty), `bbox` with 4 or 6 numbers, `crs` and `bbox-crs`
// (Part 2: CRS84 or CGCS2000), and the collection's queryables as `name=value` (Part 3).
import { z } from "@hono/zod-openapi";
import { fieldMessage } from "../errors.ts";
import { type Bbox, isLonLatBox } from "../routes/query.ts";

export const CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
/** CGCS2000 (China's national datum), geographic, axes latitude then longitude. */
export const CGCS2000 = "http://www.opengis.net/def/crs/EPSG/0/4490";
export const supportedCrs = [CRS84, CGCS2000] as const;
export type Crs = (typeof supportedCrs)[number];

/**
 * CGCS2000 and WGS84 agree to a few centimetres (both ITRF-based; their ellipsoids differ in the
 * flattening's 11th digit), far below any grid's precision: the coordinates are the same numbers,
 * only the axis order of EPSG:4490 (latitude first) differs from CRS84's.
 */
export const crsParam = z
  .enum(supportedCrs, {
    message: fieldMessage("field.one_of", { values: supportedCrs.join(", ") }),
  })
  .optional();

const number = /^-?\d+(\.\d+)?$/;

/** 4 numbers, or 6 with heights (ignored: everything here lies on the ground), in `crs`'s axis order. */
export function parseBbox(value: string, crs: Crs): Bbox | null {
  const parts = value.split(",").map((p) => p.trim());
  if ((parts.length !== 4 && parts.length !== 6) || !parts.every((p) => number.test(p)))
    return null;
  const n = parts.map(Number);
  const [a, b, c, d] = (parts.length === 6 ? [n[0], n[1], n[3], n[4]] : n) as number[];
  const [minLon, minLat, maxLon, maxLat] =
    crs === CGCS2000 ? [b, a, d, c] : ([a, b, c, d] as number[]);
  const box = [minLon, minLat, maxLon, maxLat] as Bbox;
  return box.every((v) => v !== undefined) && isLonLatBox(box) ? box : null;
}

export interface TimeInterval {
  start: Date;
  end: Date;
}

const instant = z.string().datetime({ offset: true });
const FAR_PAST = new Date("1900-01-01T00:00:00Z");
const FAR_FUTURE = new Date("9999-12-31T23:59:59Z");

/** An RFC 3339 instant, or "start/end" with ".." or "" for an open end; null when malformed. */
export function parseDatetime(value: string): TimeInterval | null {
  const ends = value.split("/");
  if (ends.length === 1) {
    if (!instant.safeParse(value).success) return null;
    const at = new Date(value);
    return { start: at, end: new Date(at.getTime() + 1) };
  }
  if (ends.length !== 2) return null;
  const [from = "", to = ""] = ends;
  const open = (s: string) => s === "" || s === "..";
  if (open(from) && open(to)) return null;
  if (
    (!open(from) && !instant.safeParse(from).success) ||
    (!open(to) && !instant.safeParse(to).success)
  )
    return null;
  const start = open(from) ? FAR_PAST : new Date(from);
  // The interval includes its end instant.
  const end = open(to) ? FAR_FUTURE : new Date(new Date(to).getTime() + 1);
  return start <= end ? { start, end } : null;
}

/** Swaps every position's axes: CRS84 (lon, lat) ⇄ EPSG:4490 (lat, lon). */
export function flipAxes(geometryJson: string): string {
  const flip = (value: unknown): unknown =>
    Array.isArray(value) && typeof value[0] === "number"
      ? [value[1], value[0], ...value.slice(2)]
      : Array.isArray(value)
        ? value.map(flip)
        : value;
  const geometry = JSON.parse(geometryJson) as { coordinates?: unknown; geometries?: unknown[] };
  if (geometry.geometries) {
    return JSON.stringify({
      ...geometry,
      geometries: geometry.geometries.map((g) => JSON.parse(flipAxes(JSON.stringify(g)))),
    });
  }
  return JSON.stringify({ ...geometry, coordinates: flip(geometry.coordinates) });
}
