// Snapping the pointer, while drawing, onto the community boundary and the neighbouring grids,
// so shared borders line up; measured in screen pixels, so it feels the same at every zoom.
import type { Position } from "geojson";

export interface ScreenPoint {
  x: number;
  y: number;
}

export type Project = (lng: number, lat: number) => ScreenPoint;

export interface SnapReach {
  /** A vertex this close (px) to the pointer is taken as it is: corners meet exactly. */
  vertexPx: number;
  /** Otherwise the nearest point of an edge this close (px). */
  edgePx: number;
}

const defaultReach: SnapReach = { vertexPx: 12, edgePx: 9 };

/**
 * The position the pointer should snap to among `rings` (lon/lat), or undefined when none is
 * within reach: the nearest vertex first, then the nearest point on an edge.
 *
 * @example snapPosition({ x: 101, y: 99 }, [[[117, 35], …]], map.project) // → [117, 35]
 */
export function snapPosition(
  pointer: ScreenPoint,
  rings: readonly Position[][],
  project: Project,
  reach: SnapReach = defaultReach,
): Position | undefined {
  const screenRings = rings.map((ring) =>
    ring.map((position) => ({ position, ...project(position[0] ?? 0, position[1] ?? 0) })),
  );
  let best: Position | undefined;
  let bestDistance = reach.vertexPx;
  for (const ring of screenRings) {
    for (const vertex of ring) {
      const distance = Math.hypot(vertex.x - pointer.x, vertex.y - pointer.y);
      if (distance <= bestDistance) [best, bestDistance] = [vertex.position, distance];
    }
  }
  if (best) return best;
  bestDistance = reach.edgePx;
  for (const ring of screenRings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i];
      const b = ring[i + 1];
      if (!a || !b) continue;
      const [dx, dy] = [b.x - a.x, b.y - a.y];
      const length2 = dx * dx + dy * dy;
      if (length2 === 0) continue;
      const t = Math.max(
        0,
        Math.min(1, ((pointer.x - a.x) * dx + (pointer.y - a.y) * dy) / length2),
      );
      const distance = Math.hypot(a.x + dx * t - pointer.x, a.y + dy * t - pointer.y);
      if (distance > bestDistance) continue;
      bestDistance = distance;
      best = [0, 1].map(
        (k) => (a.position[k] ?? 0) + ((b.position[k] ?? 0) - (a.position[k] ?? 0)) * t,
      );
    }
  }
  return best;
}
