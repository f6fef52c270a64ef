// The campaign paperwork behind two ranking columns: tasks completed by their deadline, and weeks
// with materials submitted, per unit or grid, over the assignments and weeks due in the period.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { materialsReadable, taskAssignmentsReadable } from "../policy/read-scope.ts";
import type { Scope } from "../policy/scope.ts";
import type { Period } from "./period.ts";
import type { RankBy } from "./queries.ts";

export interface CampaignWork {
  id: number;
  /** Assignments whose deadline fell in the period and has passed, or that are done. */
  tasksDue: number;
  tasksOnTime: number;
  /** Weeks starting in the period whose Friday 18:00 deadline has passed (units only). */
  weeksDue: number;
  weeksSubmitted: number;
}

export async function campaignWork(
  ex: Executor,
  scope: Scope,
  by: RankBy,
  period: Period,
): Promise<Map<number, CampaignWork>> {
  const key = by === "unit" ? sql.raw("a.unit_id") : sql.raw("a.grid_id");
  const tasks = await selectRows<{ id: number; due: number; onTime: number }>(
    ex,
    sql`SELECT ${key} AS id, count(*)::int AS due,
          count(*) FILTER (WHERE a.status = 'done' AND a.completed_at <= t.deadline)::int AS "onTime"
        FROM task_assignments a JOIN tasks t ON t.id = a.task_id AND t.city_id = a.city_id
        WHERE ${taskAssignmentsReadable(scope)} AND ${key} IS NOT NULL
          AND t.deadline >= ${period.start.toISOString()}::timestamptz
          AND t.deadline < ${period.end.toISOString()}::timestamptz
          AND (t.deadline < now() OR a.status = 'done')
        GROUP BY ${key}`,
  );
  // A week is due once its deadline, Friday 18:00 in China, has passed.
  const weeks =
    by === "unit"
      ? await selectRows<{ id: number; due: number; submitted: number }>(
          ex,
          sql`WITH due AS (
                SELECT w::date AS week FROM generate_series(
                  date_trunc('week', ${period.from}::date), ${period.to}::date, interval '7 days') w
                WHERE w::date >= ${period.from}::date
                  AND ((w::date + 4)::text || ' 18:00:00+08')::timestamptz < now())
              SELECT u.id, (SELECT count(*) FROM due)::int AS due,
                (SELECT count(DISTINCT m.week) FROM materials m JOIN due d ON d.week = m.week
                  WHERE m.unit_id = u.id AND m.city_id = u.city_id AND m.status <> 'returned' AND ${materialsReadable(scope)})::int AS submitted
              FROM units u WHERE u.city_id = ${scope.cityId}`,
        )
      : [];
  const work = new Map<number, CampaignWork>();
  const entry = (id: number) => {
    const found = work.get(id) ?? {
      id,
      tasksDue: 0,
      tasksOnTime: 0,
      weeksDue: 0,
      weeksSubmitted: 0,
    };
    work.set(id, found);
    return found;
  };
  for (const t of tasks) Object.assign(entry(t.id), { tasksDue: t.due, tasksOnTime: t.onTime });
  for (const w of weeks)
    Object.assign(entry(w.id), { weeksDue: w.due, weeksSubmitted: w.submitted });
  return work;
}
