// The geo rules run live in the browser while the coordinator works: each mode's work in
// progress is checked the way the API will check it on save, so problems show before saving.
import {
  checkGridInCommunity,
  coverageGaps,
  type GridProblem,
  mergeGrids,
  type SiblingGrid,
  splitGrid,
  validateGridGeometry,
} from "@civgrid/geo";
import type { LineString, MultiPolygon, Polygon } from "geojson";

// The problems' wording comes with the rules that find them (the editor loads both lazily).
export { formatProblem } from "@civgrid/geo";

type Surface = Polygon | MultiPolygon;

export interface Gaps {
  /** Uncovered part of the community, m², and its share in percent. */
  gapArea: number;
  gapPercent: number;
  geometry: Surface | null;
}

export interface DraftCheck {
  problems: GridProblem[];
  /** The community's coverage if the draft were saved as it is now. */
  gaps: Gaps;
}

/**
 * A drawn or edited grid against the rules: a valid polygon (self-intersections marked where
 * they cross), inside the community, clear of its siblings. Gaps count the draft in when it
 * is a valid polygon.
 *
 * @example checkDraft(draft, community, siblings).problems[0]?.key // "grid.overlapsSibling"
 */
export function checkDraft(
  draft: MultiPolygon,
  community: Surface,
  siblings: readonly SiblingGrid[],
): DraftCheck {
  const others = siblings.map((sibling) => sibling.geometry);
  const verdict = validateGridGeometry(draft);
  if (!verdict.ok) return { problems: verdict.problems, gaps: gapsOf(community, others) };
  return {
    problems: safely(() => checkGridInCommunity(verdict.geometry, community, siblings)) ?? [],
    gaps: gapsOf(community, [...others, verdict.geometry]),
  };
}

export function gapsOf(community: Surface, grids: readonly Surface[]): Gaps {
  const gaps = safely(() => coverageGaps(community, grids));
  return gaps
    ? { gapArea: gaps.gapArea, gapPercent: gaps.gapPercent, geometry: gaps.geometry }
    : { gapArea: 0, gapPercent: 0, geometry: null };
}

export type PiecesCheck = { ok: true; pieces: Surface[] } | { ok: false; problems: GridProblem[] };

/** The pieces the line would cut the grid into, or why it cannot cut it. */
export function checkSplit(grid: Surface, line: LineString): PiecesCheck {
  const result = safely(() => splitGrid(grid, line));
  if (!result) return { ok: false, problems: [] };
  return result.ok ? { ok: true, pieces: result.pieces } : result;
}

/** The grid two neighbours would become, or why they cannot be merged. */
export function checkMerge(a: Surface, b: Surface): PiecesCheck {
  const result = safely(() => mergeGrids(a, b));
  if (!result) return { ok: false, problems: [] };
  return result.ok ? { ok: true, pieces: [result.geometry] } : result;
}

/**
 * turf's polygon clipping can throw on shapes a hand drag makes for a moment (a vertex on top
 * of another); the check then says nothing until the next change, and the API still decides.
 */
function safely<T>(check: () => T): T | null {
  try {
    return check();
  } catch {
    return null;
  }
}
