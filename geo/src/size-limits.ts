// The smallest grid and community a person could mean (issue 21): shared by the web's drawing
// checks and the API's, so a 1 cm² grid is refused on both sides with the same reason.
import { area, length, lineString, polygon } from "@turf/turf";
import type { Position } from "geojson";
import { gridProblem, type Problem } from "./problem.ts";

export interface SizeLimits {
  /** Smallest area of each polygon, m². */
  minAreaM2: number;
  /** Smallest average width of each polygon (2 × area ÷ outer perimeter), m. */
  minWidthM: number;
}

/** A grid is patrolled on foot: smaller than a room (10 m²…) or thinner than a path is a slip. */
export const GRID_SIZE_LIMITS: SizeLimits = { minAreaM2: 100, minWidthM: 3 };

/** A community holds grids: below a small courtyard it cannot be one. */
export const COMMUNITY_SIZE_LIMITS: SizeLimits = { minAreaM2: 1000, minWidthM: 10 };

/**
 * Polygons (each given as its rings, shell first) smaller or thinner than the limits, each named by
 * its number (from 1) with its measured size and the minimum. Average width is 2·A/P: for a long
 * strip it is the strip's width, for a square half its side — a cheap, stable proxy that needs no
 * medial axis.
 *
 * @example sizeProblems([[[[117, 35], [117.000001, 35], [117.000001, 35.000001], [117, 35]]]], GRID_SIZE_LIMITS)
 *   // → [{ code: "too_small", key: "grid.tooSmall", params: { part: 1, min: 100 }, area: 0.0… }]
 */
export function sizeProblems(parts: Position[][][], limits: SizeLimits): Problem[] {
  return parts.flatMap((rings, i) => {
    const shell = rings[0] ?? [];
    const size = area(polygon(rings));
    const part = i + 1;
    if (size < limits.minAreaM2) {
      return [
        gridProblem("grid.tooSmall", {
          // `area` is worded by formatProblem ("0.0 m²").
          params: { part, min: limits.minAreaM2 },
          area: size,
        }),
      ];
    }
    const perimeter = length(lineString(shell), { units: "meters" });
    const width = perimeter > 0 ? (2 * size) / perimeter : 0;
    if (width < limits.minWidthM) {
      return [
        gridProblem("grid.tooNarrow", {
          params: { part, width: width.toFixed(1), min: limits.minWidthM },
          area: size,
        }),
      ];
    }
    return [];
  });
}
