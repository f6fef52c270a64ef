import { describe, expect, it } from "vitest";
import { type Corner, clip, OUTLINE, type Piece } from "./clip.ts";
import { measure } from "./measure.ts";

const piece = (...rings: [number, number][][]): Piece => ({
  rings: rings.map((ring) => ring.map(([x, y]): Corner => ({ x, y, edge: OUTLINE }))),
});
const areaOf = (pieces: Piece[]) => pieces.reduce((sum, p) => sum + measure(p, 0).area, 0);
/** Keeps x < c. */
const leftOf = (c: number) => ({ nx: 1, ny: 0, c, id: 7 });
/** Keeps y < c. */
const below = (c: number) => ({ nx: 0, ny: 1, c, id: 7 });

const square = piece([
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
]);
const u = piece([
  [0, 0],
  [30, 0],
  [30, 30],
  [20, 30],
  [20, 10],
  [10, 10],
  [10, 30],
  [0, 30],
]);

describe("clip", () => {
  it("keeps the side of the line it is asked for", () => {
    const pieces = clip(square, leftOf(4));
    expect(pieces).toHaveLength(1);
    expect(areaOf(pieces)).toBeCloseTo(40, 9);
  });

  it("labels the new edge with the cut's id, for the border lengths", () => {
    const [left] = clip(square, leftOf(4));
    expect(measure(left!, 0).shared.get(7)).toBeCloseTo(10, 9);
  });

  it("returns both arms of a U cut across them as separate pieces", () => {
    const pieces = clip(u, below(-20 + 40));
    expect(pieces).toHaveLength(1);
    const arms = clip(u, { nx: 0, ny: -1, c: -20, id: 1 });
    expect(arms).toHaveLength(2);
    expect(areaOf(arms)).toBeCloseTo(200, 9);
  });

  it("handles a corner lying exactly on the line", () => {
    const diamond = piece([
      [5, 0],
      [10, 5],
      [5, 10],
      [0, 5],
    ]);
    expect(areaOf(clip(diamond, leftOf(5)))).toBeCloseTo(25, 9);
    // The U's inner corners touch y = 10: the base stays one piece.
    expect(clip(u, below(10))).toHaveLength(1);
    expect(areaOf(clip(u, below(10)))).toBeCloseTo(300, 9);
  });

  it("keeps a hole that the line misses, and opens one that it crosses", () => {
    const holed = piece(
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
      ],
      [
        [2, 2],
        [2, 4],
        [4, 4],
        [4, 2],
      ],
    );
    const [kept] = clip(holed, leftOf(8));
    expect(kept?.rings).toHaveLength(2);
    expect(areaOf(clip(holed, leftOf(8)))).toBeCloseTo(76, 9);
    const opened = clip(holed, leftOf(3));
    expect(opened[0]?.rings).toHaveLength(1);
    expect(areaOf(opened)).toBeCloseTo(28, 9);
  });
});
