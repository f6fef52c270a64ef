import { area, polygon } from "@turf/turf";
import type { MultiPolygon, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { checkGridInCommunity } from "./grid-fit.ts";

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
const multi = (p: Polygon): MultiPolygon => ({
  type: "MultiPolygon",
  coordinates: [p.coordinates],
});

const community = box(117.0, 35.0, 117.01, 35.01);
const west = { id: 1, code: "370481002003001", geometry: box(117.0, 35.0, 117.005, 35.01) };

describe("checkGridInCommunity", () => {
  it("finds nothing wrong with a grid that fills the gap beside its sibling", () => {
    expect(
      checkGridInCommunity(multi(box(117.005, 35.0, 117.01, 35.01)), community, [west]),
    ).toEqual([]);
  });

  it("reports the part outside the community with its area and shape", () => {
    const spilling = multi(box(117.005, 35.0, 117.01, 35.012));
    const [problem, ...rest] = checkGridInCommunity(spilling, community, [west]);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: "outside_community", key: "grid.outsideCommunity" });
    expect(problem?.area).toBeCloseTo(area(box(117.005, 35.01, 117.01, 35.012)), -1);
    expect(problem?.geometry?.type).toMatch(/Polygon/);
  });

  it("reports the overlap with a sibling by its code", () => {
    const widened = multi(box(117.004, 35.0, 117.01, 35.01));
    const [problem] = checkGridInCommunity(widened, community, [west]);
    expect(problem).toMatchObject({
      code: "overlaps_sibling",
      params: { siblingId: 1, sibling: "370481002003001" },
    });
    expect(problem?.area).toBeCloseTo(area(box(117.004, 35.0, 117.005, 35.01)), -1);
  });

  it("falls back to the sibling's id when it has no code yet", () => {
    const widened = multi(box(117.004, 35.0, 117.01, 35.01));
    const [problem] = checkGridInCommunity(widened, community, [
      { id: "draft-2", geometry: west.geometry },
    ]);
    expect(problem?.params).toMatchObject({ sibling: "draft-2" });
  });

  it("ignores slivers below the tolerance", () => {
    // 1e-7° ≈ 1 cm wide along 1.1 km: about 10 m² over the border with the sibling.
    const sliver = multi(box(117.0049999, 35.0, 117.01, 35.01));
    expect(checkGridInCommunity(sliver, community, [west])).toHaveLength(1);
    expect(checkGridInCommunity(sliver, community, [west], { toleranceM2: 20 })).toEqual([]);
  });
});
