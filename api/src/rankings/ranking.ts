// Scores and rankings (失分排名): rates from the counts, and who is commended (流动红旗) or
// criticised. Pure rules over rows; the counting is SQL in queries.ts.
import type { Executor } from "../db/client.ts";
import type { Scope } from "../policy/scope.ts";
import { type CampaignWork, campaignWork } from "./campaign-work.ts";
import type { Period } from "./period.ts";
import { type RankBy, type RankingCounts, type RankingFilters, rankingCounts } from "./queries.ts";

/**
 * Rates need this many problems in the period before they mean anything: a unit with one
 * problem, fixed on time, has a 100% rate but is not the best unit. Below it the rates are null
 * and the unit is neither commended nor criticised.
 */
export const MIN_PROBLEMS_FOR_RATES = 5;
/** A notice criticises at most this many. */
export const MAX_CRITICISED = 3;

/** A ranked unit or grid: its counts (less the rework counts, shown as a rate) and its rates. */
export interface RankingRow extends Omit<RankingCounts, "submitted" | "reworked"> {
  /** closedOnTime / closed; null below the minimum or with nothing closed. */
  onTimeRate: number | null;
  /** problems returned at least once / problems that reached "submitted"; null likewise. */
  reworkRate: number | null;
  /** Tasks done by their deadline / tasks due in the period; null when none was due. */
  taskOnTimeRate: number | null;
  /** Weeks with materials in / weeks due in the period (units only); null when none was due. */
  materialRate: number | null;
}

export interface Ranking {
  by: RankBy;
  period: { from: string; to: string };
  filters: RankingFilters;
  minProblemsForRates: number;
  rows: RankingRow[];
  commended: RankingRow | null;
  criticised: RankingRow[];
}

const eligible = (r: RankingRow) => r.problems >= MIN_PROBLEMS_FOR_RATES;

/** Four decimals: enough for a percentage with two, and stable across engines' float output. */
const ratio = (part: number, whole: number) =>
  whole ? Math.round((part / whole) * 1e4) / 1e4 : null;

export function withRates(c: RankingCounts, work?: CampaignWork): RankingRow {
  const enough = c.problems >= MIN_PROBLEMS_FOR_RATES;
  return {
    id: c.id,
    name: c.name,
    pointsLost: c.pointsLost,
    problems: c.problems,
    open: c.open,
    overdue: c.overdue,
    closed: c.closed,
    closedOnTime: c.closedOnTime,
    onTimeRate: enough ? ratio(c.closedOnTime, c.closed) : null,
    reworkRate: enough ? ratio(c.reworked, c.submitted) : null,
    taskOnTimeRate: work ? ratio(work.tasksOnTime, work.tasksDue) : null,
    materialRate: work ? ratio(work.weeksSubmitted, work.weeksDue) : null,
    rank: c.rank,
  };
}

/** Best eligible: fewest points lost, then the higher on-time rate, then fewer overdue. */
export function commendedOf(rows: RankingRow[]): RankingRow | null {
  const sorted = rows
    .filter(eligible)
    .sort(
      (a, b) =>
        a.pointsLost - b.pointsLost ||
        (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) ||
        a.overdue - b.overdue,
    );
  return sorted[0] ?? null;
}

/** Worst eligible by points lost, then overdue; never the commended one nor a clean one. */
export function criticisedOf(rows: RankingRow[], commended: RankingRow | null): RankingRow[] {
  return rows
    .filter((r) => eligible(r) && r.pointsLost > 0 && r.id !== commended?.id)
    .sort((a, b) => b.pointsLost - a.pointsLost || b.overdue - a.overdue)
    .slice(0, MAX_CRITICISED);
}

export async function ranking(
  ex: Executor,
  scope: Scope,
  by: RankBy,
  period: Period,
  filters: RankingFilters = {},
): Promise<Ranking> {
  const work = await campaignWork(ex, scope, by, period);
  const rows = (await rankingCounts(ex, scope, by, period, filters)).map((c) =>
    withRates(c, work.get(c.id)),
  );
  const commended = commendedOf(rows);
  return {
    by,
    period: { from: period.from, to: period.to },
    filters,
    minProblemsForRates: MIN_PROBLEMS_FOR_RATES,
    rows,
    commended,
    criticised: criticisedOf(rows, commended),
  };
}
