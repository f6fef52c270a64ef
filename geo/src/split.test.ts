import { area, booleanValid, kinks } from "@turf/turf";
import type { Feature, FeatureCollection, LineString, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { expectedOutput, fixtureNames, readFixture } from "../test/fixtures.ts";
import { coverageReport } from "./coverage.ts";
import { splitGrid } from "./split.ts";

function readCase(name: string) {
  const input = readFixture<FeatureCollection>(`in/split/${name}.geojson`);
  const [grid, line] = input.features as [Feature<Polygon>, Feature<LineString>];
  return { grid: grid.geometry, line: line.geometry };
}

describe("splitGrid on the fixtures in test/fixtures/in/split", () => {
  it.each(fixtureNames("split"))("%s: pieces tile the grid exactly", (name) => {
    const { grid, line } = readCase(name);
    const result = splitGrid(grid, line);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const total = result.pieces.reduce((sum, piece) => sum + area(piece), 0);
    expect(Math.abs(total - area(grid)) / area(grid)).toBeLessThan(1e-6);
    const report = coverageReport(grid, result.pieces);
    expect(report.overlapArea).toBeLessThan(1e-3);
    expect(report.gapArea).toBeLessThan(1e-3);
    for (const piece of result.pieces) {
      expect(booleanValid(piece)).toBe(true);
      expect(kinks(piece).features).toHaveLength(0);
    }
    const output: FeatureCollection = {
      type: "FeatureCollection",
      features: result.pieces.map((geometry, i) => ({
        type: "Feature",
        properties: { piece: i + 1 },
        geometry,
      })),
    };
    expect(output).toEqual(expectedOutput(`split/${name}.geojson`, output));
  });
});

describe("splitGrid", () => {
  const { grid } = readCase("straight-cut");

  it("cuts a square in two along a straight line", () => {
    const { line } = readCase("straight-cut");
    const result = splitGrid(grid, line);
    expect(result.ok && result.pieces.length).toBe(2);
  });

  it("makes three pieces of a zigzag that crosses four times", () => {
    const { grid: square, line } = readCase("zigzag-three-pieces");
    const result = splitGrid(square, line);
    expect(result.ok && result.pieces.length).toBe(3);
  });

  it("keeps a courtyard the cut does not touch as a hole", () => {
    const { grid: yard, line } = readCase("around-hole");
    const result = splitGrid(yard, line);
    if (!result.ok) throw new Error("expected a split");
    expect(result.pieces.map((piece) => piece.coordinates.length).sort()).toEqual([1, 2]);
  });

  it("refuses a line that ends inside the grid", () => {
    const line: LineString = {
      type: "LineString",
      coordinates: [
        [117.159, 35.085],
        [117.165, 35.085],
      ],
    };
    const result = splitGrid(grid, line);
    expect(result).toMatchObject({
      ok: false,
      problems: [{ code: "split_line_must_cross", params: { crossings: 1 } }],
    });
  });

  it("refuses a line that misses the grid", () => {
    const line: LineString = {
      type: "LineString",
      coordinates: [
        [117.2, 35.2],
        [117.3, 35.3],
      ],
    };
    expect(splitGrid(grid, line)).toMatchObject({
      ok: false,
      problems: [{ key: "grid.splitLineMustCross" }],
    });
  });

  it("refuses a line of one point", () => {
    const line = { type: "LineString", coordinates: [[117.165, 35.085]] } as LineString;
    expect(splitGrid(grid, line)).toMatchObject({
      ok: false,
      problems: [{ code: "split_line_invalid" }],
    });
  });
});
