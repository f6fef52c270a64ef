import { describe, expect, it } from "vitest";
import { convertPosition } from "./crs.ts";

/** Metres between two nearby lon/lat positions (equirectangular; exact enough under 1 km). */
function metres(a: [number, number], b: [number, number]) {
  const k = 111_320;
  return Math.hypot((a[0] - b[0]) * k * Math.cos((a[1] * Math.PI) / 180), (a[1] - b[1]) * k);
}

// Reference pairs from the test table of googollee/eviltransform (python/test.py), an independent
// implementation of the same published GCJ-02 and BD-09 formulas; positions are [lon, lat] here
// (that table lists latitude first).
const wgsToGcj: [string, [number, number], [number, number]][] = [
  ["Shanghai", [121.5272106, 31.1774276], [121.531541859215, 31.17530398364597]],
  ["Shenzhen", [113.912316, 22.543847], [113.9171764808363, 22.540796131694766]],
  ["Beijing", [116.377817, 39.911954], [116.38404722455657, 39.91334545536069]],
];
// BD-09 from the test table of wandergis/coordtransform (the same values appear in hutool's
// CoordinateUtilTest). eviltransform's own BD-09 pairs sit about 10 m away from both: Baidu's
// offset is not published, and implementations of it differ at that level.
const gcjToBd: [[number, number], [number, number]][] = [
  [
    [116.404, 39.915],
    [116.41036949371029, 39.92133699351021],
  ],
];
const bdToGcj: [[number, number], [number, number]][] = [
  [
    [116.404, 39.915],
    [116.39762729119315, 39.90865673957631],
  ],
];

describe("coordinate systems against reference pairs", () => {
  it.each(wgsToGcj)(
    "moves %s from WGS84 to GCJ-02 as the reference does (within 0.1 m)",
    (_, wgs, gcj) => {
      expect(metres(convertPosition(wgs, "wgs84", "gcj02"), gcj)).toBeLessThan(0.1);
    },
  );

  it.each(wgsToGcj)("brings %s back from GCJ-02 to WGS84 within 1 m", (_, wgs, gcj) => {
    expect(metres(convertPosition(gcj, "gcj02", "wgs84"), wgs)).toBeLessThan(1);
  });

  it.each(gcjToBd)("moves GCJ-02 %j to BD-09 as the reference does (within 0.1 m)", (gcj, bd) => {
    expect(metres(convertPosition(gcj, "gcj02", "bd09"), bd)).toBeLessThan(0.1);
  });

  it.each(bdToGcj)("moves BD-09 %j to GCJ-02 as the reference does (within 0.1 m)", (bd, gcj) => {
    expect(metres(convertPosition(bd, "bd09", "gcj02"), gcj)).toBeLessThan(0.1);
  });

  it("round-trips a Tengzhou position through BD-09 within 1 m", () => {
    const tengzhou: [number, number] = [117.165824, 35.114155];
    const there = convertPosition(tengzhou, "wgs84", "bd09");
    expect(metres(convertPosition(there, "bd09", "wgs84"), tengzhou)).toBeLessThan(1);
  });
});
