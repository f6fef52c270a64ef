import { area, polygon } from "@turf/turf";
import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { mergeGrids, sharedBorder } from "./merge.ts";

function box(west: number, south: number, east: number, north: number): Polygon {
  const ring = [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
  return polygon([ring]).geometry;
}

describe("mergeGrids", () => {
  it("merges two grids that share an edge into one polygon", () => {
    const [a, b] = [box(117.0, 35.0, 117.005, 35.01), box(117.005, 35.0, 117.01, 35.01)];
    const result = mergeGrids(a, b);
    if (!result.ok) throw new Error("expected a merge");
    expect(result.geometry.coordinates).toHaveLength(1);
    expect(area(result.geometry)).toBeCloseTo(area(a) + area(b), 3);
  });

  it("merges grids that share only part of an edge", () => {
    const result = mergeGrids(
      box(117.0, 35.0, 117.005, 35.01),
      box(117.005, 35.004, 117.01, 35.02),
    );
    expect(result.ok && result.geometry.coordinates.length).toBe(1);
  });

  it("refuses grids that touch only at a corner", () => {
    const result = mergeGrids(
      box(117.0, 35.0, 117.005, 35.005),
      box(117.005, 35.005, 117.01, 35.01),
    );
    expect(result).toEqual({
      ok: false,
      problems: [{ code: "merge_not_adjacent", key: "grid.mergeNotAdjacent" }],
    });
  });

  it("refuses grids apart from each other", () => {
    expect(mergeGrids(box(117.0, 35.0, 117.004, 35.01), box(117.005, 35.0, 117.01, 35.01)).ok).toBe(
      false,
    );
  });
});

describe("sharedBorder", () => {
  it("measures the length two grids run along together, in metres", () => {
    const shared = sharedBorder(
      box(117.0, 35.0, 117.005, 35.01),
      box(117.005, 35.0, 117.01, 35.01),
    );
    expect(shared).toBeGreaterThan(1100);
    expect(shared).toBeLessThan(1115);
  });
});
