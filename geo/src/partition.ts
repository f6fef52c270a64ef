// Auto-partition (自动划分): a community or district cut into `count` balanced, compact grids.
import { bbox, area as turfArea } from "@turf/turf";
import type { Feature, MultiPolygon, Point, Polygon } from "geojson";
import { LocalPlane } from "./local-plane.ts";
import { balanceWeights, byArea } from "./partition/balance.ts";
import type { Piece } from "./partition/clip.ts";
import { coarse } from "./partition/coarse.ts";
import { groupIslands, type Island, landingOwner, withIslands } from "./partition/islands.ts";
import { measure } from "./partition/measure.ts";
import { toPieces, toPolygons } from "./partition/outline.ts";
import { byPoints, pointsIn } from "./partition/points.ts";
import { type Balancer, polish, settle } from "./partition/search.ts";
import { kMeans, latticeInside, seededRandom, type WeightedPoint } from "./partition/seeds.ts";
import { type PartitionMetrics, partitionMetrics } from "./partition-metrics.ts";

export type WeightPoint = Feature<Point, { weight?: number } | null>;

export interface PartitionOptions {
  /** How many parts (grids) to make. */
  count: number;
  /** Balance the summed `weight` (default 1) of these points (households, inspection points). */
  weights?: readonly WeightPoint[];
  /** Seeds the k-means start; the same seed gives the same parts. */
  seed?: number;
  /** Called as the search goes (`done` of `total` steps, in no fixed unit), for a progress bar. */
  onProgress?: (progress: { done: number; total: number }) => void;
}

export interface PartitionResult {
  /** Polygons; a MultiPolygon where a grid carries islands (or pieces of a MultiPolygon). */
  parts: (Polygon | MultiPolygon)[];
  metrics: PartitionMetrics & { ms: number };
}

/** A keyed refusal; `key` names the message in gridMessages. */
export class PartitionError extends Error {
  constructor(
    readonly key: "partition.count",
    readonly params: Record<string, number>,
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = "PartitionError";
  }
}

export const MAX_PARTS = 300;
/**
 * Effort: `starts` k-means starts, each settled by `rounds` of Lloyd; the `keep` most compact
 * are polished by `early` search moves, and the best of those by `late` more. Which local
 * optimum the polish reaches depends mostly on the start, so many cheap starts screened by
 * their settled score do better than a few long ones: on the Tengzhou outline (10 parts, 1,008
 * vertices) seeds 1–6 reach a mean Polsby–Popper of 0.671 with this, 0.666 with 3 starts of
 * 8 rounds each, in about the same time (< 1 s on a 2-core machine); 1,500 late moves instead
 * of 150 add nothing. Above `maxCount` parts a single settled start is used: each move would
 * cost too much and shift too little. Balancing point weights takes more Newton steps (the
 * amounts jump as points change sides), so that search is shorter.
 */
const SEARCH = { starts: 8, rounds: 4, keep: 3, early: 40, late: 150, maxCount: 30 };
const WEIGHED_SEARCH = { ...SEARCH, starts: 2, rounds: 8, keep: 2, early: 15, late: 50 };

/**
 * Cuts `area` into exactly `count` polygons that tile it (no gaps, no overlaps) with equal areas
 * (or equal summed point weights) and compact shapes.
 *
 * How: in a local metric plane, k-means on a lattice of points inside the polygon (or on the
 * weight points) gives the starting sites. The parts are the cells of a power diagram (Voronoi
 * with a weight per site) cut out of the polygon. Newton's method on the weights makes every
 * cell's share equal, then each site moves to its cell's centroid (Lloyd), which makes the cells
 * compact; a few rounds settle near a capacity-constrained centroidal power diagram. Then a
 * short seeded search moves single sites and keeps a move when the mean Polsby–Popper score
 * rises (see partition/search.ts): a jagged outline makes "compact" by inertia and by
 * perimeter differ. The best of a few starts is kept.
 * With `weights`, the balanced amount is the summed weight of the points in each cell (points
 * outside the area are ignored); shares can then only be as even as one point's weight allows,
 * and `metrics.cv` is the coefficient of variation of those sums instead of the areas.
 * Where the polygon is concave, a cell can fall into pieces: the stray pieces join the
 * neighbour they share the longest border with, so every part is one polygon. Cutting is exact
 * half-plane clipping, so the parts share their borders vertex for vertex and keep every vertex
 * of the outline (less repeated positions and zero-width spikes). A MultiPolygon's pieces are
 * partitioned separately, with counts in proportion to their areas (or weights); a piece worth
 * less than half a grid (an island) joins the grid on the shore nearest to it instead, and is
 * counted in that grid's balance (partition/islands.ts), so such a part is a MultiPolygon.
 * The search runs on a copy of the outline simplified to about 1,000 vertices
 * (partition/coarse.ts); only the final balancing cuts the real outline.
 *
 * @example partitionBalanced(community, { count: 5, seed: 1 }).parts.length === 5
 */
