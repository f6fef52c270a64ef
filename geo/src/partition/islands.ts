// Outlines with islands or several parts: which pieces get grids of their own, and which small
// ones join the grid nearest to them instead (a 3 % island is no grid of its own).
import type { Quantity } from "./balance.ts";
import type { Piece } from "./clip.ts";
import type { Site } from "./power-cells.ts";
import type { WeightedPoint } from "./seeds.ts";

/**
 * A piece worth less than this share of one grid's amount joins a neighbour: on its own it
 * would make a grid far below the others; joined, it tips one grid by at most this much before
 * balancing moves that grid's border to make up for it.
 */
export const ISLAND_SHARE = 0.5;

/** A small piece carried by the mainland piece nearest to it, landing at `landing`. */
export interface Island {
  piece: Piece;
  amount: number;
  /** The mainland vertex nearest to the island: the grid owning it takes the island. */
  landing: WeightedPoint;
}

export interface Grouping {
  /** Indexes of the pieces that are cut into grids. */
  mainland: number[];
  /** Per mainland index, the islands it carries. */
  islands: Map<number, Island[]>;
}

/**
 * The largest pieces, up to `count`, that hold at least ISLAND_SHARE of a grid each (always at
 * least the largest) are mainland; every other piece joins the mainland piece nearest to it.
 */
export function groupIslands(pieces: Piece[], amounts: number[], count: number): Grouping {
  const total = amounts.reduce((s, a) => s + a, 0);
  const order = amounts.map((_, k) => k).sort((a, b) => (amounts[b] ?? 0) - (amounts[a] ?? 0));
  const mainland = order.filter(
    (k, rank) =>
      rank === 0 || (rank < count && (amounts[k] ?? 0) >= (ISLAND_SHARE * total) / count),
  );
  const islands = new Map<number, Island[]>(mainland.map((k) => [k, []]));
  for (const k of order) {
    if (mainland.includes(k)) continue;
    const piece = pieces[k] as Piece;
    const nearest = mainland
      .map((m) => ({ m, ...closestVertex(pieces[m] as Piece, piece) }))
      .reduce((a, b) => (b.distance < a.distance ? b : a));
    const amount = amounts[k] ?? 0;
    islands.get(nearest.m)?.push({ piece, amount, landing: { ...nearest.at, weight: amount } });
  }
  return { mainland: mainland.sort((a, b) => a - b), islands };
}

/** The vertex of `mainland`'s shell nearest to any vertex of `island`'s shell. */
function closestVertex(mainland: Piece, island: Piece) {
  let best = { distance: Number.POSITIVE_INFINITY, at: { x: 0, y: 0 } };
  for (const p of mainland.rings[0] ?? []) {
    for (const q of island.rings[0] ?? []) {
      const distance = (p.x - q.x) ** 2 + (p.y - q.y) ** 2;
      if (distance < best.distance) best = { distance, at: { x: p.x, y: p.y } };
    }
  }
  return best;
}

/**
 * The amounts with each island counted in the region whose site is nearest (by power distance)
 * to its landing: balancing then shrinks that region's own share by the island's amount.
 */
export function withIslands(quantity: Quantity, islands: Island[]): Quantity {
  if (!islands.length) return quantity;
  return (diagram, sites) => {
    const amounts = quantity(diagram, sites);
    for (const island of islands) {
      const owner = landingOwner(sites, island);
      amounts[owner] = (amounts[owner] ?? 0) + island.amount;
    }
    return amounts;
  };
}

/** The site whose power cell holds the island's landing. */
export function landingOwner(sites: Site[], island: Island): number {
  let [best, least] = [0, Number.POSITIVE_INFINITY];
  sites.forEach((site, i) => {
    const value = (island.landing.x - site.x) ** 2 + (island.landing.y - site.y) ** 2 - site.w;
    if (value < least) [best, least] = [i, value];
  });
  return best;
}
