import { describe, expect, it } from "vitest";
import type { HexagonCollection } from "../../api/analytics.ts";
import { shadeHexagons } from "./shading.ts";

const hexagon = (id: number, count: number, pointsLost: number) => ({
  type: "Feature" as const,
  id,
  geometry: { type: "Polygon" as const, coordinates: [] },
  properties: { cell: id, count, pointsLost },
});

describe("shadeHexagons", () => {
  const collection: HexagonCollection = {
    type: "FeatureCollection",
    cellSize: 1000,
    count: 10,
    features: [hexagon(1, 9, 2), hexagon(2, 1, 8)],
  };

  it("puts the hottest hexagon at the top of the ramp, the others on a square-root scale", () => {
    const levels = shadeHexagons(collection, "count").features.map((f) => f.properties.level);
    expect(levels).toEqual([1, 1 / 3]);
  });

  it("shades by points lost when asked, and labels each hexagon with that value", () => {
    const shaded = shadeHexagons(collection, "pointsLost").features;
    expect(shaded.map((f) => f.properties.level)).toEqual([0.5, 1]);
    expect(shaded.map((f) => f.properties.label)).toEqual([2, 8]);
    expect(shaded[0]?.properties.cellSize).toBe(1000);
  });
});
