// The cells a viewport touches, walked column by column, are exactly those whose hexagon's
// extent overlaps the viewport: checked against every cell of a wide neighbourhood.
import { describe, expect, it } from "vitest";
import type { Bbox } from "../db/query-helpers.ts";
import { cellsTouching, hexagonOf } from "./hexagon-shape.ts";

const R_BITS = 2 ** 21;
const OFFSET = 2 ** 20;

function overlaps(cell: number, size: number, [minLon, minLat, maxLon, maxLat]: Bbox) {
  const ring = hexagonOf(cell, size).coordinates[0] as number[][];
  const lons = ring.map((c) => c[0] as number);
  const lats = ring.map((c) => c[1] as number);
  return (
    Math.min(...lons) < maxLon &&
    Math.max(...lons) > minLon &&
    Math.min(...lats) < maxLat &&
    Math.max(...lats) > minLat
  );
}

describe("cellsTouching", () => {
  const viewports: [string, Bbox, number][] = [
    ["Tengzhou at city zoom, 4 km", [116.9, 34.88, 117.42, 35.28], 4000],
    ["a district, 1 km", [117.1, 35.03, 117.23, 35.13], 1000],
    ["a street corner, 62.5 m", [117.1612, 35.0841, 117.1655, 35.0862], 62.5],
    [
      "across the equator and the antimeridian's neighbour, 16 km",
      [179.2, -0.5, 179.9, 0.6],
      16000,
    ],
  ];
  for (const [name, bbox, size] of viewports) {
    it(`finds every hexagon of ${name} and no other`, () => {
      const found = cellsTouching(bbox, size);
      expect(found.length).toBeGreaterThan(3);
      expect([...found].sort((a, b) => a - b)).toEqual(found);
      // Every cell of the neighbourhood around the found ones, tested one by one.
      const qs = found.map((c) => Math.floor(c / R_BITS) - OFFSET);
      const rs = found.map((c) => (c % R_BITS) - OFFSET);
      const expected: number[] = [];
      for (let q = Math.min(...qs) - 3; q <= Math.max(...qs) + 3; q++) {
        for (let r = Math.min(...rs) - 3; r <= Math.max(...rs) + 3; r++) {
          const cell = (q + OFFSET) * R_BITS + (r + OFFSET);
          if (overlaps(cell, size, bbox)) expected.push(cell);
        }
      }
      expect(found).toEqual(expected);
    });
  }
});
