// The part of a community no grid covers, as a number and as a shape to highlight.
import { area, difference, feature, featureCollection } from "@turf/turf";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { gridProblem, type Problem } from "./problem.ts";

type Surface = Polygon | MultiPolygon;

export interface CoverageGaps {
  /** Uncovered area, m², counting only gaps above the tolerance. */
  gapArea: number;
  /** gapArea as a percentage of the community's area. */
  gapPercent: number;
  /** The uncovered parts, or null when the grids cover the community. */
  geometry: MultiPolygon | null;
  /** One "grid.coverageGap" problem (params percent, area) when there is a gap. */
  problems: Problem[];
}

/**
 * Where `grids` leave `community` uncovered. Gaps smaller than `toleranceM2` (default 1 m²) are
 * dropped one by one: they are the slivers of drawing and rounding, not missing grids.
 * coverageReport gives the totals without tolerance; this is what the editor shows.
 *
 * @example coverageGaps(community, grids).problems → [{ key: "grid.coverageGap", params: { percent: "3.2" }, … }]
 */
export function coverageGaps(
  community: Surface,
  grids: readonly Surface[],
  options: { toleranceM2?: number } = {},
): CoverageGaps {
  const tolerance = options.toleranceM2 ?? 1;
  const gap = difference(
    featureCollection<Surface>([feature(community), ...grids.map((g) => feature(g))]),
  );
  const parts: Position[][][] = !gap
    ? []
    : gap.geometry.type === "Polygon"
      ? [gap.geometry.coordinates]
      : gap.geometry.coordinates;
  const kept = parts.filter((rings) => area({ type: "Polygon", coordinates: rings }) > tolerance);
  const geometry: MultiPolygon | null =
    kept.length > 0 ? { type: "MultiPolygon", coordinates: kept } : null;
  const gapArea = geometry ? area(geometry) : 0;
  const communityArea = area(community);
  const gapPercent = communityArea > 0 ? (gapArea / communityArea) * 100 : 0;
  if (!geometry) return { gapArea, gapPercent, geometry, problems: [] };
  const percent = gapPercent < 0.1 ? gapPercent.toFixed(2) : gapPercent.toFixed(1);
  const problem = gridProblem("grid.coverageGap", { params: { percent }, area: gapArea, geometry });
  return { gapArea, gapPercent, geometry, problems: [problem] };
}
