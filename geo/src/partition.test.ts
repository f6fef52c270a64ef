import { readFileSync } from "node:fs";
import { area, booleanValid, kinks, point, polygon } from "@turf/turf";
import type { FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { readFixture } from "../test/fixtures.ts";
import { coverageReport } from "./coverage.ts";
import { countForTargetArea, PartitionError, partitionBalanced } from "./partition.ts";

type Surface = Polygon | MultiPolygon;
const fixture = (name: string) =>
  readFixture<FeatureCollection<Surface>>(`in/partition/${name}.geojson`).features[0]!.geometry;
const tengzhou = (
  JSON.parse(
    readFileSync(new URL("../../seeds/data/tengzhou-370481.geojson", import.meta.url), "utf8"),
  ) as FeatureCollection<Polygon>
).features[0]!.geometry;
const ring = (...positions: Position[]) => [...positions, positions[0] as Position];
const square = polygon([
  ring([117.0, 35.0], [117.01, 35.0], [117.01, 35.01], [117.0, 35.01]),
]).geometry;

/**
 * Parts that are valid polygons and tile the area. What coverageReport still finds is rounding:
 * turf measures an edge straight in lon/lat a little differently once a cut splits it (0.1 m²
 * on a 1 km edge), so the bound is half the 1 m² a coordinator sees, or 1 ppb of a county.
 */
function expectTiling(area_: Surface, parts: Surface[], { islands = false } = {}) {
  const report = coverageReport(area_, parts);
  const limit = Math.max(area(area_) * 1e-9, 0.5);
  expect(report.gapArea).toBeLessThan(limit);
  expect(report.overlapArea).toBeLessThan(limit);
  expect(report.outsideArea).toBeLessThan(limit);
  for (const part of parts) {
    if (!islands) expect(part.type).toBe("Polygon");
    expect(booleanValid(part)).toBe(true);
    expect(kinks(part).features).toHaveLength(0);
    expect(area(part)).toBeGreaterThan(0);
  }
}

describe("partitionBalanced", () => {
  it("cuts the Tengzhou outline into 10 equal, compact parts that tile it", () => {
    const { parts, metrics } = partitionBalanced(tengzhou, { count: 10, seed: 1 });
    expect(parts).toHaveLength(10);
    expectTiling(tengzhou, parts);
    expect(metrics.cv).toBeLessThan(0.001);
    // The k-means + Voronoi baseline scores 0.652 here (tests/bench/partition.bench.ts).
    expect(metrics.polsbyPopper).toBeGreaterThan(0.669);
    // Under a second alone; the limit is for a loaded CI machine (speed is the bench's business).
  }, 30_000);

  it.each([
    ["fanyang", 5],
    ["guopengzhuang", 5],
    ["irregular", 10],
    ["irregular", 23],
  ])("tiles %s with %i parts of equal area", (name, count) => {
    const shape = fixture(name);
    const { parts, metrics } = partitionBalanced(shape, { count });
    expect(parts).toHaveLength(count);
    expectTiling(shape, parts);
    expect(metrics.cv).toBeLessThan(0.001);
    expect(metrics.polsbyPopper).toBeGreaterThan(0.7);
  });

  it("gives the same parts for the same seed", () => {
    const shape = fixture("irregular");
    expect(partitionBalanced(shape, { count: 6, seed: 7 }).parts).toEqual(
      partitionBalanced(shape, { count: 6, seed: 7 }).parts,
    );
  });

  it("balances point weights instead of area when given them", () => {
    // Households crowd the south-west corner: equal areas would give one grid most of them.
    const lattice = (step: number, across: number) =>
      Array.from({ length: across * across }, (_, i) =>
        point([117.0 + step * (0.5 + (i % across)), 35.0 + step * (0.5 + Math.floor(i / across))], {
          weight: 1,
        }),
      );
    const weights = [...lattice(0.00015, 20), ...lattice(0.0007, 14)];
    const { parts, metrics } = partitionBalanced(square, { count: 4, weights });
    expectTiling(square, parts);
    expect(metrics.cv).toBeLessThan(0.05);
  });

  it("keeps a hole a hole", () => {
    const yard = polygon([
      ring([117.004, 35.004], [117.004, 35.006], [117.006, 35.006], [117.006, 35.004]),
    ]);
    const holed: Polygon = {
      type: "Polygon",
      coordinates: [square.coordinates[0]!, yard.geometry.coordinates[0]!],
    };
    const { parts } = partitionBalanced(holed, { count: 4 });
    expectTiling(holed, parts);
  });

  it("keeps every part in one piece on a concave U shape", () => {
    const u = polygon([
      ring(
        [117.0, 35.0],
        [117.01, 35.0],
        [117.01, 35.01],
        [117.008, 35.01],
        [117.008, 35.002],
        [117.002, 35.002],
        [117.002, 35.01],
        [117.0, 35.01],
      ),
    ]).geometry;
    for (const count of [2, 3, 5, 8]) expectTiling(u, partitionBalanced(u, { count }).parts);
  });

  it("shares the parts out over a MultiPolygon's pieces in proportion to their areas", () => {
    const small = polygon([
      ring([117.02, 35.0], [117.025, 35.0], [117.025, 35.01], [117.02, 35.01]),
    ]).geometry;
    const multi: MultiPolygon = {
      type: "MultiPolygon",
      coordinates: [square.coordinates, small.coordinates],
    };
    const { parts } = partitionBalanced(multi, { count: 3 });
    expectTiling(multi, parts);
    expect(parts.map((p) => Math.round(area(p) / 1e4))).toEqual(
      Array(3).fill(Math.round(area(small) / 1e4)),
    );
  });

  it("reports its progress as it goes, rising to the total", () => {
    const seen: { done: number; total: number }[] = [];
    partitionBalanced(fixture("irregular"), { count: 6, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(10);
    const done = seen.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(seen.at(-1)?.done).toBe(seen.at(-1)?.total);
  });

  it("returns the area itself for one part", () => {
    const { parts } = partitionBalanced(square, { count: 1 });
    expect(parts).toHaveLength(1);
    expectTiling(square, parts);
  });

  it("refuses a count that is not a whole number from 1 to 300", () => {
    for (const count of [0, 1.5, 301]) {
      expect(() => partitionBalanced(square, { count })).toThrow(PartitionError);
    }
  });

  it("makes one grid of both parts of a two-part community when asked for one", () => {
    const two: MultiPolygon = {
      type: "MultiPolygon",
      coordinates: [square.coordinates, [ring([118, 35], [118.01, 35], [118.01, 35.01])]],
    };
    const { parts } = partitionBalanced(two, { count: 1 });
    expect(parts).toHaveLength(1);
    expect(parts[0]?.type).toBe("MultiPolygon");
    expectTiling(two, parts, { islands: true });
  });
});

describe("countForTargetArea", () => {
  it("rounds the area over the target, at least one", () => {
    expect(countForTargetArea(square, area(square) / 4.2)).toBe(4);
    expect(countForTargetArea(square, area(square) * 10)).toBe(1);
  });
});
