// What one inspection (检查记录) can hold: caps by what an inspector could record in one round,
// so a runaway client cannot make one request insert thousands of problems (a 4,200-failure
// inspection once took 43 s). Read by the api's checks and the web's form alike.
export const INSPECTION_LIMITS = {
  /** Points visited in one inspection: a long day's round of a district. */
  visits: 200,
  /** Results (point × standard item) in one inspection, across all its visits. */
  results: 1000,
  /** Failed results: each becomes a problem to route, rectify and check. */
  failed: 200,
} as const;
