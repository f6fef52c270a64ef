// Weekly trends (趋势) per unit, grid or the whole city: problems found and closed in each week,
// those still open and overdue at the week's end, and the points lost by the week's findings.
// Weeks run Monday to Sunday in China time; the first one holds the period's first day.
import { sql } from "drizzle-orm";
import { type Executor, selectRows } from "../db/client.ts";
import type { Scope } from "../policy/scope.ts";
import { problemsWhere } from "../problems/queries.ts";
import type { Period } from "../rankings/period.ts";
import { type AnalyticsFilters, asProblemFilters } from "./filters.ts";

export type TrendBy = "city" | "unit" | "grid";

export interface TrendWeek {
  /** The week's Monday, YYYY-MM-DD. */
  week: string;
  found: number;
  closed: number;
  /** Not closed at the week's end (problems now on the ledger 挂账 are left out). */
  open: number;
  /** Of those, past their deadline at the week's end (or now, for the current week). */
  overdue: number;
  pointsLost: number;
}

export interface TrendSeries {
  /** The unit's or grid's id; 0 for the city. */
  id: number;
  name: string;
  weeks: TrendWeek[];
}

const DAY_MS = 86_400_000;

/** The Mondays (YYYY-MM-DD) of the weeks touching the period. */
export function weeksOf(period: Pick<Period, "from" | "to">): string[] {
  const from = Date.parse(`${period.from}T00:00:00Z`);
  const monday = from - ((new Date(from).getUTCDay() + 6) % 7) * DAY_MS;
  const weeks: string[] = [];
  for (let t = monday; t <= Date.parse(`${period.to}T00:00:00Z`); t += 7 * DAY_MS) {
    weeks.push(new Date(t).toISOString().slice(0, 10));
  }
  return weeks;
}

export async function trends(
  ex: Executor,
  scope: Scope,
  by: TrendBy,
  filters: AnalyticsFilters,
): Promise<{ weeks: string[]; series: TrendSeries[] }> {
  const weeks = weeksOf(filters.period);
  const first = new Date(Date.parse(`${weeks[0]}T00:00:00+08:00`));
  const where = problemsWhere(scope, { ...asProblemFilters(filters), reported: undefined });
  const key = { city: sql`0`, unit: sql`p.unit_id`, grid: sql`p.grid_id` }[by];
  const name = {
    city: sql`''`,
    unit: sql`(SELECT name FROM units WHERE id = t.key)`,
    grid: sql`(SELECT code || ' ' || name FROM grids WHERE id = t.key)`,
  }[by];
  const open = sql`p.status <> 'ledger' AND p.reported_at < w.we AND (p.closed_at IS NULL OR p.closed_at >= w.we)`;
  const found = sql`p.reported_at >= w.ws AND p.reported_at < w.we`;
  const rows = await selectRows<TrendWeek & { key: number; name: string }>(
    ex,
    sql`WITH w AS (
        SELECT ws, ws + interval '168 hours' AS we
        FROM generate_series(${first.toISOString()}::timestamptz,
          ${filters.period.end.toISOString()}::timestamptz - interval '1 second', interval '168 hours') ws),
      t AS (
        SELECT ${key} AS key, to_char((w.ws AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD') AS week,
          count(*) FILTER (WHERE ${found})::int AS found,
          count(*) FILTER (WHERE p.closed_at >= w.ws AND p.closed_at < w.we)::int AS closed,
          count(*) FILTER (WHERE ${open})::int AS open,
          count(*) FILTER (WHERE ${open} AND p.deadline < least(w.we, now()))::int AS overdue,
          coalesce(sum(p.deduction) FILTER (WHERE ${found}), 0)::float8 AS "pointsLost"
        FROM w JOIN problems p ON p.reported_at < w.we AND (p.closed_at IS NULL OR p.closed_at >= w.ws)
        WHERE ${where} AND ${key} IS NOT NULL
        GROUP BY 1, 2)
      SELECT t.*, ${name} AS name FROM t ORDER BY t.key, t.week`,
  );
  const series = new Map<number, TrendSeries>();
  for (const { key, name: seriesName, ...week } of rows) {
    let s = series.get(key);
    if (!s) {
      s = { id: key, name: seriesName, weeks: weeks.map(emptyWeek) };
      series.set(key, s);
    }
    s.weeks[weeks.indexOf(week.week)] = week;
  }
  if (by === "city" && !series.size)
    series.set(0, { id: 0, name: "", weeks: weeks.map(emptyWeek) });
  const lost = (s: TrendSeries) => s.weeks.reduce((sum, w) => sum + w.pointsLost, 0);
  return {
    weeks,
    series: [...series.values()].sort((a, b) => lost(b) - lost(a) || a.id - b.id),
  };
}

const emptyWeek = (week: string): TrendWeek => ({
  week,
  found: 0,
  closed: 0,
  open: 0,
  overdue: 0,
  pointsLost: 0,
});
