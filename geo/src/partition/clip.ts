// Cutting a polygon (in the local plane) by a half-plane, keeping every piece valid.
import type { Position } from "geojson";

/** A corner of a piece. `edge` tells what the edge to the next corner lies on. */
export interface Corner {
  x: number;
  y: number;
  /** OUTLINE for the source polygon's boundary, otherwise the id of the cut it lies on. */
  edge: number;
  /** The source's own lon/lat, kept so source corners come back bit for bit. */
  origin?: Position;
}

export const OUTLINE = -1;

/** An open ring: the first corner is not repeated. */
export type Ring = Corner[];

/** A polygon in the plane: a counter-clockwise shell, then clockwise holes. */
export interface Piece {
  rings: Ring[];
}

/** Keeps the points where nx·x + ny·y < c; `id` labels the new edges along the cut. */
export interface Cut {
  nx: number;
  ny: number;
  c: number;
  id: number;
}

interface Crossing {
  corner: Corner;
  /** Position along the cut line, then a tie-break for crossings at the same point. */
  s: number;
  tie: number;
  exit: boolean;
  chain: number;
}

/**
 * The parts of `piece` on the kept side of `cut`, each a valid polygon.
 *
 * Each ring is walked into chains that run inside, from an entry crossing to an exit crossing.
 * Along the cut line the inside intervals lie between consecutive crossings (1st–2nd, 3rd–4th…),
 * so each exit is joined to its partner entry. Corners exactly on the line count as outside
 * (symbolic perturbation), and crossings at one point are ordered as if that corner had been
 * pushed out by an infinitesimal amount, which keeps the pairing right at touching corners.
 */
export function clip(piece: Piece, cut: Cut): Piece[] {
  const shells: Ring[] = [];
  const holes: Ring[] = [];
  const chains: Corner[][] = [];
  const crossings: Crossing[] = [];
  piece.rings.forEach((ring, r) => {
    const n = ring.length;
    const d = scratch(n);
    const insideCount = sides(ring, cut, d);
    const boxed = runBoxes.has(ring);
    if (insideCount === n) (r === 0 ? shells : holes).push(ring);
    if (insideCount === n || insideCount === 0) return;
    let start = 0;
    while ((d[start] as number) < 0)
      start += boxed && start % RUN === 0 && runSide[start / RUN] ? RUN : 1;
    let chain: Corner[] = [];
    // Plain indexes, no modulo: this loop runs over the corners of every cut.
    for (let k = 0, i = start; k < n; k++, i = i + 1 === n ? 0 : i + 1) {
      // A run wholly on one side (its box holds its edges, the one to the next run's first
      // corner too) has no crossing: it is skipped, or its corners join the chain, at once.
      const side = boxed && i % RUN === 0 ? (runSide[i / RUN] as number) : 0;
      const to = Math.min(i + RUN, n);
      if (side !== 0 && to - i <= n - k) {
        if (side < 0) for (let m = i + 1; m <= to; m++) chain.push(ring[m === n ? 0 : m] as Corner);
        k += to - i - 1;
        i = to - 1;
        continue;
      }
      const j = i + 1 === n ? 0 : i + 1;
      const da = d[i] as number;
      const db = d[j] as number;
      if (da < 0 === db < 0) {
        if (db < 0) chain.push(ring[j] as Corner);
        continue;
      }
      const [a, b, exit] = [ring[i] as Corner, ring[j] as Corner, da < 0];
      const corner = crossingPoint(a, b, da, db, exit ? cut.id : a.edge);
      // A corner on the line: order by where the crossing would go if it moved off the line.
      const [onLine, other, dOther] = exit ? [db === 0, a, da] : [da === 0, b, db];
      const tie = onLine ? (along(other, cut) - along(corner, cut)) / Math.abs(dOther) : 0;
      if (!exit) {
        chain = [corner];
        chains.push(chain);
      } else chain.push(corner);
      crossings.push({ corner, s: along(corner, cut), tie, exit, chain: chains.length - 1 });
      if (!exit) chain.push(b);
    }
  });
  shells.push(...stitch(chains, crossings));
  return shells
    .map(withoutRepeats)
    .filter((shell) => shell.length >= 3)
    .map((shell) => ({ rings: [shell, ...holes.filter((hole) => holeIn(hole, shell, shells))] }));
}

