// Bringing the polygon to be partitioned into the plane, and the finished pieces back to lon/lat.
import { feature, featureCollection, union } from "@turf/turf";
import type { MultiPolygon, Polygon, Position } from "geojson";
import type { LocalPlane } from "../local-plane.ts";
import { type Corner, OUTLINE, type Piece, type Ring } from "./clip.ts";

/**
 * One piece per part of the polygon, shells counter-clockwise and holes clockwise. Repeated
 * positions and zero-width spikes (A, B, A) are dropped: they enclose no area, but would make
 * the rings touch themselves (the official Tengzhou outline has both).
 */
export function toPieces(area: Polygon | MultiPolygon, plane: LocalPlane): Piece[] {
  const parts = area.type === "Polygon" ? [area.coordinates] : area.coordinates;
  return parts.map((rings) => ({
    rings: rings
      .map((ring) => withoutSpikes(ring.slice(0, -1)))
      .filter((ring) => ring.length >= 3)
      .map((ring, r) => {
        const corners = ring.map((origin): Corner => {
          const [x, y] = plane.toPlane(origin);
          return { x, y, edge: OUTLINE, origin };
        });
        return signedArea(corners) > 0 === (r === 0) ? corners : corners.reverse();
      }),
  }));
}

function withoutSpikes(ring: Position[]): Position[] {
  const kept: Position[] = [];
  const same = (a?: Position, b?: Position) => !!a && !!b && a[0] === b[0] && a[1] === b[1];
  for (const position of [...ring, ...ring.slice(0, 2)]) {
    if (same(kept.at(-1), position)) continue;
    if (same(kept.at(-2), position)) kept.pop();
    else kept.push(position);
  }
  // The walk went round once more to clean the seam; drop the repeated start.
  const start = kept.findIndex((p) => same(p, kept.at(-1)));
  return kept.slice(start + 1);
}

export function signedArea(ring: Ring): number {
  let sum = 0;
  ring.forEach((p, i) => {
    const q = ring[(i + 1) % ring.length] as Corner;
    sum += p.x * q.y - q.x * p.y;
  });
  return sum / 2;
}

/**
 * The regions as lon/lat polygons, or MultiPolygons where a region carries islands. Corners that two cells computed separately (where three
 * cells meet) differ in the last bits; snapping them together makes neighbours share
 * identical vertices, so the parts tile without slivers.
 */
export function toPolygons(regions: Piece[][], plane: LocalPlane): (Polygon | MultiPolygon)[] {
  const snap = new Snapper(1e-5);
  for (const pieces of regions) {
    for (const piece of pieces)
      for (const ring of piece.rings) for (const p of ring) if (p.origin) snap.add(p);
  }
  return regions.map((pieces) => {
    const polygons = pieces.map((piece) => piece.rings.map((ring) => closed(ring, snap, plane)));
    // Only pieces that can touch need the union (fragments and the region they joined); an
    // island apart from the rest is a polygon of the MultiPolygon as it is. turf's union is
    // exact but slow (arbitrary-precision arithmetic), and islands often carry many vertices.
    const merged = touchingGroups(pieces).flatMap((group): Position[][][] => {
      if (group.length === 1) return [polygons[group[0] as number] ?? []];
      const dissolved = dissolve(group.map((k) => polygons[k] ?? []));
      if (dissolved) return [dissolved];
      const union_ = union(
        featureCollection(
          group.map((k) => feature({ type: "Polygon", coordinates: polygons[k] ?? [] } as Polygon)),
        ),
      );
      const geometry = union_?.geometry;
      if (!geometry) throw new Error("partition: a region vanished in the union");
      return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    });
    // Fragments joined their neighbour (one polygon); islands stay apart (a MultiPolygon).
    return merged.length === 1
      ? { type: "Polygon", coordinates: merged[0] ?? [] }
      : { type: "MultiPolygon", coordinates: merged };
  });
}

/**
 * Polygons that tile one region, joined by dropping the edges they share (each walked once each
 * way): the usual case, a fragment against the piece it joined, whose shared corners are the
 * same snapped positions. Undefined where that does not give one simple shell with holes (the
 * pieces only touch at a point, a corner on one side only, a pinch): turf's union does those.
 * Written here rather than taken from a clipping library: the pieces already share their corners
 * exactly, which a general union (turf's runs on arbitrary-precision numbers) cannot assume, and
 * that union took a fifth of a prefecture's partition.
 */
