// Where a polygon's rings meet, judged as OGC (and PostGIS ST_IsValid) judge it.
import type { Position } from "geojson";
import { gridProblem, type Problem } from "./problem.ts";

/** ~0.01 mm: a meeting point computed from two segments lands this close to the corner it is. */
const TOLERANCE = 1e-10;

/**
 * Judges the points where a polygon's rings meet (`meetings`, e.g. turf kinks). A ring may touch
 * another ring at a single point, provided the touches never close a loop of rings (two touches
 * of the same pair, or a chain back to the first, cut the interior in pieces); a ring may never
 * pass through one point twice, and rings may never cross.
 *
 * @example ringTouchProblems([shell, holeTouchingShellOnce], [touchPoint]) // → []
 */
export function ringTouchProblems(rings: Position[][], meetings: [number, number][]): Problem[] {
  const group = rings.map((_, r) => r);
  const root = (r: number): number => (group[r] === r ? r : root(group[r] ?? r));
  const problems: Problem[] = [];
  for (const at of meetings) {
    const passes = rings.map((ring) => passesThrough(ring, at));
    const touching = passes.flatMap((count, r) => (count > 0 ? [r] : []));
    const atCorner = touching.some((r) => rings[r]?.some((p) => near(p, at)));
    if (passes.some((count) => count > 1) || touching.length < 2 || !atCorner) {
      problems.push(gridProblem("grid.selfIntersection", { at }));
      continue;
    }
    const [first, ...others] = touching.map(root);
    if (others.some((r) => r === first)) {
      problems.push(gridProblem("grid.interiorDisconnected", { at }));
      continue;
    }
    for (const r of others) group[r] = first ?? r;
  }
  return problems;
}

/** How many times the ring goes through `at` (a corner counts once, not for both its sides). */
function passesThrough(ring: Position[], at: [number, number]): number {
  let count = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    if (!near(b, at) && onSegment(a, b, at)) count++;
  }
  return count;
}

function near(p: Position, at: [number, number]): boolean {
  return Math.abs((p[0] ?? 0) - at[0]) <= TOLERANCE && Math.abs((p[1] ?? 0) - at[1]) <= TOLERANCE;
}

function onSegment(a: Position, b: Position, at: [number, number]): boolean {
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  if (near(a, at)) return true;
  const length = Math.hypot(bx - ax, by - ay);
  const offLine = Math.abs((bx - ax) * (at[1] - ay) - (by - ay) * (at[0] - ax)) / length;
  const along = ((at[0] - ax) * (bx - ax) + (at[1] - ay) * (by - ay)) / (length * length);
  return offLine <= TOLERANCE && along >= 0 && along <= 1;
}
