// Area, centroid and shared edge lengths of pieces in the local plane.
import { type Corner, OUTLINE, type Piece } from "./clip.ts";

export interface Measure {
  /** Ground area, m² (the plane's area corrected to first order for latitude). */
  area: number;
  /** Centroid in the plane. */
  x: number;
  y: number;
  /** Edge length (m) lying on each cut, by cut id: the border shared with that neighbour. */
  shared: Map<number, number>;
}

/**
 * Measures a piece with the shoelace sums for area and first moments. `areaSlope` is the
 * LocalPlane's: ground area = ∫∫ (1 + areaSlope · y) dA = A + areaSlope · ∫∫ y dA.
 */
export function measure(piece: Piece, areaSlope: number): Measure {
  let [area, mx, my] = [0, 0, 0];
  const shared = new Map<number, number>();
  for (const ring of piece.rings) {
    // Plain indexes: this runs over every corner of every trial diagram.
    for (let i = 0; i < ring.length; i++) {
      const p = ring[i] as Corner;
      const q = ring[i + 1 === ring.length ? 0 : i + 1] as Corner;
      const cross = p.x * q.y - q.x * p.y;
      area += cross / 2;
      mx += ((p.x + q.x) * cross) / 6;
      my += ((p.y + q.y) * cross) / 6;
      if (p.edge !== OUTLINE) {
        shared.set(
          p.edge,
          (shared.get(p.edge) ?? 0) + Math.sqrt((q.x - p.x) ** 2 + (q.y - p.y) ** 2),
        );
      }
    }
  }
  const centroid = area > 0 ? [mx / area, my / area] : centroidOfCorners(piece);
  return { area: area + areaSlope * my, x: centroid[0] ?? 0, y: centroid[1] ?? 0, shared };
}

function centroidOfCorners(piece: Piece): [number, number] {
  const shell = piece.rings[0] ?? [];
  const n = Math.max(shell.length, 1);
  return [shell.reduce((s, p) => s + p.x, 0) / n, shell.reduce((s, p) => s + p.y, 0) / n];
}
