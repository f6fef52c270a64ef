// The power diagram of weighted sites, cut out of a polygon: the shape of every partition step.
import {
  type Cut,
  clip,
  OUTLINE,
  type Piece,
  prepareForCuts,
  type Ring,
  wellInside,
} from "./clip.ts";
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
  const { cuts, convex } = boundingCuts(box, sites, i);
  // A cell away from the outline (no run of its corners comes near) is the convex cell itself:
  // cutting the whole outline down to nothing would walk half its corners for it.
  if (convex && wellInside(subject, convex)) return [{ rings: [convex] }];
  let pieces = [subject];
  for (const cut of cuts) {
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
 * bisector is kept. Also returns the convex cell as a ring (each corner's edge naming the site
 * across it), unless it is empty.
 */
function boundingCuts(box: Box, sites: Site[], i: number): { cuts: Cut[]; convex?: Ring } {
  const site = sites[i] as Site;
  // Corners as x, y, x, y… in two reused arrays (the cell and its next cut): this runs for every
  // cell of every trial diagram. Each cut adds at most one corner to a convex polygon.
  if (buffers[0].length < 2 * (sites.length + 4)) {
    const size = 4 * (sites.length + 4);
    buffers = [new Float64Array(size), new Float64Array(size)];
    edgeBuffers = [new Int32Array(size / 2), new Int32Array(size / 2)];
  }
  let [cell, spare] = buffers;
  let [edges, spareEdges] = edgeBuffers;
  cell.set([box.west, box.south, box.east, box.south, box.east, box.north, box.west, box.north]);
  edges.fill(OUTLINE, 0, 4);
  let length = 8;
  const cuts: Cut[] = [];
  for (let j = 0; j < sites.length; j++) {
    if (j === i) continue;
    const cut = bisector(sites, i, j);
    cuts.push(cut);
    if (length === 0 || insideAll(cell, length, cut, 0)) continue;
    length = halfPlane(cell, edges, length, cut, spare, spareEdges);
    [cell, spare, edges, spareEdges] = [spare, cell, spareEdges, edges];
  }
  const bounding =
    length === 0
      ? cuts
      : cuts.filter((cut) => !insideAll(cell, length, cut, -1e-3 * Math.hypot(cut.nx, cut.ny)));
  // A stable sort: bisectors at one distance keep the order of their sites.
  const nearestFirst = bounding
    .map((cut) => ({ cut, distance: bisectorDistance(site, sites[cut.id] as Site) }))
    .sort((a, b) => a.distance - b.distance)
    .map(({ cut }) => cut);
  const convex: Ring = [];
  for (let k = 0; k < length; k += 2)
    convex.push({ x: cell[k] as number, y: cell[k + 1] as number, edge: edges[k / 2] as number });
  return { cuts: nearestFirst, convex: convex.length >= 3 ? convex : undefined };
}

let buffers = [new Float64Array(256), new Float64Array(256)] as const;
let edgeBuffers = [new Int32Array(128), new Int32Array(128)] as const;

/** Whether every corner of the convex polygon lies below `margin` on the cut's kept side. */
function insideAll(polygon: Float64Array, length: number, cut: Cut, margin: number): boolean {
  for (let k = 0; k < length; k += 2) {
    if (cut.nx * (polygon[k] as number) + cut.ny * (polygon[k + 1] as number) - cut.c >= margin)
      return false;
  }
  return true;
}

/**
 * Sutherland–Hodgman: a convex polygon (x, y, x, y…, `length` numbers) cut by one half-plane
 * (nx·x + ny·y < c) stays convex; written into `out`, returning its length. `edges` tells what
 * each edge lies on (as Corner.edge does), and `outEdges` gets the same for the cut polygon.
 */
function halfPlane(
  polygon: Float64Array,
  edges: Int32Array,
  length: number,
  cut: Cut,
  out: Float64Array,
  outEdges: Int32Array,
): number {
  let kept = 0;
  for (let k = 0; k < length; k += 2) {
    const next = k + 2 === length ? 0 : k + 2;
    const [px, py] = [polygon[k] as number, polygon[k + 1] as number];
    const [qx, qy] = [polygon[next] as number, polygon[next + 1] as number];
    const dp = cut.nx * px + cut.ny * py - cut.c;
    const dq = cut.nx * qx + cut.ny * qy - cut.c;
    const edge = edges[k / 2] as number;
    if (dp < 0) {
      outEdges[kept / 2] = edge;
      out[kept++] = px;
      out[kept++] = py;
    }
    if (dp < 0 !== dq < 0) {
      const t = dp / (dp - dq);
      // Leaving the kept side, the next edge runs along the cut; entering, along this one.
      outEdges[kept / 2] = dp < 0 ? cut.id : edge;
      out[kept++] = px + (qx - px) * t;
      out[kept++] = py + (qy - py) * t;
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
