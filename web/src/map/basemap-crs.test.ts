import { describe, expect, it } from "vitest";
import { fromMapPosition, toMapFeatures, toMapPosition } from "./basemap-crs.ts";

// eviltransform's Beijing pair (WGS84 → GCJ-02), also in geo's reference test.
const wgs: [number, number] = [116.377817, 39.911954];
const gcj: [number, number] = [116.38404722455657, 39.91334545536069];

describe("placing WGS84 positions on a basemap", () => {
  it("leaves them as they are on a WGS84 basemap", () => {
    expect(toMapPosition(wgs, "wgs84")).toEqual(wgs);
  });

  it("shifts them into GCJ-02 on an Amap-style basemap, and a dragged marker back", () => {
    const [lon, lat] = toMapPosition(wgs, "gcj02");
    expect(lon).toBeCloseTo(gcj[0], 6);
    expect(lat).toBeCloseTo(gcj[1], 6);
    const [backLon, backLat] = fromMapPosition([lon, lat], "gcj02");
    expect(backLon).toBeCloseTo(wgs[0], 5);
    expect(backLat).toBeCloseTo(wgs[1], 5);
  });

  it("shifts every feature of a collection, tracks included", () => {
    const moved = toMapFeatures(
      {
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            properties: {},
            geometry: { type: "LineString", coordinates: [wgs, wgs] },
          },
        ],
      },
      "gcj02",
    );
    const line = moved.features[0]?.geometry;
    expect(line?.type === "LineString" && line.coordinates[1]?.[0]).toBeCloseTo(gcj[0], 6);
  });
});
