import type { GeoJSONStoreFeatures } from "terra-draw";
import { describe, expect, it } from "vitest";
import { draftOf } from "./draft.ts";

const polygon = (ring: number[][]): GeoJSONStoreFeatures => ({
  type: "Feature",
  id: "a",
  geometry: { type: "Polygon", coordinates: [ring] },
  properties: { mode: "polygon" },
});

describe("draftOf", () => {
  it("has no draft until a polygon has three corners", () => {
    const twoCorners = polygon([
      [117, 35],
      [117.001, 35],
      [117.001, 35],
      [117, 35],
    ]);
    expect(draftOf([twoCorners])).toBeNull();
  });

  it("collects the polygons, not the vertex handles, into one MultiPolygon", () => {
    const triangle = [
      [117, 35],
      [117.001, 35],
      [117.001, 35.001],
      [117, 35],
    ];
    const handle: GeoJSONStoreFeatures = {
      type: "Feature",
      id: "b",
      geometry: { type: "Point", coordinates: [117, 35] },
      properties: { mode: "select", selectionPoint: true },
    };
    expect(draftOf([polygon(triangle), handle])).toEqual({
      type: "MultiPolygon",
      coordinates: [[triangle]],
    });
  });
});
