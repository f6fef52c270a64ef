import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { shareBorders } from "./topology.ts";

function ring(...corners: [number, number][]): Polygon {
  return { type: "Polygon", coordinates: [[...corners, corners[0] as [number, number]]] };
}

describe("shareBorders", () => {
  it("inserts a neighbour's vertex where it lies on an edge (a T-junction)", () => {
    // The west square's east edge meets the two east squares' shared corner at (1, 0.5).
    const west = ring([0, 0], [1, 0], [1, 1], [0, 1]);
    const eastLow = ring([1, 0], [2, 0], [2, 0.5], [1, 0.5]);
    const eastHigh = ring([1, 0.5], [2, 0.5], [2, 1], [1, 1]);
    const [shared] = shareBorders([west, eastLow, eastHigh]);
    expect(shared?.coordinates[0]).toEqual([
      [0, 0],
      [1, 0],
      [1, 0.5],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
  });

  it("snaps coordinates to 1e-7° and drops the repeats that leaves", () => {
    const [shared] = shareBorders([ring([0, 0], [1.00000001, 0], [1, 0], [1, 1])]);
    expect(shared?.coordinates[0]).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ]);
  });

  it("leaves vertices that are near but not on an edge alone", () => {
    const square = ring([0, 0], [1, 0], [1, 1], [0, 1]);
    const near = ring([1.001, 0.4], [2, 0.4], [2, 0.6], [1.001, 0.6]);
    expect(shareBorders([square, near])[0]).toEqual(square);
  });
});
