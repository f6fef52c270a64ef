// Balancing by point weights (households, inspection points) instead of by area.
import type { Feature, Point } from "geojson";
import type { LocalPlane } from "../local-plane.ts";
import type { Quantity } from "./balance.ts";
import type { Piece } from "./clip.ts";
import type { Diagram, Site } from "./power-cells.ts";
import { insidePiece, type WeightedPoint } from "./seeds.ts";

/** The weight points in the plane, grouped by the piece that holds them; others are ignored. */
export function pointsIn(
  pieces: Piece[],
  weights: readonly Feature<Point, { weight?: number } | null>[],
  plane: LocalPlane,
): WeightedPoint[][] {
  const groups: WeightedPoint[][] = pieces.map(() => []);
  for (const point of weights) {
    const [x, y] = plane.toPlane(point.geometry.coordinates);
    const weight = point.properties?.weight ?? 1;
    const k = pieces.findIndex((piece) => insidePiece(piece, x, y));
    if (k >= 0 && Number.isFinite(weight) && weight > 0) groups[k]?.push({ x, y, weight });
  }
  return groups;
}

/**
 * Summed weight per region. A point belongs to the site with the least power distance, unless
 * that cell fell apart and handed the point's fragment to a neighbour.
 */
export function byPoints(points: WeightedPoint[]): Quantity {
  return (diagram, sites) => {
    const amounts = sites.map(() => 0);
    for (const p of points) {
      const owner = holder(diagram, nearest(sites, p), p);
      if (owner >= 0) amounts[owner] = (amounts[owner] ?? 0) + p.weight;
    }
    return amounts;
  };
}

function nearest(sites: Site[], p: WeightedPoint): number {
  let [best, least] = [-1, Number.POSITIVE_INFINITY];
  sites.forEach((site, i) => {
    const value = power(site, p);
    if (value < least) [best, least] = [i, value];
  });
  return best;
}

/** The region holding p, given the site it is nearest to (by power distance). */
function holder(diagram: Diagram, nearestSite: number, p: WeightedPoint): number {
  const own = diagram.regions[nearestSite]?.pieces[0];
  if (!diagram.split.has(nearestSite) || (own && insidePiece(own, p.x, p.y))) return nearestSite;
  // In a fragment the nearest site handed over: find the region that took it.
  return diagram.regions.findIndex((region) =>
    region.pieces.slice(1).some((piece) => insidePiece(piece, p.x, p.y)),
  );
}

function power(site: Site, p: WeightedPoint): number {
  return (p.x - site.x) ** 2 + (p.y - site.y) ** 2 - site.w;
}
