// A simplified copy of a piece for the search phase: every trial layout clips the whole outline
// once per region, so a 6,000-vertex prefecture costs 6× a 1,000-vertex copy. The search only
// places the sites; the final balancing runs on the real outline.
import { polygon, simplify } from "@turf/turf";
import { type Corner, OUTLINE, type Piece } from "./clip.ts";
import { signedArea } from "./outline.ts";

/** The search sees at most about this many vertices per piece. */
export const SEARCH_VERTICES = 1000;

/**
 * The piece simplified (Douglas–Peucker, turf's simplify, on the plane's metres) until it has at
 * most SEARCH_VERTICES vertices; the piece itself when it is already that small (or when no
 * simplification keeps its shell). Holes that simplify to nothing are dropped.
 */
export function coarse(piece: Piece): Piece {
  const vertices = piece.rings.reduce((n, ring) => n + ring.length, 0);
  if (vertices <= SEARCH_VERTICES) return piece;
  const shell = piece.rings[0] ?? [];
  const xs = shell.map((p) => p.x);
  const ys = shell.map((p) => p.y);
  const size = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  let tolerance = size / 2000;
  for (let attempt = 0; attempt < 12; attempt++) {
    const simpler = simplified(piece, tolerance);
    const count = simpler.rings.reduce((n, ring) => n + ring.length, 0);
    if (count <= SEARCH_VERTICES && simpler.rings.length > 0) return simpler;
    tolerance *= 1.6;
  }
  return piece;
}

function simplified(piece: Piece, tolerance: number): Piece {
  const rings = piece.rings.map((ring, r) => {
    const closed = [...ring.map((p) => [p.x, p.y]), [ring[0]?.x ?? 0, ring[0]?.y ?? 0]];
    const simple = simplify(polygon([closed]), { tolerance, highQuality: false, mutate: true })
      .geometry.coordinates[0];
    if (!simple || simple.length < 4) return null;
    const corners = simple.slice(0, -1).map(([x = 0, y = 0]): Corner => ({ x, y, edge: OUTLINE }));
    // Shells counter-clockwise, holes clockwise, as toPieces made them; a hole that simplified
    // to a sliver the other way round is dropped.
    const area = signedArea(corners);
    return (r === 0 ? area > 0 : area < 0) ? corners : null;
  });
  const [shell, ...holes] = rings;
  return { rings: shell ? [shell, ...holes.filter((hole) => hole !== null)] : [] };
}
