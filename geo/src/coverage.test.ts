import { area, polygon } from "@turf/turf";
import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { coverageReport } from "./coverage.ts";

function box(west: number, south: number, east: number, north: number): Polygon {
  return polygon([
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ]).geometry;
}

const community = box(117.0, 35.0, 117.01, 35.01);
const quarters = [
  box(117.0, 35.005, 117.005, 35.01),
  box(117.005, 35.005, 117.01, 35.01),
  box(117.0, 35.0, 117.005, 35.005),
  box(117.005, 35.0, 117.01, 35.005),
];

describe("coverageReport", () => {
  it("reports zeros for grids that tile the community exactly", () => {
    const report = coverageReport(community, quarters);
    expect(report.gapArea).toBeLessThan(1e-3);
    expect(report.gapPercent).toBeLessThan(1e-6);
    expect(report.overlapArea).toBeLessThan(1e-3);
    expect(report.outsideArea).toBeLessThan(1e-3);
  });

  it("measures the gap a missing grid leaves", () => {
    const report = coverageReport(community, quarters.slice(0, 3));
    expect(report.gapPercent).toBeCloseTo(25, 1);
    expect(report.gapArea).toBeCloseTo(area(quarters[3] ?? community), -1);
  });

  it("measures where two grids overlap", () => {
    const widened = box(117.0, 35.005, 117.006, 35.01);
    const report = coverageReport(community, [widened, ...quarters.slice(1)]);
    const expected = area(box(117.005, 35.005, 117.006, 35.01));
    expect(report.overlapArea).toBeCloseTo(expected, -1);
    expect(report.gapArea).toBeLessThan(1e-3);
  });

  it("measures the part of a grid that spills outside the community", () => {
    const spilling = box(117.0, 35.005, 117.005, 35.012);
    const report = coverageReport(community, [spilling, ...quarters.slice(1)]);
    expect(report.outsideArea).toBeCloseTo(area(box(117.0, 35.01, 117.005, 35.012)), -1);
  });

  it("handles a community served by a single grid", () => {
    expect(coverageReport(community, [community]).gapArea).toBeLessThan(1e-3);
  });
});
