// Merging two neighbouring grids into one.
import { bbox, feature, featureCollection, union } from "@turf/turf";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { LocalPlane } from "./local-plane.ts";
import { gridProblem, type Problem } from "./problem.ts";
import { MERGE_MIN_SHARED_M, MERGE_SLACK_M } from "./restructure-rules.ts";

type Surface = Polygon | MultiPolygon;

export type MergeResult = { ok: true; geometry: MultiPolygon } | { ok: false; problems: Problem[] };

/**
 * The union of grids `a` and `b` as a MultiPolygon, if they are adjacent: their borders share a
 * stretch of positive length (touching at a corner is not enough). Otherwise the problem
 * "grid.mergeNotAdjacent". Grids made by split, partition or snap share exact edges, so the
 * union comes out as a single polygon.
 *
 * @example mergeGrids(gridA, gridB) // → { ok: true, geometry: { type: "MultiPolygon", … } }
 */
export function mergeGrids(a: Surface, b: Surface): MergeResult {
  if (sharedBorder(a, b) < MERGE_MIN_SHARED_M) {
    return { ok: false, problems: [gridProblem("grid.mergeNotAdjacent")] };
  }
  const merged = union(featureCollection<Surface>([feature(a), feature(b)]));
  if (!merged) return { ok: false, problems: [gridProblem("grid.mergeNotAdjacent")] };
  const { geometry } = merged;
  return {
    ok: true,
    geometry:
      geometry.type === "Polygon"
        ? { type: "MultiPolygon", coordinates: [geometry.coordinates] }
        : geometry,
  };
}

/** Length (m) of the borders that a and b run along together. */
export function sharedBorder(a: Surface, b: Surface): number {
  const plane = LocalPlane.around(bbox(a));
  const edgesOf = (s: Surface) =>
    (s.type === "Polygon" ? [s.coordinates] : s.coordinates)
      .flat()
      .flatMap((ring) =>
        ring.slice(0, -1).map((p, i) => [plane.toPlane(p), plane.toPlane(ring[i + 1] as Position)]),
      );
  const edgesB = edgesOf(b);
  let shared = 0;
  for (const [p, q] of edgesOf(a)) {
    for (const [r, s] of edgesB)
      shared += overlapLength(p as number[], q as number[], r as number[], s as number[]);
  }
  return shared;
}

/** How long segments p→q and r→s run together: both ends of r→s on p→q's line, then the overlap. */
function overlapLength(p: number[], q: number[], r: number[], s: number[]): number {
  const [px = 0, py = 0, qx = 0, qy = 0] = [...p, ...q];
  const length = Math.hypot(qx - px, qy - py);
  if (length === 0) return 0;
  const [ux, uy] = [(qx - px) / length, (qy - py) / length];
  const offset = (x = 0, y = 0) => Math.abs((x - px) * uy - (y - py) * ux);
  if (offset(r[0], r[1]) > MERGE_SLACK_M || offset(s[0], s[1]) > MERGE_SLACK_M) return 0;
  const along = (x = 0, y = 0) => (x - px) * ux + (y - py) * uy;
  const [from, to] = [along(r[0], r[1]), along(s[0], s[1])].sort((m, n) => m - n) as [
    number,
    number,
  ];
  return Math.max(0, Math.min(length, to) - Math.max(0, from));
}
