import { polygon } from "@turf/turf";
import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { coverageGaps } from "./coverage-gaps.ts";
import { formatProblem } from "./messages.ts";

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

const community = box(117.0, 35.0, 117.01, 35.01);

describe("coverageGaps", () => {
  it("reports nothing when the grids cover the community", () => {
    const halves = [box(117.0, 35.0, 117.005, 35.01), box(117.005, 35.0, 117.01, 35.01)];
    expect(coverageGaps(community, halves)).toEqual({
      gapArea: 0,
      gapPercent: 0,
      geometry: null,
      problems: [],
    });
  });

  it("gives the uncovered share and its shape", () => {
    const gaps = coverageGaps(community, [box(117.0, 35.0, 117.0068, 35.01)]);
    expect(gaps.gapPercent).toBeCloseTo(32, 0);
    expect(gaps.geometry?.coordinates).toHaveLength(1);
    expect(gaps.problems[0]).toMatchObject({ code: "coverage_gap", params: { percent: "32.0" } });
    expect(formatProblem(gaps.problems[0]!)).toMatch(/^社区有 32\.0% 未被网格覆盖（[\d,]+ m²）$/);
  });

  it("drops slivers smaller than the tolerance", () => {
    // A 1e-7° strip (about 1 cm) left between two grids.
    const grids = [box(117.0, 35.0, 117.005, 35.01), box(117.0050001, 35.0, 117.01, 35.01)];
    expect(coverageGaps(community, grids, { toleranceM2: 20 }).problems).toEqual([]);
    expect(coverageGaps(community, grids, { toleranceM2: 1 }).problems).toHaveLength(1);
  });
});
