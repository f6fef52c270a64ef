// The counts behind a ranking, per unit or grid, in one aggregate query over the problems the
// caller may read; and the overdue problems a notice lists.
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import type { UnitKind } from "../db/schema/index.ts";
import { gridsReadable, problemsReadable } from "../policy/read-scope.ts";
import type { Scope } from "../policy/scope.ts";
import { isOpen } from "../problems/open.ts";
import type { Period } from "./period.ts";

export type RankBy = "unit" | "grid";

export interface RankingCounts {
  id: number;
  name: string;
  /** Sum of the problems' deductions (失分). */
  pointsLost: number;
  problems: number;
  /** Not closed and not on the ledger (挂账 waits for a review date, not a deadline). */
  open: number;
  overdue: number;
  closed: number;
  closedOnTime: number;
  /** Problems that reached "submitted" at least once, and those of them returned (返工). */
  submitted: number;
  reworked: number;
  /** 1 = the best: fewest points lost, then fewest overdue; ties on both share a rank. */
  rank: number;
}

const OPEN = isOpen(sql`s.status`);

/** What a ranking may be narrowed to besides its period: a category of the standard, a kind of unit. */
export interface RankingFilters {
  categoryId?: number | undefined;
  unitKind?: UnitKind | undefined;
}

/** The problems of the period the scope may read, with their rectification flags. */
function scopedProblems(scope: Scope, period: Period, f: RankingFilters = {}): SQL {
  return sql`SELECT p.id, p.unit_id, p.grid_id, p.status, p.deduction, p.deadline, p.closed_at,
      EXISTS (SELECT 1 FROM rectification_events e WHERE e.problem_id = p.id AND e.city_id = p.city_id
        AND e.to_status = 'submitted') AS submitted,
      EXISTS (SELECT 1 FROM rectification_events e WHERE e.problem_id = p.id AND e.city_id = p.city_id
        AND e.action = 'return') AS reworked
    FROM problems p
    WHERE ${problemsReadable(scope)}
      AND p.reported_at >= ${period.start.toISOString()}::timestamptz
      AND p.reported_at < ${period.end.toISOString()}::timestamptz
      ${f.categoryId === undefined ? sql`` : sql`AND p.item_id IN (SELECT si.id FROM standard_items si WHERE si.category_id = ${f.categoryId} AND si.city_id = p.city_id)`}
      ${f.unitKind === undefined ? sql`` : sql`AND p.unit_id IN (SELECT ku.id FROM units ku WHERE ku.kind = ${f.unitKind} AND ku.city_id = p.city_id)`}`;
}

/**
 * Which rows the table has: the whole city's units or grids (a clean record is worth showing),
 * a unit admin's own unit or its grids, a volunteer's grids or the units their problems went to.
 */
function candidates(scope: Scope, by: RankBy, f: RankingFilters): { from: SQL; where: SQL } {
  if (by === "grid") {
    return {
      from: sql`grids t`,
      where: sql`(t.deleted_at IS NULL AND ${gridsReadable(scope, sql.raw("t"))})
        OR t.id IN (SELECT grid_id FROM scoped)`,
    };
  }
  const where =
    scope.kind === "city"
      ? sql`t.city_id = ${scope.cityId}`
      : scope.kind === "unit"
        ? sql`t.city_id = ${scope.cityId} AND t.id = ${scope.unitId}`
        : sql`t.id IN (SELECT unit_id FROM scoped)`;
  const ofKind = f.unitKind === undefined ? sql`` : sql` AND t.kind = ${f.unitKind}`;
  return { from: sql`units t`, where: sql`(${where})${ofKind}` };
}

