// Snapping a hand-drawn grid onto the community boundary and the neighbouring grids' edges.
import { bbox, feature, featureCollection, intersect } from "@turf/turf";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { LocalPlane } from "./local-plane.ts";

type Surface = Polygon | MultiPolygon;

interface Target {
  /** Exact lon/lat of a target vertex, kept so snapped vertices match it bit for bit. */
  position: Position;
  x: number;
  y: number;
}

/**
 * Moves the drawn grid onto the lines it was meant to follow, then clips it to the community.
 *
 * Within `toleranceMeters` of the community boundary or a neighbour's edge:
 * 1. a grid vertex near a target vertex takes that vertex's exact position (vertex-to-vertex
 *    first, so corners meet); otherwise it moves to the nearest point of the nearest edge;
 * 2. target vertices near a grid edge are inserted into it, so a straight drawn edge follows a
 *    neighbour's bent one instead of cutting across the bend.
 * Together these leave no sliver gaps or overlaps along shared borders (the idea of JTS's
 * GeometrySnapper). Clipping to the community then removes whatever still lies outside.
 *
 * @example snapToNeighbours(drawn, community, siblings.map((s) => s.geometry), 3)
 */
export function snapToNeighbours(
  grid: Surface,
  community: Surface,
  neighbours: readonly Surface[],
  toleranceMeters = 3,
): MultiPolygon {
  const plane = LocalPlane.around(bbox(grid));
  const rings = [community, ...neighbours].flatMap(ringsOf);
  const targets = rings.map((ring) => ring.map((position) => toTarget(position, plane)));
  const snapped = partsOf(grid).map((rings) =>
    rings
      .map((ring) => ring.map((p) => snapVertex(toTarget(p, plane), targets, toleranceMeters)))
      .map((ring) => withoutRepeats(insertTargets(ring, targets.flat(), toleranceMeters)))
      .filter((ring) => ring.length >= 4),
  );
  const drawn = snapped.filter((rings) => rings.length > 0);
  if (drawn.length === 0) return { type: "MultiPolygon", coordinates: [] };
  const clipped = intersect(
    featureCollection<Surface>([
      feature({
        type: "MultiPolygon",
        coordinates: drawn.map((rings) => rings.map((r) => r.map((t) => t.position))),
      }),
      feature(community),
    ]),
  );
  if (!clipped) return { type: "MultiPolygon", coordinates: [] };
  const { geometry } = clipped;
  return geometry.type === "Polygon"
    ? { type: "MultiPolygon", coordinates: [geometry.coordinates] }
    : geometry;
}

function snapVertex(vertex: Target, rings: Target[][], tolerance: number): Target {
  let [best, bestDistance] = [vertex, tolerance];
  for (const ring of rings) {
    for (const target of ring) {
      const distance = Math.hypot(target.x - vertex.x, target.y - vertex.y);
      if (distance <= bestDistance) [best, bestDistance] = [target, distance];
    }
  }
  if (best !== vertex) return best;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [a, b] = [ring[i] as Target, ring[i + 1] as Target];
      const { t, distance } = nearestOnSegment(vertex, a, b);
      if (distance > bestDistance) continue;
      bestDistance = distance;
      const [x, y] = [a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t];
      // Interpolated in lon/lat directly: the plane is affine, so this is the same point.
      const position = [0, 1].map(
        (k) => (a.position[k] ?? 0) + ((b.position[k] ?? 0) - (a.position[k] ?? 0)) * t,
      );
      best = { x, y, position };
    }
  }
  return best;
}

/** Target vertices lying within tolerance of a ring's edges, inserted in order along each edge. */
function insertTargets(ring: Target[], targets: Target[], tolerance: number): Target[] {
  const result: Target[] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const [a, b] = [ring[i] as Target, ring[i + 1] as Target];
    result.push(a);
    const between = targets
      .map((target) => ({ target, ...nearestOnSegment(target, a, b) }))
      .filter(({ t, distance }) => t > 0 && t < 1 && distance <= tolerance && distance > 0)
      .sort((p, q) => p.t - q.t);
    for (const { target } of between) if (!sameSpot(result.at(-1), target)) result.push(target);
  }
  const last = ring.at(-1);
  if (last) result.push(last);
  return result;
}

function nearestOnSegment(p: Target, a: Target, b: Target): { t: number; distance: number } {
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  const length2 = dx * dx + dy * dy;
  const t =
    length2 > 0 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2)) : 0;
  return { t, distance: Math.hypot(a.x + dx * t - p.x, a.y + dy * t - p.y) };
}

function toTarget(position: Position, plane: LocalPlane): Target {
  const [x, y] = plane.toPlane(position);
  return { position, x, y };
}

function withoutRepeats(ring: Target[]): Target[] {
  return ring.filter((t, i) => i === 0 || !sameSpot(ring[i - 1], t));
}

function sameSpot(a: Target | undefined, b: Target): boolean {
  return !!a && a.position[0] === b.position[0] && a.position[1] === b.position[1];
}

function partsOf(surface: Surface): Position[][][] {
  return surface.type === "Polygon" ? [surface.coordinates] : surface.coordinates;
}

function ringsOf(surface: Surface): Position[][] {
  return partsOf(surface).flat();
}