/** Corners per run: a run's box decides for all of them at once. */
const RUN = 16;
const runBoxes = new WeakMap<Ring, Float64Array>();

/**
 * Marks a piece that will be cut many times (the outline every cell of every trial diagram is
 * cut from): its rings get the boxes of runs of RUN corners (each with the corner after it, so
 * the edges between runs are inside a box too). Cutting it then computes one corner's side of
 * the cut only where a run's box straddles the cut line. The cut pieces are the same.
 */
export function prepareForCuts(piece: Piece): Piece {
  for (const ring of piece.rings) {
    if (runBoxes.has(ring)) continue;
    const n = ring.length;
    const boxes = new Float64Array(4 * Math.ceil(n / RUN));
    for (let r = 0; r * RUN < n; r++) {
      let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
      for (let i = r * RUN; i <= Math.min((r + 1) * RUN, n); i++) {
        const p = ring[i === n ? 0 : i] as Corner;
        west = Math.min(west, p.x);
        south = Math.min(south, p.y);
        east = Math.max(east, p.x);
        north = Math.max(north, p.y);
      }
      boxes.set([west, south, east, north], 4 * r);
    }
    runBoxes.set(ring, boxes);
  }
  return piece;
}

/**
 * Fills d with each corner's value of nx·x + ny·y − c (negative: kept) and returns how many are
 * kept; for a prepared ring, runSide gets each run's side (boxSide's answer). In a run wholly
 * on one side (its box's four corners are; a linear function is extreme at a box's corners)
 * only the sign matters, as no edge of the run crosses the line: it is written as ±1 without
 * reading the corners.
 */
function sides(ring: Ring, cut: Cut, d: Float64Array): number {
  const n = ring.length;
  const boxes = runBoxes.get(ring);
  if (boxes && runSide.length < boxes.length / 4) runSide = new Int8Array(boxes.length / 2);
  let inside = 0;
  for (let r = 0; r * RUN < n; r++) {
    const [from, to] = [r * RUN, Math.min((r + 1) * RUN, n)];
    if (boxes) {
      const side = boxSide(boxes, 4 * r, cut);
      runSide[r] = side;
      if (side !== 0) {
        d.fill(side, from, to);
        if (side < 0) inside += to - from;
        continue;
      }
    }
    for (let i = from; i < to; i++) {
      const p = ring[i] as Corner;
      const value = cut.nx * p.x + cut.ny * p.y - cut.c;
      d[i] = value;
      if (value < 0) inside++;
    }
    if (boxes) straddling.push(to === n ? 0 : to);
  }
  // The last edge of a straddling run ends at the next run's first corner, which may have been
  // written as ±1 (same side as its exact value): the crossing point needs the exact value.
  for (const i of straddling) {
    const p = ring[i] as Corner;
    d[i] = cut.nx * p.x + cut.ny * p.y - cut.c;
  }
  straddling.length = 0;
  return inside;
}

/**
 * Whether a small ring lies wholly inside a prepared piece with no run of the piece's corners
 * near it: no run's box meets the ring's box, so no edge of the piece crosses the ring, and one
 * corner of the ring inside the piece puts all of it inside. False for an unprepared piece.
 */
export function wellInside(piece: Piece, ring: Ring): boolean {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of ring) {
    [west, south] = [Math.min(west, p.x), Math.min(south, p.y)];
    [east, north] = [Math.max(east, p.x), Math.max(north, p.y)];
  }
  const probe = ring[0] as Corner;
  let inside = false;
  for (const own of piece.rings) {
    const boxes = runBoxes.get(own);
    if (!boxes) return false;
    const n = own.length;
    for (let r = 0, k = 0; r * RUN < n; r++, k += 4) {
      const [bw, bs, be, bn] = [
        boxes[k] ?? 0,
        boxes[k + 1] ?? 0,
        boxes[k + 2] ?? 0,
        boxes[k + 3] ?? 0,
      ];
      if (bw <= east && west <= be && bs <= north && south <= bn) return false;
      // Even-odd ray casting from the probe towards +x, reading only runs the ray can cross.
      if (bs > probe.y || bn <= probe.y || be < probe.x) continue;
      for (let i = r * RUN; i < Math.min((r + 1) * RUN, n); i++) {
        const [a, b] = [own[i] as Corner, own[i + 1 === n ? 0 : i + 1] as Corner];
        if (
          a.y > probe.y !== b.y > probe.y &&
          probe.x < ((b.x - a.x) * (probe.y - a.y)) / (b.y - a.y) + a.x
        )
          inside = !inside;
      }
    }
  }
  return inside;
}