export async function rankingCounts(
  ex: Executor,
  scope: Scope,
  by: RankBy,
  period: Period,
  filters: RankingFilters = {},
): Promise<RankingCounts[]> {
  const key = by === "unit" ? sql.raw("unit_id") : sql.raw("grid_id");
  const name = by === "unit" ? sql`t.name` : sql`t.code || ' ' || t.name`;
  const { from, where } = candidates(scope, by, filters);
  const lost = sql`coalesce(a.points_lost, 0)`;
  const overdue = sql`coalesce(a.overdue, 0)`;
  // COLLATE "C" on names: the engines' default collations order Chinese text differently.
  return selectRows<RankingCounts>(
    ex,
    sql`WITH scoped AS (${scopedProblems(scope, period, filters)}),
      agg AS (
        SELECT s.${key} AS id, sum(s.deduction) AS points_lost, count(*) AS problems,
          count(*) FILTER (WHERE ${OPEN}) AS open,
          count(*) FILTER (WHERE ${OPEN} AND s.deadline < now()) AS overdue,
          count(*) FILTER (WHERE s.status = 'closed') AS closed,
          count(*) FILTER (WHERE s.status = 'closed'
            AND (s.deadline IS NULL OR s.closed_at <= s.deadline)) AS closed_on_time,
          count(*) FILTER (WHERE s.submitted) AS submitted,
          count(*) FILTER (WHERE s.reworked) AS reworked
        FROM scoped s WHERE s.${key} IS NOT NULL GROUP BY s.${key}
      )
      SELECT t.id, ${name} AS name, ${lost}::float8 AS "pointsLost",
        coalesce(a.problems, 0)::int AS problems, coalesce(a.open, 0)::int AS open,
        ${overdue}::int AS overdue, coalesce(a.closed, 0)::int AS closed,
        coalesce(a.closed_on_time, 0)::int AS "closedOnTime",
        coalesce(a.submitted, 0)::int AS submitted, coalesce(a.reworked, 0)::int AS reworked,
        rank() OVER (ORDER BY ${lost}, ${overdue})::int AS rank
      FROM ${from} LEFT JOIN agg a ON a.id = t.id
      WHERE ${where}
      ORDER BY ${lost}, ${overdue}, (${name}) COLLATE "C", t.id`,
  );
}

export interface OverdueProblem {
  id: number;
  description: string;
  grid: string | null;
  unit: string | null;
  /** ISO 8601 */
  deadline: string;
  daysOverdue: number;
}

/** Open problems of the period past their deadline, the longest overdue first. */
export function overdueProblems(
  ex: Executor,
  scope: Scope,
  period: Period,
  filters: RankingFilters = {},
) {
  return selectRows<OverdueProblem>(
    ex,
    sql`WITH scoped AS (${scopedProblems(scope, period, filters)})
      SELECT s.id, p.description, g.code || ' ' || g.name AS grid, u.name AS unit,
        to_char(s.deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS deadline,
        ceil(extract(epoch FROM now() - s.deadline) / 86400)::int AS "daysOverdue"
      FROM scoped s JOIN problems p ON p.id = s.id AND p.city_id = ${scope.cityId}
        LEFT JOIN grids g ON g.id = s.grid_id AND g.city_id = p.city_id
        LEFT JOIN units u ON u.id = s.unit_id AND u.city_id = p.city_id
      WHERE ${OPEN} AND s.deadline < now()
      ORDER BY s.deadline, s.id`,
  );
}

/** The city's name, for the notice's title. */
export async function cityName(ex: Executor, cityId: number): Promise<string> {
  const [row] = await selectRows<{ name: string }>(
    ex,
    sql`SELECT name FROM cities WHERE id = ${cityId}`,
  );
  return row?.name ?? "";
}

/** A standard category's name in this city, for the notice's title; null when there is none. */
export async function categoryName(
  ex: Executor,
  cityId: number,
  id: number,
): Promise<string | null> {
  const [row] = await selectRows<{ name: string }>(
    ex,
    sql`SELECT c.name FROM standard_categories c
        JOIN standards s ON s.id = c.standard_id AND s.city_id = c.city_id
        WHERE s.city_id = ${cityId} AND c.id = ${id}`,
  );
  return row?.name ?? null;
}
