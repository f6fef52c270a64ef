// Reading tasks as the caller may see them: a list with per-task progress counts, one task with
// its assignments and evidence, and the tasks × units matrix with what is late first.
import type { TaskAssignmentStatus } from "@civgrid/geo";
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { isoTime, whereAll } from "../db/query-helpers.ts";
import type { phaseKinds } from "../db/schema/index.ts";
import { AppError } from "../errors.ts";
import { taskAssignmentsReadable } from "../policy/read-scope.ts";
import type { Scope } from "../policy/scope.ts";

/** An assignment not done whose deadline has passed. */
export const OVERDUE = sql`a.status <> 'done' AND t.deadline < now()`;
/** Done, but after the deadline. */
const LATE_DONE = sql`a.status = 'done' AND a.completed_at > t.deadline`;

export interface TaskFilters {
  campaignId?: number | undefined;
  phase?: (typeof phaseKinds)[number] | undefined;
  unitId?: number | undefined;
  gridId?: number | undefined;
  /** Only tasks with at least one overdue assignment. */
  overdue?: boolean | undefined;
  /** Only tasks with at least one assignment not done. */
  open?: boolean | undefined;
  limit: number;
  offset: number;
}

export interface TaskSummary {
  id: number;
  campaignId: number;
  phase: (typeof phaseKinds)[number];
  title: string;
  description: string;
  deadline: string;
  itemId: number | null;
  assignments: number;
  done: number;
  inProgress: number;
  returned: number;
  overdue: number;
  doneLate: number;
}

