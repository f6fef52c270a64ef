// The power diagram of weighted sites, cut out of a polygon: the shape of every partition step.
import { type Corner, clip, type Piece } from "./clip.ts";
import { type Measure, measure } from "./measure.ts";

/** A site of the power diagram: a point of the plane and its weight (m²). */
export interface Site {
  x: number;
  y: number;
  w: number;
}

/** What one site ends up with once stray fragments have gone to a neighbour. */
export interface Region {
  /** The site's largest connected piece first, then fragments handed over by neighbours. */
  pieces: Piece[];
  area: number;
  /** Centroid of the largest piece (where Lloyd's step moves the site). */
  x: number;
  y: number;
}

export interface Diagram {
  regions: Region[];
  /** Border length between sites i and j, by i·count + j; the Newton step's coefficients. */
  borders: Map<number, number>;
  /** Sites whose cell fell apart: a point nearest to one of them may lie in a neighbour's region. */
  split: Set<number>;
}

/**
 * Cuts `subject` into the power cells of `sites`: the cell of i holds the points where
 * |p − s_i|² − w_i is smallest. A cell can fall apart into several pieces where the subject is
 * concave; every piece but the largest goes to the neighbour it shares the longest border with,
 * so each region stays connected.
 */
export function powerDiagram(subject: Piece, sites: Site[], areaSlope: number): Diagram {
  const count = sites.length;
  const cells = sites.map((_, i) => {
    const pieces = cellOf(subject, sites, i);
    const measures = pieces.map((piece) => measure(piece, areaSlope));
    const order = measures
      .map((_, k) => k)
      .sort((a, b) => pieceArea(measures, b) - pieceArea(measures, a));
    return {
      pieces: order.map((k) => pieces[k] as Piece),
      measures: order.map((k) => measures[k] as Measure),
    };
  });
  const borders = new Map<number, number>();
  const regions: Region[] = cells.map((cell) => {
    const main = cell.measures[0];
    return {
      pieces: cell.pieces.slice(0, 1),
      area: main?.area ?? 0,
      x: main?.x ?? Number.NaN,
      y: main?.y ?? Number.NaN,
    };
  });
  cells.forEach((cell, i) => {
    cell.measures.forEach((m, k) => {
      for (const [j, length] of m.shared)
        borders.set(i * count + j, (borders.get(i * count + j) ?? 0) + length);
      if (k === 0) return;
      const heir = regions[longestBorder(m, regions)] ?? regions[i];
      heir?.pieces.push(cell.pieces[k] as Piece);
      if (heir) heir.area += m.area;
    });
  });
  const split = new Set(cells.flatMap((cell, i) => (cell.pieces.length > 1 ? [i] : [])));
  return { regions, borders, split };
}

function pieceArea(measures: Measure[], k: number): number {
  return measures[k]?.area ?? 0;
}

/** The neighbour (holding a piece of its own) that a fragment shares the longest border with. */
function longestBorder(fragment: Measure, regions: Region[]): number {
  let [best, bestLength] = [-1, 0];
  for (const [j, length] of fragment.shared) {
    if (length > bestLength && (regions[j]?.pieces.length ?? 0) > 0)
      [best, bestLength] = [j, length];
  }
  return best;
}

/**
 * The power cell of site i cut from the subject: cut by the bisector with every other site,
 * nearest first, skipping bisectors farther from the site than anything left of the cell.
 */
function cellOf(subject: Piece, sites: Site[], i: number): Piece[] {
  const site = sites[i] as Site;
  const others = sites
    .map((other, j) => ({ j, distance: bisectorDistance(site, other) }))
    .filter(({ j }) => j !== i)
    .sort((a, b) => a.distance - b.distance);
  let pieces = [subject];
  let reach = farthest(pieces, site);
  for (const { j, distance } of others) {
    if (distance > reach || pieces.length === 0) break;
    const cut = bisector(sites, i, j);
    pieces = pieces.flatMap((piece) => clip(piece, cut));
    reach = farthest(pieces, site);
  }
  return pieces;
}

/** Signed distance from site a to the bisector it shares with b (negative: b overpowers a). */
function bisectorDistance(a: Site, b: Site): number {
  const gap = Math.hypot(b.x - a.x, b.y - a.y);
  return (gap * gap + a.w - b.w) / (2 * gap);
}

/**
 * The half-plane where site i beats site j. Written once for the ordered pair (low, high) and
 * negated for the other side, so both cells compute bit-identical crossing points.
 */
function bisector(sites: Site[], i: number, j: number) {
  const [lo, hi] = [sites[Math.min(i, j)] as Site, sites[Math.max(i, j)] as Site];
  const sign = i < j ? 1 : -1;
  return {
    nx: sign * 2 * (hi.x - lo.x),
    ny: sign * 2 * (hi.y - lo.y),
    c: sign * (hi.x * hi.x + hi.y * hi.y - lo.x * lo.x - lo.y * lo.y - hi.w + lo.w),
    id: j,
  };
}

function farthest(pieces: Piece[], site: Site): number {
  let reach = 0;
  for (const piece of pieces) {
    for (const p of piece.rings[0] ?? ([] as Corner[])) {
      const [dx, dy] = [p.x - site.x, p.y - site.y];
      // Squared, and no Math.hypot: this runs over every corner after every cut.
      reach = Math.max(reach, dx * dx + dy * dy);
    }
  }
  return Math.sqrt(reach);
}
