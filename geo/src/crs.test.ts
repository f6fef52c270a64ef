import { describe, expect, it } from "vitest";
import { convertGeometry, convertPosition, toWgs84 } from "./crs.ts";

/** Metres between two nearby lon/lat positions. */
function metres(a: [number, number], b: [number, number]) {
  const k = 111_320;
  return Math.hypot((a[0] - b[0]) * k * Math.cos((a[1] * Math.PI) / 180), (a[1] - b[1]) * k);
}

describe("coordinate systems", () => {
  // Tiananmen: WGS84 116.391275,39.907275 ↔ GCJ-02 116.397511,39.908686, a pair widely published
  // with Amap's coordinate converter; gcoord's own tests use pairs of the same kind.
  // The published pair is rounded to 6 decimals and differs from gcoord by about 1.2 m: 2 m bound.
  it("moves a WGS84 position to GCJ-02 as Amap does (within 2 m)", () => {
    expect(
      metres(convertPosition([116.391275, 39.907275], "wgs84", "gcj02"), [116.397511, 39.908686]),
    ).toBeLessThan(2);
  });

  it("brings GCJ-02 and BD-09 positions back to WGS84 within a metre", () => {
    const wgs: [number, number] = [117.1612, 35.0821];
    for (const system of ["gcj02", "bd09"] as const) {
      const there = convertPosition(wgs, "wgs84", system);
      expect(metres(there, wgs)).toBeGreaterThan(100);
      expect(metres(convertPosition(there, system, "wgs84"), wgs)).toBeLessThan(1);
    }
  });

  it("treats CGCS2000 as WGS84", () => {
    expect(convertPosition([117.1, 35.1], "cgcs2000", "wgs84")).toEqual([117.1, 35.1]);
  });

  it("converts every position of a polygon and keeps its shape", () => {
    const ring = [
      [117.16, 35.08],
      [117.17, 35.08],
      [117.17, 35.09],
      [117.16, 35.08],
    ];
    const gcj = convertGeometry({ type: "Polygon", coordinates: [ring] }, "wgs84", "gcj02");
    const back = toWgs84(gcj, "gcj02");
    back.coordinates[0]?.forEach((p, i) => {
      expect(metres(p as [number, number], ring[i] as [number, number])).toBeLessThan(1);
    });
  });
});
