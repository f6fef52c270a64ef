// Settling and then polishing the sites of a partition: Lloyd's rounds, then a compactness search.
import type { Balanced } from "./balance.ts";
import type { Piece } from "./clip.ts";
import type { Diagram, Site } from "./power-cells.ts";

/** Balances a trial layout (weights adjusted in place) to the given tolerance. */
export type Balancer = (sites: Site[], tolerance: number, maxSteps?: number) => Balanced;

export interface Layout {
  sites: Site[];
  /** Mean Polsby–Popper score of the balanced regions, measured in the plane. */
  score: number;
  /** Current step length (m) of the search. */
  step: number;
  /** Balance error of the settled layout; a move may not leave the regions less balanced. */
  error: number;
}

/** Balance tolerance while searching: 0.5 % moves a border by far less than a search step. */
const SEARCH_TOLERANCE = 0.005;

/**
 * Lloyd's rounds: balance, then move every site to its region's centroid. This settles into a
 * capacity-constrained centroidal power diagram, whose cells are compact in the sense of
 * inertia (∫|x − s|²), the way k-means clusters are.
 */
export function settle(sites: Site[], balance: Balancer, rounds: number, spacing: number): Layout {
  for (let round = 0; round < rounds; round++) {
    const { diagram } = balance(sites, 0.01);
    let moved = 0;
    diagram.regions.forEach((region, i) => {
      const site = sites[i];
      if (!site || Number.isNaN(region.x)) return;
      moved = Math.max(moved, Math.hypot(region.x - site.x, region.y - site.y));
      [site.x, site.y] = [region.x, region.y];
    });
    if (moved < 1e-3 * spacing) break;
  }
  const { diagram, error } = balance(sites, SEARCH_TOLERANCE);
  return { sites, score: compactness(diagram), step: 0.15 * spacing, error };
}

/**
 * A (1+1) evolution strategy on the sites: move one random site a random step, rebalance, keep
 * the move if the mean Polsby–Popper score rose. The step grows after a success and shrinks
 * after a failure. Lloyd's optimum is compact by inertia, but Polsby–Popper counts perimeter,
 * and a jagged outline makes the two differ: on the Tengzhou outline this adds about 0.02.
 */
export function polish(
  layout: Layout,
  balance: Balancer,
  moves: number,
  random: () => number,
): Layout {
  let current = layout;
  const minStep = current.step / 30;
  for (let move = 0; move < moves; move++) {
    const sites = current.sites.map((site) => ({ ...site }));
    const moved = sites[Math.floor(random() * sites.length)] as Site;
    const [angle, length] = [random() * 2 * Math.PI, current.step * (0.5 + random())];
    moved.x += length * Math.cos(angle);
    moved.y += length * Math.sin(angle);
    const trial = balance(sites, SEARCH_TOLERANCE);
    const balanced = trial.error <= Math.max(SEARCH_TOLERANCE, layout.error);
    const score = balanced ? compactness(trial.diagram) : 0;
    current =
      score > current.score
        ? { ...current, sites, score, step: current.step * 1.5 }
        : { ...current, step: Math.max(current.step * 0.93, minStep) };
  }
  return current;
}

/** Mean 4πA/P² over the regions, in the plane (close to the geodesic value at town scale). */
export function compactness(diagram: Diagram): number {
  let sum = 0;
  for (const region of diagram.regions) {
    const perimeter = region.pieces.reduce((total, piece) => total + perimeterOf(piece), 0);
    if (perimeter > 0) sum += (4 * Math.PI * region.area) / perimeter ** 2;
  }
  return sum / Math.max(diagram.regions.length, 1);
}

function perimeterOf(piece: Piece): number {
  let length = 0;
  for (const ring of piece.rings) {
    for (let i = 0; i < ring.length; i++) {
      const p = ring[i] as Piece["rings"][number][number];
      const q = ring[i + 1 === ring.length ? 0 : i + 1] ?? p;
      length += Math.sqrt((q.x - p.x) ** 2 + (q.y - p.y) ** 2);
    }
  }
  return length;
}