function dissolve(polygons: Position[][][]): Position[][] | undefined {
  const key = (p: Position) => `${p[0]},${p[1]}`;
  const edges = new Map<string, { from: Position; to: Position }>();
  let shared = 0;
  for (const ring of polygons.flat()) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [from, to] = [ring[i] as Position, ring[i + 1] as Position];
      const back = `${key(to)}>${key(from)}`;
      if (edges.delete(back)) shared++;
      else edges.set(`${key(from)}>${key(to)}`, { from, to });
    }
  }
  if (shared === 0) return undefined;
  const next = new Map<string, Position>();
  for (const { from, to } of edges.values()) {
    if (next.has(key(from))) return undefined;
    next.set(key(from), to);
  }
  const rings: Position[][] = [];
  const seen = new Set<string>();
  for (const [start, first] of next) {
    if (seen.has(start)) continue;
    const ring: Position[] = [];
    for (let at: Position | undefined = first, k = start; !seen.has(k); ) {
      seen.add(k);
      ring.push(at as Position);
      k = key(at as Position);
      at = next.get(k);
      if (!at) return undefined;
    }
    if (key(ring.at(-1) as Position) !== start || ring.length < 3) return undefined;
    rings.push([ring.at(-1) as Position, ...ring]);
  }
  const shells = rings.filter((ring) => ringArea(ring) > 0);
  if (shells.length !== 1) return undefined;
  return [shells[0] as Position[], ...rings.filter((ring) => ringArea(ring) < 0)];
}

function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [p, q] = [ring[i] ?? [], ring[i + 1] ?? []];
    sum += (p[0] ?? 0) * (q[1] ?? 0) - (q[0] ?? 0) * (p[1] ?? 0);
  }
  return sum / 2;
}

/** The pieces grouped so that pieces whose boxes (grown by a metre) overlap share a group. */
function touchingGroups(pieces: Piece[]): number[][] {
  const boxes = pieces.map((piece) => {
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of piece.rings[0] ?? []) {
      box[0] = Math.min(box[0] ?? 0, p.x - 1);
      box[1] = Math.min(box[1] ?? 0, p.y - 1);
      box[2] = Math.max(box[2] ?? 0, p.x + 1);
      box[3] = Math.max(box[3] ?? 0, p.y + 1);
    }
    return box as [number, number, number, number];
  });
  const group = pieces.map((_, k) => k);
  const root = (k: number): number => (group[k] === k ? k : root(group[k] as number));
  boxes.forEach((a, i) => {
    boxes.forEach((b, j) => {
      if (j > i && a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3])
        group[root(j)] = root(i);
    });
  });
  const groups = new Map<number, number[]>();
  pieces.forEach((_, k) => {
    groups.set(root(k), [...(groups.get(root(k)) ?? []), k]);
  });
  return [...groups.values()];
}

function closed(ring: Ring, snap: Snapper, plane: LocalPlane): Position[] {
  const positions: Position[] = [];
  for (const corner of ring) {
    const p = snap.add(corner);
    const position = p.origin ?? plane.toLonLat([p.x, p.y]);
    const last = positions.at(-1);
    if (!last || last[0] !== position[0] || last[1] !== position[1]) positions.push(position);
  }
  const first = positions[0];
  if (
    first &&
    positions.length > 1 &&
    positions.at(-1)?.[0] === first[0] &&
    positions.at(-1)?.[1] === first[1]
  )
    positions.pop();
  return first ? [...positions, first] : positions;
}

/** Merges corners closer than `eps` metres into the first one seen (a hashed lattice). */
class Snapper {
  /** Lattice cell (i, j) → its corners; nested maps, as string keys cost more than the search. */
  private readonly cells = new Map<number, Map<number, Corner[]>>();
  constructor(private readonly eps: number) {}
  add(corner: Corner): Corner {
    const [i, j] = [Math.round(corner.x / this.eps), Math.round(corner.y / this.eps)];
    for (let di = -1; di <= 1; di++) {
      const column = this.cells.get(i + di);
      if (!column) continue;
      for (let dj = -1; dj <= 1; dj++) {
        for (const other of column.get(j + dj) ?? []) {
          if (Math.hypot(other.x - corner.x, other.y - corner.y) <= this.eps) return other;
        }
      }
    }
    const column = this.cells.get(i) ?? new Map<number, Corner[]>();
    this.cells.set(i, column);
    column.set(j, [...(column.get(j) ?? []), corner]);
    return corner;
  }
}
