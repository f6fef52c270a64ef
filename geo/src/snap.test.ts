import { polygon } from "@turf/turf";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { coverageGaps } from "./coverage-gaps.ts";
import { checkGridInCommunity } from "./grid-fit.ts";
import { snapToNeighbours } from "./snap.ts";

const ring = (...positions: Position[]) => [...positions, positions[0] as Position];
const community = polygon([
  ring([117.0, 35.0], [117.01, 35.0], [117.01, 35.01], [117.0, 35.01]),
]).geometry;
// The west grid's east edge bends 18 m east halfway, with a slight kink (2 m) on the way north.
const west = polygon([
  ring(
    [117.0, 35.0],
    [117.005, 35.0],
    [117.0052, 35.005],
    [117.00508, 35.0075],
    [117.005, 35.01],
    [117.0, 35.01],
  ),
]).geometry;
const asMulti = (p: Polygon): MultiPolygon => ({
  type: "MultiPolygon",
  coordinates: [p.coordinates],
});

// Drawn by hand: every corner 1–2 m off (1e-5° ≈ 0.9 m east–west, 1.1 m north–south), the
// bend followed by one vertex, and the 2 m kink not drawn at all.
const drawn = polygon([
  ring(
    [117.00501, 34.99999],
    [117.01002, 35.00001],
    [117.00999, 35.01002],
    [117.00498, 35.01001],
    [117.00521, 35.00499],
  ),
]).geometry;

describe("snapToNeighbours", () => {
  it("closes the gaps and overlaps of a grid drawn 1–2 m off its neighbour and community", () => {
    expect(
      checkGridInCommunity(asMulti(drawn), community, [{ id: 1, geometry: west }]),
    ).not.toEqual([]);
    const snapped = snapToNeighbours(drawn, community, [west]);
    expect(checkGridInCommunity(snapped, community, [{ id: 1, geometry: west }])).toEqual([]);
    expect(coverageGaps(community, [west, snapped]).problems).toEqual([]);
  });

  it("puts corners exactly on the neighbour's vertices", () => {
    const snapped = snapToNeighbours(drawn, community, [west]);
    const corners = snapped.coordinates.flat(2).map((p) => p.join());
    for (const corner of ["117.005,35", "117.0052,35.005", "117.00508,35.0075", "117.005,35.01"]) {
      expect(corners).toContain(corner);
    }
  });

  it("leaves vertices farther than the tolerance where they are", () => {
    const far = polygon([
      ring([117.0055, 35.002], [117.008, 35.002], [117.008, 35.008], [117.0055, 35.008]),
    ]).geometry;
    expect(snapToNeighbours(far, community, [west]).coordinates).toEqual([far.coordinates]);
  });

  it("clips what lies beyond the community", () => {
    const spilling = polygon([
      ring([117.008, 35.008], [117.012, 35.008], [117.012, 35.012], [117.008, 35.012]),
    ]).geometry;
    const snapped = snapToNeighbours(spilling, community, [west]);
    expect(checkGridInCommunity(snapped, community, [])).toEqual([]);
  });
});