export function partitionBalanced(
  area: Polygon | MultiPolygon,
  options: PartitionOptions,
): PartitionResult {
  const started = performance.now();
  const { count, weights, seed = 1 } = options;
  if (!Number.isInteger(count) || count < 1 || count > MAX_PARTS) {
    throw new PartitionError("partition.count", { count, max: MAX_PARTS });
  }
  const plane = LocalPlane.around(bbox(area));
  const pieces = toPieces(area, plane);
  const points = weights && pointsIn(pieces, weights, plane);
  const amounts = pieces.map((piece, k) =>
    points ? sum(points[k] ?? []) : measure(piece, plane.areaSlope).area,
  );
  const { mainland, islands } = groupIslands(pieces, amounts, count);
  const carried = mainland.map((k) => islands.get(k) ?? []);
  const counts = shareOut(
    count,
    mainland.map((k, i) => (amounts[k] ?? 0) + amountOf(carried[i] ?? [])),
  );
  const random = seededRandom(seed);
  const budgets = counts.map((c, i) =>
    c > 1 ? effortOf(c, points?.[mainland[i] ?? 0]).budget : 0,
  );
  const progress = progressOf(budgets, options.onProgress);
  const regions = mainland.flatMap((k, i) =>
    cutPiece(
      { piece: pieces[k] as Piece, islands: carried[i] ?? [], points: points?.[k] },
      counts[i] ?? 1,
      plane,
      random,
      () => progress.tick(i),
    ),
  );
  progress.finish();
  const parts = toPolygons(regions, plane);
  return {
    parts,
    metrics: { ...partitionMetrics(parts, weights), ms: performance.now() - started },
  };
}

/** How many parts make pieces of about `targetM2` each (at least one). */
export function countForTargetArea(area: Polygon | MultiPolygon, targetM2: number): number {
  return Math.min(MAX_PARTS, Math.max(1, Math.round(turfArea(area) / targetM2)));
}

/** A mainland piece, the islands it carries, and the weight points inside it. */
interface Land {
  piece: Piece;
  islands: Island[];
  points: WeightedPoint[] | undefined;
}

