// Shapes near the thresholds of geo/src/restructure-rules.ts, in metres from a point in Tengzhou:
// geo/ (restructure-rules.test.ts) and PostGIS (tests/api/restructure-agreement.test.ts) judge
// each the same way, so the editor's preview and the server's save agree.
import type { LineString, Polygon } from "geojson";

const origin = { lon: 117.16, lat: 35.08 };
const metresPerDegreeLat = 111_320;
const metresPerDegreeLon = metresPerDegreeLat * Math.cos((origin.lat * Math.PI) / 180);

const at = (x: number, y: number) => [
  origin.lon + x / metresPerDegreeLon,
  origin.lat + y / metresPerDegreeLat,
];

/** A rectangle from (west, south) to (east, north), in metres from the origin. */
export function box(west: number, south: number, east: number, north: number): Polygon {
  return {
    type: "Polygon",
    coordinates: [
      [at(west, south), at(east, south), at(east, north), at(west, north), at(west, south)],
    ],
  };
}

export function path(...points: [number, number][]): LineString {
  return { type: "LineString", coordinates: points.map(([x, y]) => at(x, y)) };
}

const grid = box(0, 0, 100, 100);

export const mergeFixtures: { name: string; a: Polygon; b: Polygon; mayMerge: boolean }[] = [
  { name: "a shared edge", a: grid, b: box(100, 0, 200, 100), mayMerge: true },
  { name: "a corner only", a: grid, b: box(100, 100, 200, 200), mayMerge: false },
  { name: "5 cm of shared border", a: grid, b: box(100, 99.95, 200, 200), mayMerge: false },
  { name: "20 cm of shared border", a: grid, b: box(100, 99.8, 200, 200), mayMerge: true },
  { name: "a 5 mm gap (rounding)", a: grid, b: box(100.005, 0, 200, 100), mayMerge: true },
  { name: "a 5 cm gap", a: grid, b: box(100.05, 0, 200, 100), mayMerge: false },
];

export const splitFixtures: { name: string; grid: Polygon; line: LineString; pieces: number }[] = [
  { name: "a cut across the middle", grid, line: path([-10, 50], [110, 50]), pieces: 2 },
  {
    name: "a line across and back",
    grid,
    line: path([-10, 30], [110, 30], [110, 70], [-10, 70]),
    pieces: 3,
  },
  { name: "a 5 m² sliver along the edge", grid, line: path([-10, 0.05], [110, 0.05]), pieces: 0 },
  { name: "a 20 m² strip along the edge", grid, line: path([-10, 0.2], [110, 0.2]), pieces: 2 },
  { name: "a line beside the grid", grid, line: path([-10, -10], [-5, 110]), pieces: 0 },
];