/** −1 if the whole box is on the kept side, 1 if none of it is, 0 if the line crosses it. */
function boxSide(boxes: Float64Array, k: number, cut: Cut): number {
  const [west, south, east, north] = [
    boxes[k] as number,
    boxes[k + 1] as number,
    boxes[k + 2] as number,
    boxes[k + 3] as number,
  ];
  // The box's corners with the least and the greatest nx·x + ny·y.
  const low = cut.nx * (cut.nx > 0 ? west : east) + cut.ny * (cut.ny > 0 ? south : north) - cut.c;
  const high = cut.nx * (cut.nx > 0 ? east : west) + cut.ny * (cut.ny > 0 ? north : south) - cut.c;
  if (high < 0) return -1;
  if (low >= 0) return 1;
  return 0;
}

let buffer = new Float64Array(1024);
let runSide = new Int8Array(64);
const straddling: number[] = [];

/** A reused array for the corners' distances to the cut: one per ring per cut made the GC busy. */
function scratch(n: number): Float64Array {
  if (buffer.length < n) buffer = new Float64Array(2 * n);
  return buffer;
}

/** Where p lies along the cut's line (a function, not a closure: clip runs for every cut). */
function along(p: Corner, cut: Cut): number {
  return p.y * cut.nx - p.x * cut.ny;
}

/** Joins the chains into shells: each exit continues along the cut to its partner entry. */
function stitch(chains: Corner[][], crossings: Crossing[]): Ring[] {
  crossings.sort((a, b) => a.s - b.s || a.tie - b.tie);
  const next = new Map<number, number>();
  for (let k = 0; k + 1 < crossings.length; k += 2) {
    const [p, q] = [crossings[k] as Crossing, crossings[k + 1] as Crossing];
    if (p.exit === q.exit) throw new Error("clip: a ring crosses itself");
    if (p.exit) next.set(p.chain, q.chain);
    else next.set(q.chain, p.chain);
  }
  const used = new Set<number>();
  const rings: Ring[] = [];
  chains.forEach((_, first) => {
    const ring: Ring = [];
    for (let k: number | undefined = first; k !== undefined && !used.has(k); k = next.get(k)) {
      used.add(k);
      ring.push(...(chains[k] ?? []));
    }
    if (ring.length > 0) rings.push(ring);
  });
  return rings;
}

/**
 * Where edge a→b meets the line. Computed from the endpoints in a fixed order, so the two
 * cells on either side of a cut (which see the same d with opposite signs) get the same point.
 */
function crossingPoint(a: Corner, b: Corner, da: number, db: number, edge: number): Corner {
  if (da === 0) return { ...a, edge };
  if (db === 0) return { ...b, edge };
  const [p, q, dp, dq] = a.x < b.x || (a.x === b.x && a.y < b.y) ? [a, b, da, db] : [b, a, db, da];
  const t = dp / (dp - dq);
  return { x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t, edge };
}

function withoutRepeats(ring: Ring): Ring {
  const repeated = ring.some((p, i) => {
    const next = ring[i + 1 === ring.length ? 0 : i + 1] as Corner;
    return p.x === next.x && p.y === next.y;
  });
  if (!repeated) return ring;
  const kept: Ring = [];
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i] as Corner;
    const next = ring[i + 1 === ring.length ? 0 : i + 1] as Corner;
    if (p.x !== next.x || p.y !== next.y) kept.push(p);
  }
  return kept;
}

function holeIn(hole: Ring, shell: Ring, shells: Ring[]): boolean {
  const probe = hole[0];
  return shells.length === 1 || (probe !== undefined && containsPoint(shell, probe.x, probe.y));
}

/** Even-odd ray casting; the probe lies strictly inside or outside in every use here. */
export function containsPoint(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [a, b] = [ring[i] as Corner, ring[j] as Corner];
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}
