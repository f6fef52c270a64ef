import { describe, expect, it } from "vitest";
import { snapPosition } from "./snap.ts";

// A flat "projection": one degree is 1000 px, y grows downward like the screen's.
const project = (lng: number, lat: number) => ({ x: lng * 1000, y: -lat * 1000 });
const square = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
];

describe("snapPosition", () => {
  it("takes a neighbour's vertex exactly when the pointer is near it", () => {
    expect(snapPosition({ x: 1005, y: -3 }, [square], project)).toEqual([1, 0]);
  });

  it("falls back to the nearest point of an edge", () => {
    expect(snapPosition({ x: 500, y: 6 }, [square], project)).toEqual([0.5, 0]);
  });

  it("leaves the pointer alone when nothing is within reach", () => {
    expect(snapPosition({ x: 500, y: -500 }, [square], project)).toBeUndefined();
  });

  it("prefers a vertex to a nearer edge", () => {
    expect(snapPosition({ x: 1008, y: -2 }, [square], project)).toEqual([1, 0]);
  });
});
