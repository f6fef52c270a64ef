// Pure geometry and domain rules shared by the api and the web app.
// China time and working days; the rectification loop's table (issue 15b).

export {
  byLocale,
  type Catalogue,
  catalogueProblems,
  fillTemplate,
  flattenResources,
  locales,
  placeholdersOf,
} from "./catalogue.ts";
export {
  addDays,
  CHINA_EXTENT,
  CHINA_OFFSET_MS,
  CHINA_TIME_ZONE,
  chinaClockInUtcMs,
  chinaDate,
  chinaDateTime,
  chinaMinuteOfDay,
  chinaWallClock,
  chinaWeekday,
  dateInChina,
  endOfDayInChina,
  insideChina,
  parseChinaTime,
  startOfDayInChina,
  todayInChina,
} from "./china.ts";
export { isCitizenPath, requestIdOf } from "./citizen-paths.ts";
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
export { INSPECTION_LIMITS } from "./inspection-limits.ts";
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
export { isMainlandMobile, MAINLAND_MOBILE, maskMobile } from "./mobile-number.ts";
// Notifications, reminders and escalation (issue 17).
export * from "./notifications/index.ts";
export { CITIZEN_PAGE_HTML, MY_AREA_PAGE_HTML, pageHtmlAt } from "./page-html.ts";
export {
  countForTargetArea,
  MAX_PARTS,
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
export { RANKING_COLUMNS, RATE_COLUMNS, type RankingColumn } from "./ranking-columns.ts";
export {
  type Actor,
  allowedSteps,
  awaitingDispatch,
  daysToRectify,
  type LoopRole,
  type Need,
  type Offer,
  openStatuses,
  type ProblemState,
  type ProblemStatus,
  problemStatuses,
  type RectificationAction,
  type Refusal,
  rectificationActions,
  refusal,
  returnReasons,
  type Severity,
  type StepAction,
  type StepRule,
  sendBackReasons,
  stepActions,
  stepRules,
} from "./rectification.ts";
export {
  MERGE_MIN_SHARED_M,
  MERGE_SLACK_M,
  restructureRules,
  SPLIT_MIN_PIECE_M2,
} from "./restructure-rules.ts";
export {
  type GeocoderOutcome,
  numberIn,
  publicSearchKinds,
  SEARCH_PER_KIND,
  SEARCH_PER_KIND_MAX,
  SEARCH_TEXT_MAX,
  type SearchAnswer,
  type SearchHit,
  type SearchKind,
  searchKinds,
} from "./search.ts";
export {
  COMMUNITY_SIZE_LIMITS,
  GRID_SIZE_LIMITS,
  type SizeLimits,
  sizeProblems,
} from "./size-limits.ts";
export { snapToNeighbours } from "./snap.ts";
export { type SplitResult, splitGrid } from "./split.ts";
export {
  type GridProblem,
  MAX_VERTICES,
  type Verdict,
  validateGridGeometry,
} from "./validate-grid.ts";
export {
  type ActivityKind,
  activityKinds,
  hospitalKinds,
  type InspectionKind,
  type ItemOutcome,
  inspectionKinds,
  itemOutcomes,
  type MaterialBoardStatus,
  type MaterialCategory,
  type MaterialStatus,
  materialBoardStatuses,
  materialCategories,
  materialStatuses,
  type PhaseKind,
  type PointKind,
  type ProblemSeverity,
  type ProblemSource,
  phaseKinds,
  pointKinds,
  problemSeverities,
  problemSources,
  type ResponsibleDuty,
  type Role,
  responsibleDuties,
  roles,
  type StandardStatus,
  standardStatuses,
  type TaskAssignmentStatus,
  taskAssignmentStatuses,
  type UnitKind,
  unitKinds,
} from "./vocabulary.ts";
export {
  addWorkingDays,
  isWorkingDay,
  MAX_WORKING_DAYS,
  officialCalendarFor,
  type WorkingDayCount,
  workingDayDeadline,
  workingDaysBetween,
} from "./working-days.ts";
