// How good a partition is: balance (coefficient of variation) and compactness (Polsby–Popper).
import { area, booleanPointInPolygon, length, polygonToLine } from "@turf/turf";
import type { Feature, MultiPolygon, Point, Polygon } from "geojson";

export interface PartitionMetrics {
  /** Coefficient of variation (σ / mean, a fraction) of part areas, or of summed point weights. */
  cv: number;
  /** Mean Polsby–Popper score 4πA/P² of the parts: 1 for a disc, 0.785 for a square. */
  polsbyPopper: number;
}

/** 4πA/P² with geodesic area and perimeter (holes count towards the perimeter). */
export function polsbyPopper(shape: Polygon | MultiPolygon): number {
  const perimetre = length(polygonToLine(shape), { units: "meters" });
  return perimetre > 0 ? (4 * Math.PI * area(shape)) / perimetre ** 2 : 0;
}

/** Population standard deviation over mean; 0 for an empty list or a zero mean. */
export function coefficientOfVariation(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  if (mean === 0) return 0;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}

/**
 * Balance and compactness of `parts`. With `weights`, the balanced quantity is the summed
 * `weight` (default 1) of the points inside each part; otherwise it is the part's area.
 */
export function partitionMetrics(
  parts: readonly (Polygon | MultiPolygon)[],
  weights?: readonly Feature<Point, { weight?: number } | null>[],
): PartitionMetrics {
  const amounts = weights
    ? parts.map((part) =>
        weights
          .filter((point) => booleanPointInPolygon(point, part))
          .reduce((sum, point) => sum + (point.properties?.weight ?? 1), 0),
      )
    : parts.map((part) => area(part));
  const scores = parts.map(polsbyPopper);
  return {
    cv: coefficientOfVariation(amounts),
    polsbyPopper: scores.reduce((s, v) => s + v, 0) / Math.max(scores.length, 1),
  };
}
