// Pure geometry and domain rules shared by the api and the web app.
export { CHINA_EXTENT, insideChina } from "./china.ts";
// Standard clients and real-world files (issue 18): how far from the city is still the city's business.
export { CITY_MARGIN_M, COMMUNITY_MAX_AREA_M2, formatKm } from "./city-area.ts";
export { type CoverageReport, coverageReport } from "./coverage.ts";
export { type CoverageGaps, coverageGaps } from "./coverage-gaps.ts";
export { convertGeometry, convertPosition, type SourceCrs, toWgs84 } from "./crs.ts";
export {
  GridCodeError,
  gridCode,
  orderWestToEastNorthToSouth,
  type ParsedGridCode,
  parseGridCode,
} from "./grid-code.ts";
export { checkGridInCommunity, type FitOptions, type SiblingGrid } from "./grid-fit.ts";
export { LocalPlane } from "./local-plane.ts";
export { type MergeResult, mergeGrids, sharedBorder } from "./merge.ts";
export {
  formatArea,
  formatProblem,
  type GridMessageKey,
  gridMessages,
  type Locale,
  type MessageBook,
} from "./messages.ts";
export {
  countForTargetArea,
  PartitionError,
  type PartitionOptions,
  type PartitionResult,
  partitionBalanced,
  type WeightPoint,
} from "./partition.ts";
export {
  coefficientOfVariation,
  type PartitionMetrics,
  partitionMetrics,
  polsbyPopper,
} from "./partition-metrics.ts";
export { gridProblem, type Problem } from "./problem.ts";
export { snapToNeighbours } from "./snap.ts";
export { type SplitResult, splitGrid } from "./split.ts";
export {
  type GridProblem,
  MAX_VERTICES,
  type Verdict,
  validateGridGeometry,
} from "./validate-grid.ts";
