// Does a grid fit its community: inside the boundary and clear of the community's other grids.
import { area, bbox, difference, feature, featureCollection, intersect } from "@turf/turf";
import type { MultiPolygon, Polygon } from "geojson";
import { boxesMeet } from "./boxes-meet.ts";
import { gridProblem, type Problem } from "./problem.ts";

type Surface = Polygon | MultiPolygon;

/** Another grid of the same community; `code` (when known) is what the message shows. */
export interface SiblingGrid {
  id: number | string;
  code?: string;
  geometry: Surface;
}

export interface FitOptions {
  /** Leftovers smaller than this (m²) are drawing noise, not problems. Default 1 m². */
  toleranceM2?: number;
}

/**
 * Problems with placing `grid` in `community` next to `siblings`: the part outside the community
 * ("grid.outsideCommunity", with its area and geometry) and the overlap with each sibling
 * ("grid.overlapsSibling", params siblingId and sibling = code or id). Areas are geodesic m².
 *
 * @example checkGridInCommunity(grid, community, [{ id: 7, code: "370481002003007", geometry }])
 */
export function checkGridInCommunity(
  grid: MultiPolygon,
  community: Surface,
  siblings: readonly SiblingGrid[],
  options: FitOptions = {},
): Problem[] {
  const tolerance = options.toleranceM2 ?? 1;
  const gridFeature = feature(grid);
  const problems: Problem[] = [];
  const outside = difference(featureCollection<Surface>([gridFeature, feature(community)]));
  if (outside && area(outside) > tolerance) {
    problems.push(
      gridProblem("grid.outsideCommunity", { area: area(outside), geometry: outside.geometry }),
    );
  }
  const gridBox = bbox(grid);
  for (const sibling of siblings) {
    if (!boxesMeet(gridBox, bbox(sibling.geometry))) continue;
    const overlap = intersect(featureCollection<Surface>([gridFeature, feature(sibling.geometry)]));
    if (!overlap || area(overlap) <= tolerance) continue;
    const params = { siblingId: sibling.id, sibling: sibling.code ?? String(sibling.id) };
    problems.push(
      gridProblem("grid.overlapsSibling", {
        params,
        area: area(overlap),
        geometry: overlap.geometry,
      }),
    );
  }
  return problems;
}
