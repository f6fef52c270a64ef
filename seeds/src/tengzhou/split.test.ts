import { area } from "@turf/turf";
import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { LocalFrame } from "./local-frame.ts";
import { splitByShare } from "./split.ts";

const frame = new LocalFrame([117.16, 35.08]);
const square: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [0, 0],
      [800, 0],
      [800, 800],
      [0, 800],
      [0, 0],
    ].map((p) => frame.toLonLat(p)),
  ],
};

describe("splitByShare", () => {
  it("gives the part north of an east–west cut the wanted share of the area", () => {
    const [north, south] = splitByShare(square, { angle: 0, kink: 40, share: 0.6 }, frame);
    expect(area(north) / area(square)).toBeCloseTo(0.6, 6);
    expect(area(north) + area(south)).toBeCloseTo(area(square), 0);
    expect(frame.toMetres(north.coordinates[0]?.[0] ?? [])[1]).toBeGreaterThan(200);
  });

  it("puts the west part on the left of a northward cut", () => {
    const [west, east] = splitByShare(
      square,
      { angle: Math.PI / 2, kink: -30, share: 0.25 },
      frame,
    );
    const westmost = (shape: Polygon) =>
      Math.min(...(shape.coordinates[0] ?? []).map((p) => p[0] ?? 0));
    expect(area(west) / area(square)).toBeCloseTo(0.25, 6);
    expect(westmost(west)).toBeLessThan(westmost(east));
  });

  it("cuts both parts from the same line, so their shared vertices are identical", () => {
    const [north, south] = splitByShare(square, { angle: 0, kink: 40, share: 0.5 }, frame);
    const key = (p: number[]) => p.join(",");
    const southVertices = new Set((south.coordinates[0] ?? []).map(key));
    const shared = (north.coordinates[0] ?? []).filter((p) => southVertices.has(key(p)));
    expect(new Set(shared.map(key)).size).toBe(3); // the cut's two ends and its kink
  });
});