/** The tasks with an assignment the scope may read; counts over the readable assignments only. */
export async function listTasks(ex: Executor, scope: Scope, f: TaskFilters) {
  const where = whereAll([
    taskAssignmentsReadable(scope),
    f.campaignId !== undefined && sql`t.campaign_id = ${f.campaignId}`,
    f.phase !== undefined && sql`t.phase = ${f.phase}`,
    f.unitId !== undefined && sql`a.unit_id = ${f.unitId}`,
    f.gridId !== undefined && sql`a.grid_id = ${f.gridId}`,
  ]);
  const having = whereAll([
    f.overdue && sql`count(*) FILTER (WHERE ${OVERDUE}) > 0`,
    f.open && sql`count(*) FILTER (WHERE a.status <> 'done') > 0`,
  ]);
  const grouped = sql`SELECT t.id, t.campaign_id AS "campaignId", t.phase, t.title, t.description,
        ${isoTime(sql`t.deadline`)} AS deadline, t.item_id AS "itemId",
        count(*)::int AS assignments,
        count(*) FILTER (WHERE a.status = 'done')::int AS done,
        count(*) FILTER (WHERE a.status = 'in_progress')::int AS "inProgress",
        count(*) FILTER (WHERE a.status = 'returned')::int AS returned,
        count(*) FILTER (WHERE ${OVERDUE})::int AS overdue,
        count(*) FILTER (WHERE ${LATE_DONE})::int AS "doneLate",
        t.deadline AS sort_deadline
      FROM tasks t JOIN task_assignments a ON a.task_id = t.id AND a.city_id = t.city_id
      WHERE ${where} GROUP BY t.city_id, t.id HAVING ${having}`;
  const [counted] = await selectRows<{ total: number }>(
    ex,
    sql`SELECT count(*)::int AS total FROM (${grouped}) g`,
  );
  const rows = await selectRows<TaskSummary & { sort_deadline?: unknown }>(
    ex,
    sql`SELECT * FROM (${grouped}) g ORDER BY g.overdue DESC, g.sort_deadline, g.id
        LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  for (const r of rows) delete r.sort_deadline;
  return { rows: rows as TaskSummary[], total: counted?.total ?? 0 };
}

export interface AssignmentView {
  id: number;
  taskId: number;
  unitId: number | null;
  unitName: string | null;
  gridId: number | null;
  gridName: string | null;
  status: TaskAssignmentStatus;
  progress: number;
  note: string | null;
  completedAt: string | null;
  returnReason: string | null;
  remindedAt: string | null;
  remindCount: number;
  overdue: boolean;
  doneLate: boolean;
  evidence: { id: number; name: string; mime: string; url: string }[];
}

function assignmentsOf(ex: Executor, scope: Scope, where: SQL) {
  return selectRows<AssignmentView>(
    ex,
    sql`SELECT a.id, a.task_id AS "taskId", a.unit_id AS "unitId", u.name AS "unitName",
          a.grid_id AS "gridId", g.code || ' ' || g.name AS "gridName", a.status, a.progress, a.note,
          ${isoTime(sql`a.completed_at`)} AS "completedAt", a.return_reason AS "returnReason",
          ${isoTime(sql`a.reminded_at`)} AS "remindedAt", a.remind_count AS "remindCount",
          (${OVERDUE}) AS overdue, coalesce(${LATE_DONE}, false) AS "doneLate",
          coalesce((SELECT json_agg(json_build_object('id', f.id, 'name', f.original_name, 'mime', f.mime,
              'url', '/api/files/' || f.id) ORDER BY f.id)
            FROM task_evidence e JOIN files f ON f.id = e.file_id AND f.city_id = e.city_id
            WHERE e.assignment_id = a.id AND e.city_id = a.city_id), '[]'::json) AS evidence
        FROM task_assignments a JOIN tasks t ON t.id = a.task_id AND t.city_id = a.city_id
          LEFT JOIN units u ON u.id = a.unit_id AND u.city_id = a.city_id
          LEFT JOIN grids g ON g.id = a.grid_id AND g.city_id = a.city_id
        WHERE ${taskAssignmentsReadable(scope)} AND ${where}
        ORDER BY (${OVERDUE}) DESC, a.status = 'done', u.name COLLATE "C", g.code COLLATE "C", a.id`,
  );
}

/** One task with the assignments the scope may read; 404 when it may read none. */
export async function getTask(ex: Executor, scope: Scope, id: number) {
  const [task] = await selectRows<
    Omit<TaskSummary, "assignments" | "done" | "inProgress" | "returned" | "overdue" | "doneLate">
  >(
    ex,
    sql`SELECT t.id, t.campaign_id AS "campaignId", t.phase, t.title, t.description,
          ${isoTime(sql`t.deadline`)} AS deadline, t.item_id AS "itemId"
        FROM tasks t WHERE t.city_id = ${scope.cityId} AND t.id = ${id}`,
  );
  const assignments = task ? await assignmentsOf(ex, scope, sql`a.task_id = ${id}`) : [];
  if (!task || !assignments.length) {
    throw new AppError(404, "not_found", {
      key: "error.not_found",
      params: { entity: "entity.task", id },
    });
  }
  return { ...task, assignments };
}

export interface MatrixCell {
  taskId: number;
  unitId: number;
  assignmentId: number;
  status: AssignmentView["status"];
  progress: number;
  overdue: boolean;
  doneLate: boolean;
}

/**
 * Tasks × units of a campaign: the tasks with the most overdue units first, then by deadline;
 * the units with the most overdue tasks first. Grid assignments count for the grid's lead unit.
 */
export async function taskMatrix(ex: Executor, scope: Scope, campaignId: number) {
  const cells = await selectRows<
    MatrixCell & { unitName: string; title: string; deadline: string; phase: string }
  >(
    ex,
    sql`SELECT t.id AS "taskId", t.title, t.phase, ${isoTime(sql`t.deadline`)} AS deadline,
          coalesce(a.unit_id, lead.unit_id) AS "unitId", u.name AS "unitName",
          a.id AS "assignmentId", a.status, a.progress,
          (${OVERDUE}) AS overdue, coalesce(${LATE_DONE}, false) AS "doneLate"
        FROM task_assignments a JOIN tasks t ON t.id = a.task_id AND t.city_id = a.city_id
          LEFT JOIN grid_units lead ON lead.grid_id = a.grid_id AND lead.city_id = a.city_id
            AND lead.role = 'lead'
          JOIN units u ON u.id = coalesce(a.unit_id, lead.unit_id) AND u.city_id = a.city_id
        WHERE ${taskAssignmentsReadable(scope)} AND t.campaign_id = ${campaignId}
        ORDER BY t.deadline, t.id, a.id`,
  );
  const tasks = new Map<
    number,
    {
      id: number;
      title: string;
      phase: string;
      deadline: string;
      overdue: number;
      done: number;
      total: number;
    }
  >();
  const units = new Map<
    number,
    { id: number; name: string; overdue: number; done: number; total: number }
  >();
  for (const c of cells) {
    const task = tasks.get(c.taskId) ?? {
      id: c.taskId,
      title: c.title,
      phase: c.phase,
      deadline: c.deadline,
      overdue: 0,
      done: 0,
      total: 0,
    };
    const unit = units.get(c.unitId) ?? {
      id: c.unitId,
      name: c.unitName,
      overdue: 0,
      done: 0,
      total: 0,
    };
    for (const counts of [task, unit]) {
      counts.total++;
      if (c.overdue) counts.overdue++;
      if (c.status === "done") counts.done++;
    }
    tasks.set(c.taskId, task);
    units.set(c.unitId, unit);
  }
  const lateFirst = <T extends { overdue: number; total: number; done: number }>(a: T, b: T) =>
    b.overdue - a.overdue || b.total - b.done - (a.total - a.done);
  return {
    tasks: [...tasks.values()].sort(
      (a, b) => lateFirst(a, b) || a.deadline.localeCompare(b.deadline) || a.id - b.id,
    ),
    units: [...units.values()].sort((a, b) => lateFirst(a, b) || a.id - b.id),
    cells: cells.map(({ unitName: _u, title: _t, deadline: _d, phase: _p, ...cell }) => cell),
  };
}
