// The power diagram of weighted sites, cut out of a polygon: the shape of every partition step.
import { type Cut, clip, type Piece, prepareForCuts } from "./clip.ts";
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
  prepareForCuts(subject);
  const box = boxOf(subject);
  const cells = sites.map((_, i) => {
    const pieces = cellOf(subject, sites, i, box);
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
 * The power cell of site i cut from the subject, by the bisectors with the other sites, nearest
 * first. Only the bisectors that bound the convex cell (worked out first on a few corners, see
 * boundingCuts) cut the subject: the others lie wholly outside it and would leave it unchanged,
 * and each cut of the subject walks its corners.
 */
function cellOf(subject: Piece, sites: Site[], i: number, box: Box): Piece[] {
  let pieces = [subject];
  for (const cut of boundingCuts(box, sites, i)) {
    if (pieces.length === 0) break;
    pieces = pieces.flatMap((piece) => clip(piece, cut));
  }
  return pieces;
}

/** The subject's bounding box in the plane, grown by a metre so every corner is inside it. */
export interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

export function boxOf(subject: Piece): Box {
  const box = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  for (const p of subject.rings[0] ?? []) {
    box.west = Math.min(box.west, p.x - 1);
    box.south = Math.min(box.south, p.y - 1);
    box.east = Math.max(box.east, p.x + 1);
    box.north = Math.max(box.north, p.y + 1);
  }
  return box;
}

/**
 * The bisectors of site i that bound its convex cell (the box cut by every bisector, a polygon
 * of a few corners), nearest first. A bisector is left out only when the whole convex cell lies
 * more than a millimetre inside it: the subject's pieces lie in that cell, so the cut would keep
 * them whole. If the convex cell comes out empty (a site overpowered within the box), every
 * bisector is kept.
 */
function boundingCuts(box: Box, sites: Site[], i: number): Cut[] {
  const site = sites[i] as Site;
  // Corners as x, y, x, y…: this runs for every cell of every trial diagram.
  let cell = [box.west, box.south, box.east, box.south, box.east, box.north, box.west, box.north];
  const cuts: Cut[] = [];
  for (let j = 0; j < sites.length; j++) {
    if (j === i) continue;
    const cut = bisector(sites, i, j);
    cuts.push(cut);
    if (cell.length > 0) cell = halfPlane(cell, cut);
  }
  const bounding =
    cell.length === 0
      ? cuts
      : cuts.filter((cut) => {
          const margin = -1e-3 * Math.hypot(cut.nx, cut.ny);
          for (let k = 0; k < cell.length; k += 2) {
            if (cut.nx * (cell[k] as number) + cut.ny * (cell[k + 1] as number) - cut.c > margin)
              return true;
          }
          return false;
        });
  // A stable sort: bisectors at one distance keep the order of their sites.
  return bounding
    .map((cut) => ({ cut, distance: bisectorDistance(site, sites[cut.id] as Site) }))
    .sort((a, b) => a.distance - b.distance)
    .map(({ cut }) => cut);
}

/**
 * Sutherland–Hodgman: a convex polygon (x, y, x, y…) cut by one half-plane (nx·x + ny·y < c)
 * stays convex; returned as it is when wholly inside.
 */
function halfPlane(polygon: number[], cut: Cut): number[] {
  const value = (k: number) =>
    cut.nx * (polygon[k] as number) + cut.ny * (polygon[k + 1] as number) - cut.c;
  let inside = true;
  for (let k = 0; k < polygon.length && inside; k += 2) inside = value(k) < 0;
  if (inside) return polygon;
  const kept: number[] = [];
  for (let k = 0; k < polygon.length; k += 2) {
    const next = k + 2 === polygon.length ? 0 : k + 2;
    const [dp, dq] = [value(k), value(next)];
    const [px, py] = [polygon[k] as number, polygon[k + 1] as number];
    if (dp < 0) kept.push(px, py);
    if (dp < 0 !== dq < 0) {
      const t = dp / (dp - dq);
      kept.push(
        px + ((polygon[next] as number) - px) * t,
        py + ((polygon[next + 1] as number) - py) * t,
      );
    }
  }
  return kept;
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
function bisector(sites: Site[], i: number, j: number): Cut {
  const [lo, hi] = [sites[Math.min(i, j)] as Site, sites[Math.max(i, j)] as Site];
  const sign = i < j ? 1 : -1;
  return {
    nx: sign * 2 * (hi.x - lo.x),
    ny: sign * 2 * (hi.y - lo.y),
    c: sign * (hi.x * hi.x + hi.y * hi.y - lo.x * lo.x - lo.y * lo.y - hi.w + lo.w),
    id: j,
  };
}
