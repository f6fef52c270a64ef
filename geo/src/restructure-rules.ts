// The thresholds that decide whether two grids may merge and what a split cut leaves: one set of
// numbers for the browser's preview (split.ts, merge.ts) and the server's PostGIS check, which
// takes them from here as parameters — so a preview never promises what the save refuses.

/** A split piece smaller than this (m²) is a sliver of a line drawn along an edge: the cut is refused. */
export const SPLIT_MIN_PIECE_M2 = 10;
/** Borders closer than this (m) count as the same line: rounding, not a gap between grids. */
export const MERGE_SLACK_M = 0.01;
/** Grids whose borders run together for less than this (m) only touch at a point: no merge. */
export const MERGE_MIN_SHARED_M = 0.1;

export const restructureRules = {
  splitMinPieceM2: SPLIT_MIN_PIECE_M2,
  mergeSlackM: MERGE_SLACK_M,
  mergeMinSharedM: MERGE_MIN_SHARED_M,
} as const;
