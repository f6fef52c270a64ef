// The notice's (通报) ranking table: its columns, in order, the same on the page and in the XLSX.

/** Every column of a ranking row a reader sees; rates are fractions shown as percentages. */
export const RANKING_COLUMNS = [
  "rank",
  "name",
  "pointsLost",
  "problems",
  "open",
  "overdue",
  "closed",
  "closedOnTime",
  "onTimeRate",
  "reworkRate",
  "taskOnTimeRate",
  "materialRate",
] as const;
export type RankingColumn = (typeof RANKING_COLUMNS)[number];

/** The columns holding a rate (0–1, or null when there is too little to rate). */
export const RATE_COLUMNS: readonly RankingColumn[] = [
  "onTimeRate",
  "reworkRate",
  "taskOnTimeRate",
  "materialRate",
];