function cutPiece(
  { piece, islands, points }: Land,
  count: number,
  plane: LocalPlane,
  random: () => number,
  tick: () => void,
): Piece[][] {
  if (count === 1) return [[piece, ...islands.map((island) => island.piece)]];
  const slope = plane.areaSlope;
  const area = measure(piece, slope).area;
  const weighed = points !== undefined && sum(points) > 0;
  const quantity = withIslands(weighed ? byPoints(points) : byArea, islands);
  const islandAmount = amountOf(islands);
  const target = ((weighed ? sum(points) : area) + islandAmount) / count;
  // Point weights come in lumps: no region can get closer to its share than one point's weight.
  const lump = weighed ? Math.max(...points.map((p) => p.weight)) / target : 0;
  const balancerOn =
    (subject: Piece, subjectTarget: number, rescue = true): Balancer =>
    (sites, tolerance, maxSteps = 6) => {
      tick();
      return balanceWeights(subject, sites, slope, {
        quantity,
        target: subjectTarget,
        tolerance: Math.max(tolerance, lump),
        maxSteps,
        rescue,
        halvings: rescue ? undefined : 2,
      });
    };
  // The search runs on a simplified outline (partition/coarse.ts); its area differs a little.
  const search = coarse(piece);
  const searchTarget = weighed ? target : (measure(search, slope).area + islandAmount) / count;
  // No rescue step while searching, and a failing step halved only twice: the search keeps only
  // balanced moves, and on the prefecture outline (10 and 30 grids, either ring direction) these
  // tries never made one balanced: the parts are the same without them. The final balancing on
  // the real outline keeps both (a Shapefile's clockwise rings need the rescue at 30 grids).
  const balance = balancerOn(search, searchTarget, false);
  const spacing = Math.sqrt(area / count);
  const sample = weighed
    ? points
    : latticeInside(search, area, Math.min(8000, Math.max(600, 80 * count)), random);
  const { effort, starts } = effortOf(count, points);
  const layouts = Array.from({ length: starts }, () => {
    const sites = distinct(kMeans(sample, count, random)).map((c) => ({ ...c, w: 0 }));
    return settle(sites, balance, effort.rounds, spacing);
  })
    .sort((a, b) => b.score - a.score)
    .slice(0, effort.keep)
    .map((layout) =>
      count <= effort.maxCount ? polish(layout, balance, effort.early, random) : layout,
    );
  const best = layouts.reduce((a, b) => (b.score > a.score ? b : a));
  const final = count <= effort.maxCount ? polish(best, balance, effort.late, random) : best;
  const regions = balancerOn(piece, target)(final.sites, 1e-5, 40).diagram.regions.map((region) => [
    ...region.pieces,
  ]);
  for (const island of islands) regions[landingOwner(final.sites, island)]?.push(island.piece);
  return regions;
}

function amountOf(islands: Island[]): number {
  return islands.reduce((s, island) => s + island.amount, 0);
}

/** The search's effort for one piece, and how many balancing steps it takes at most. */
function effortOf(count: number, points: WeightedPoint[] | undefined) {
  const effort = points !== undefined && sum(points) > 0 ? WEIGHED_SEARCH : SEARCH;
  const searched = count <= effort.maxCount;
  const starts = searched ? effort.starts : 1;
  const polishing = searched ? effort.keep * effort.early + effort.late : 0;
  return { effort, starts, budget: starts * (effort.rounds + 1) + polishing + 1 };
}

/**
 * Counts balancing steps against each piece's budget (settling can stop early, so a piece's
 * count is topped up when the next begins) and reports at most every 1 % of the total.
 */
function progressOf(budgets: number[], report?: (p: { done: number; total: number }) => void) {
  const total = budgets.reduce((s, b) => s + b, 0) || 1;
  const before = budgets.map((_, k) => budgets.slice(0, k).reduce((s, b) => s + b, 0));
  let [done, shown] = [0, -1];
  const show = () => {
    const percent = Math.floor((100 * done) / total);
    if (percent > shown) report?.({ done, total });
    shown = percent;
  };
  return {
    tick(k: number) {
      done = Math.min(Math.max(done, before[k] ?? 0) + 1, (before[k] ?? 0) + (budgets[k] ?? 0));
      show();
    },
    finish() {
      done = total;
      shown = -1;
      show();
    },
  };
}

/** Largest-remainder shares of `count` in proportion to `amounts`, at least one each. */
function shareOut(count: number, amounts: number[]): number[] {
  const total = amounts.reduce((s, a) => s + a, 0) || 1;
  const spare = count - amounts.length;
  const exact = amounts.map((a) => (a / total) * spare);
  const shares = exact.map((e) => 1 + Math.floor(e));
  const order = exact
    .map((e, k) => ({ k, rest: e - Math.floor(e) }))
    .sort((a, b) => b.rest - a.rest);
  let left = count - shares.reduce((s, v) => s + v, 0);
  for (const { k } of order) {
    if (left-- <= 0) break;
    shares[k] = (shares[k] ?? 0) + 1;
  }
  return shares;
}

/** Sites must differ: two at one point would have no bisector. */
function distinct(centres: { x: number; y: number }[]): { x: number; y: number }[] {
  const seen = new Set<string>();
  return centres.map((c, i) => {
    const key = `${c.x},${c.y}`;
    const nudged = seen.has(key) ? { x: c.x + 1e-3 * (i + 1), y: c.y } : c;
    seen.add(`${nudged.x},${nudged.y}`);
    return nudged;
  });
}

function sum(points: WeightedPoint[]): number {
  return points.reduce((s, p) => s + p.weight, 0);
}
