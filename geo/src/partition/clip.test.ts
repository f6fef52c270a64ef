import { describe, expect, it } from "vitest";
import { type Corner, clip, OUTLINE, type Piece, prepareForCuts, wellInside } from "./clip.ts";
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

  it("cuts a piece prepared for many cuts exactly as it cuts the same piece unprepared", () => {
    // A jagged star of 997 corners (runs of 16 do not divide it), cut by lines through it,
    // beside it, along its corners, and on every side.
    const star = (corners: number) =>
      Array.from({ length: corners }, (_, i): [number, number] => {
        const angle = (2 * Math.PI * i) / corners;
        const radius = 100 * (1 + 0.3 * Math.sin(7 * angle) + (i % 5 === 0 ? 0.2 : 0));
        return [Math.round(radius * Math.cos(angle)), Math.round(radius * Math.sin(angle))];
      });
    const plain = piece(
      star(997),
      star(61).map(([x, y]): [number, number] => [x / 5, -y / 5]),
    );
    const prepared = prepareForCuts(
      piece(...plain.rings.map((ring) => ring.map((p): [number, number] => [p.x, p.y]))),
    );
    const cuts = [
      leftOf(0),
      leftOf(50),
      leftOf(-200),
      leftOf(200),
      below(13),
      { nx: 1, ny: 1, c: 0, id: 3 },
      { nx: -2, ny: 1, c: 40, id: 4 },
      { nx: 0.3, ny: -1, c: -95, id: 5 },
    ];
    const shape = (pieces: Piece[]) =>
      pieces.map((p) => p.rings.map((ring) => ring.map((c) => [c.x, c.y, c.edge])));
    for (const cut of cuts)
      expect(shape(clip(prepared, cut)), JSON.stringify(cut)).toEqual(shape(clip(plain, cut)));
    // and the pieces that come out are cut the same way again
    for (const cut of cuts.slice(1)) {
      const [first, second] = [clip(prepared, cuts[0]!), clip(plain, cuts[0]!)];
      expect(shape(first.flatMap((p) => clip(p, cut)))).toEqual(
        shape(second.flatMap((p) => clip(p, cut))),
      );
    }
  });
});

describe("wellInside", () => {
  // A ring of 400 corners around (0, 0), radius 100, with a square hole of side 20 at (40, 0).
  const circle = Array.from({ length: 400 }, (_, i): [number, number] => [
    100 * Math.cos((2 * Math.PI * i) / 400),
    100 * Math.sin((2 * Math.PI * i) / 400),
  ]);
  const hole: [number, number][] = [
    [30, -10],
    [30, 10],
    [50, 10],
    [50, -10],
  ];
  const small = (x: number, y: number) =>
    piece([
      [x - 3, y - 3],
      [x + 3, y - 3],
      [x + 3, y + 3],
      [x - 3, y + 3],
    ]).rings[0] as Corner[];

  it("finds a small ring inside a prepared piece, away from its outline and its holes", () => {
    const prepared = prepareForCuts(piece(circle, hole));
    expect(wellInside(prepared, small(-40, 0))).toBe(true);
    expect(wellInside(prepared, small(0, 60))).toBe(true);
    // outside, across the outline, inside the hole, across the hole's edge
    expect(wellInside(prepared, small(150, 0))).toBe(false);
    expect(wellInside(prepared, small(99, 0))).toBe(false);
    expect(wellInside(prepared, small(40, 0))).toBe(false);
    expect(wellInside(prepared, small(30, 0))).toBe(false);
  });

  it("says no for a piece not prepared for cuts", () => {
    expect(wellInside(piece(circle), small(-40, 0))).toBe(false);
  });
});
