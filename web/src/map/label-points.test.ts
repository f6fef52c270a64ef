import type { FeatureCollection, MultiPolygon } from "geojson";
import { describe, expect, it } from "vitest";
import { labelPoints, labelsAbove } from "./label-points.ts";

const square: FeatureCollection<MultiPolygon, { code: string }> = {
  type: "FeatureCollection",
  features: [
    {
      type: "Feature",
      id: 4,
      properties: { code: "370481001001001" },
      geometry: {
        type: "MultiPolygon",
        coordinates: [
          [
            [
              [117.1, 35.0],
              [117.2, 35.0],
              [117.2, 35.1],
              [117.1, 35.1],
              [117.1, 35.0],
            ],
          ],
        ],
      },
    },
  ],
};

describe("labelPoints", () => {
  it("anchors a grid's label inside it and keeps its id and code", () => {
    const [anchor] = labelPoints(square).features;
    expect(anchor?.id).toBe(4);
    expect(anchor?.properties.code).toBe("370481001001001");
    const [lon = 0, lat = 0] = anchor?.geometry.coordinates ?? [];
    expect(lon).toBeCloseTo(117.15, 6);
    expect(lat).toBeCloseTo(35.05, 6);
  });
});

describe("labelsAbove", () => {
  it("anchors a community's name at the middle of its northern edge", () => {
    const [anchor] = labelsAbove(square).features;
    expect(anchor?.id).toBe(4);
    const [lon = 0, lat = 0] = anchor?.geometry.coordinates ?? [];
    expect(lon).toBeCloseTo(117.15, 6);
    expect(lat).toBeCloseTo(35.1, 6);
  });
});
