// Geometry problems — from geo/'s checks before saving, or PostGIS's inside the transaction — as one
// error a coordinator can act on: each problem with its message, where it is, its area and shape.
import { formatProblem, gridProblem, type Problem } from "@civgrid/geo";
import { AppError } from "../errors.ts";
import type { Lang } from "../messages.ts";
import type { PostgisProblem } from "./postgis-checks.ts";

export function renderGridProblem(p: Problem, lang: Lang) {
  return { ...p, message: formatProblem(p, lang) };
}

/** PostGIS's verdicts in geo/'s vocabulary, so both speak with one voice. */
export function fromPostgis(p: PostgisProblem): Problem {
  switch (p.code) {
    case "invalid":
      return gridProblem("grid.invalid", {
        params: { reason: p.reason ?? "" },
        ...(p.at && { at: p.at }),
      });
    case "outside_community":
      return gridProblem("grid.outsideCommunity", {
        area: p.areaM2 ?? 0,
        geometry: p.geometry as Problem["geometry"],
      });
    case "overlap":
      return gridProblem("grid.overlapsSibling", {
        area: p.areaM2 ?? 0,
        params: { sibling: p.gridCode ?? "", gridId: p.gridId ?? 0 },
        geometry: p.geometry as Problem["geometry"],
      });
  }
}

/** 400 for a shape that is not a polygon at all; 422 for a polygon that breaks the grid rules. */
export function geometryError(status: 400 | 422, problems: Problem[]) {
  return new AppError(
    status,
    status === 400 ? "invalid_geometry" : "grid_rules",
    {
      key: status === 400 ? "error.invalid_geometry" : "error.grid_rules",
      params: { count: problems.length },
    },
    undefined,
    (lang) => ({ problems: problems.map((p) => renderGridProblem(p, lang)) }),
  );
}
