// Auto-partition of outlines in several pieces: islands join the nearest grid, holes are kept.
import { area, booleanPointInPolygon, point, polygon } from "@turf/turf";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { coverageReport } from "./coverage.ts";
import { partitionBalanced } from "./partition.ts";

type Surface = Polygon | MultiPolygon;
const ring = (...positions: Position[]) => [...positions, positions[0] as Position];
const box = (w: number, s: number, e: number, n: number) => ring([w, s], [e, s], [e, n], [w, n]);

/** A 1.1 × 1.1 km community with two small islands off its east and north shores. */
const mainland = box(117.0, 35.0, 117.012, 35.01);
const eastIsland = box(117.0125, 35.004, 117.0145, 35.0055);
const northIsland = box(117.002, 35.0105, 117.0035, 35.012);
const islandCommunity: MultiPolygon = {
  type: "MultiPolygon",
  coordinates: [[mainland], [eastIsland], [northIsland]],
};

function expectTiling(shape: Surface, parts: Surface[]) {
  const report = coverageReport(shape, parts);
  const limit = Math.max(area(shape) * 1e-9, 0.5);
  expect(report.gapArea).toBeLessThan(limit);
  expect(report.overlapArea).toBeLessThan(limit);
  expect(report.outsideArea).toBeLessThan(limit);
}

const polygonsOf = (part: Surface) =>
  part.type === "Polygon" ? [part.coordinates] : part.coordinates;
const holding = (parts: Surface[], [lon, lat]: Position) =>
  parts.findIndex((part) => booleanPointInPolygon(point([lon ?? 0, lat ?? 0]), part));

describe("partitionBalanced on outlines in several pieces", () => {
  it("joins each island to the grid on the shore nearest to it, keeping N grids balanced", () => {
    const { parts, metrics } = partitionBalanced(islandCommunity, { count: 5, seed: 1 });
    expect(parts).toHaveLength(5);
    expectTiling(islandCommunity, parts);
    // The islands are 12 % and 9 % of a grid: uncounted, the grids taking them would be that larger.
    expect(metrics.cv).toBeLessThan(0.02);
    for (const [island, shore] of [
      [
        [117.0135, 35.0048],
        [117.0119, 35.0048],
      ],
      [
        [117.0028, 35.011],
        [117.0028, 35.0099],
      ],
    ] as [Position, Position][]) {
      const part = holding(parts, island);
      expect(part).toBeGreaterThanOrEqual(0);
      expect(holding(parts, shore)).toBe(part);
      // A sensible MultiPolygon: the island and a piece of the mainland, nothing else apart.
      const joined = parts[part] as Surface;
      expect(joined.type).toBe("MultiPolygon");
      expect(polygonsOf(joined).length).toBeLessThanOrEqual(3);
    }
  });

  it("gives a large second part of a two-part community grids of its own", () => {
    const west = box(117.0, 35.0, 117.01, 35.01);
    const east = box(117.05, 35.0, 117.055, 35.01);
    const twoParts: MultiPolygon = { type: "MultiPolygon", coordinates: [[west], [east]] };
    const { parts, metrics } = partitionBalanced(twoParts, { count: 6, seed: 1 });
    expect(parts).toHaveLength(6);
    expectTiling(twoParts, parts);
    for (const part of parts) expect(part.type).toBe("Polygon");
    expect(metrics.cv).toBeLessThan(0.01);
  });

  it("lets a small second part far away join the nearest grid rather than be a tiny grid", () => {
    const big = box(117.0, 35.0, 117.02, 35.02);
    const small = box(117.03, 35.018, 117.032, 35.02);
    const twoParts: MultiPolygon = { type: "MultiPolygon", coordinates: [[big], [small]] };
    const { parts, metrics } = partitionBalanced(twoParts, { count: 4, seed: 1 });
    expect(parts).toHaveLength(4);
    expectTiling(twoParts, parts);
    const part = holding(parts, [117.031, 35.019]);
    expect(parts[part]?.type).toBe("MultiPolygon");
    // The big part's north-east corner is the nearest shore.
    expect(holding(parts, [117.0195, 35.0195])).toBe(part);
    expect(metrics.cv).toBeLessThan(0.02);
  });

  it("keeps a community's hole out of every grid", () => {
    const withHole = polygon([
      box(117.0, 35.0, 117.02, 35.02),
      ring([117.008, 35.008], [117.008, 35.012], [117.012, 35.012], [117.012, 35.008]),
    ]).geometry;
    const { parts, metrics } = partitionBalanced(withHole, { count: 4, seed: 1 });
    expect(parts).toHaveLength(4);
    expectTiling(withHole, parts);
    expect(holding(parts, [117.01, 35.01])).toBe(-1);
    expect(metrics.cv).toBeLessThan(0.01);
  });
});
