// How well a set of grids covers its community: the numbers behind "no gaps, no overlaps".
import { area, bbox, difference, feature, featureCollection, intersect, union } from "@turf/turf";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import { boxesMeet } from "./boxes-meet.ts";

type Surface = Polygon | MultiPolygon;

export interface CoverageReport {
  /** Part of the community no grid covers, m². */
  gapArea: number;
  /** gapArea as a percentage of the community's area. */
  gapPercent: number;
  /** Sum of the areas where two grids overlap, m². */
  overlapArea: number;
  /** Part of the grids that lies outside the community, m². */
  outsideArea: number;
}

/**
 * Measures gaps, overlaps and spill-over of `grids` against `community` (geodesic m², turf area).
 * A perfect tiling reports zeros; floating-point noise shows up as a few mm².
 *
 * @example coverageReport(community, grids).gapPercent < 0.01
 */
export function coverageReport(community: Surface, grids: readonly Surface[]): CoverageReport {
  const communityFeature = feature(community);
  const gridFeatures = grids.map((grid) => feature(grid));
  const gap = difference(featureCollection<Surface>([communityFeature, ...gridFeatures]));
  const gapArea = areaOf(gap);
  const covered =
    gridFeatures.length > 1 ? union(featureCollection(gridFeatures)) : gridFeatures[0];
  const outside = covered
    ? difference(featureCollection<Surface>([covered, communityFeature]))
    : null;
  const communityArea = area(communityFeature);
  return {
    gapArea,
    gapPercent: communityArea > 0 ? (gapArea / communityArea) * 100 : 0,
    overlapArea: pairwiseOverlap(gridFeatures),
    outsideArea: areaOf(outside),
  };
}

function pairwiseOverlap(grids: Feature<Surface>[]): number {
  const boxes = grids.map((grid) => bbox(grid));
  let total = 0;
  for (let i = 0; i < grids.length; i++) {
    for (let j = i + 1; j < grids.length; j++) {
      // The bbox test skips the clipping for the many pairs that are far apart.
      const [a, b, boxA, boxB] = [grids[i], grids[j], boxes[i], boxes[j]];
      if (!a || !b || !boxA || !boxB || !boxesMeet(boxA, boxB)) continue;
      total += areaOf(intersect(featureCollection([a, b])));
    }
  }
  return total;
}

function areaOf(surface: Feature<Surface> | null | undefined): number {
  return surface ? area(surface) : 0;
}
