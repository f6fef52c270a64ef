import type { MultiPolygon, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { checkDraft, checkMerge, checkSplit } from "./checks.ts";

const box = (w: number, s: number, e: number, n: number): Polygon => ({
  type: "Polygon",
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});
const multi = (polygon: Polygon): MultiPolygon => ({
  type: "MultiPolygon",
  coordinates: [polygon.coordinates],
});

const community = box(117, 35, 117.01, 35.01);
const west = { id: 1, code: "370481002003001", geometry: box(117, 35, 117.005, 35.01) };

describe("checkDraft", () => {
  it("accepts a grid that fills the rest of the community, leaving no gap", () => {
    const check = checkDraft(multi(box(117.005, 35, 117.01, 35.01)), community, [west]);
    expect(check.problems).toEqual([]);
    expect(check.gaps.gapPercent).toBeLessThan(0.001);
  });

  it("names the sibling a draft overlaps, with the overlap's area and shape", () => {
    const check = checkDraft(multi(box(117.004, 35, 117.01, 35.01)), community, [west]);
    expect(check.problems.map((p) => p.key)).toEqual(["grid.overlapsSibling"]);
    expect(check.problems[0]?.params?.sibling).toBe("370481002003001");
    expect(check.problems[0]?.area).toBeGreaterThan(0);
    expect(check.problems[0]?.geometry).toBeDefined();
  });

  it("marks where a drawn polygon crosses itself", () => {
    const bowtie: MultiPolygon = {
      type: "MultiPolygon",
      coordinates: [
        [
          [
            [117.006, 35.001],
            [117.009, 35.004],
            [117.009, 35.001],
            [117.006, 35.004],
            [117.006, 35.001],
          ],
        ],
      ],
    };
    const check = checkDraft(bowtie, community, [west]);
    expect(check.problems[0]?.key).toBe("grid.selfIntersection");
    expect(check.problems[0]?.at?.[0]).toBeCloseTo(117.0075, 6);
    // the invalid draft is left out of the coverage: the east half is still a gap
    expect(check.gaps.gapPercent).toBeCloseTo(50, 0);
  });

  it("reports the part outside the community", () => {
    const check = checkDraft(multi(box(117.005, 35, 117.012, 35.01)), community, [west]);
    expect(check.problems.map((p) => p.key)).toEqual(["grid.outsideCommunity"]);
  });
});

describe("checkSplit and checkMerge", () => {
  it("cuts a grid in two along a line across it", () => {
    const line = {
      type: "LineString" as const,
      coordinates: [
        [117.0025, 34.999],
        [117.0025, 35.011],
      ],
    };
    const check = checkSplit(west.geometry, line);
    expect(check.ok && check.pieces.length).toBe(2);
  });

  it("refuses a line that does not cross the grid", () => {
    const line = {
      type: "LineString" as const,
      coordinates: [
        [117.001, 35.001],
        [117.002, 35.002],
      ],
    };
    const check = checkSplit(west.geometry, line);
    expect(!check.ok && check.problems[0]?.key).toBe("grid.splitLineMustCross");
  });

  it("merges neighbours but not grids apart", () => {
    expect(checkMerge(west.geometry, box(117.005, 35, 117.01, 35.01)).ok).toBe(true);
    const apart = checkMerge(west.geometry, box(117.007, 35, 117.01, 35.01));
    expect(!apart.ok && apart.problems[0]?.key).toBe("grid.mergeNotAdjacent");
  });
});
