// Changing tasks: a coordinator creates a task for many assignees in one go, reminds and returns;
// an assignee reports progress and completes with evidence. Each function runs in the caller's
// transaction and leaves one audit row.
import type { TaskAssignmentStatus } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import { recordAuditBy } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { AppError, invalidFields, type Message } from "../errors.ts";
import { notify } from "../notifications/notify.ts";
import { taskAssignmentsReadable } from "../policy/read-scope.ts";
import type { Scope } from "../policy/scope.ts";
import type { Actor } from "./campaigns.ts";
import type { PreparedTask } from "./rules.ts";

/** Inserts a checked task and one assignment per unit and per grid. */
export async function insertTask(ex: Executor, actor: Actor, task: PreparedTask): Promise<number> {
  const { input } = task;
  const [row] = await selectRows<{ id: number }>(
    ex,
    sql`INSERT INTO tasks (city_id, campaign_id, phase, title, description, deadline, item_id, created_by)
        VALUES (${actor.cityId}, ${input.campaignId}, ${input.phase}, ${input.title}, ${input.description},
          ${task.deadline.toISOString()}, ${input.itemId ?? null}, ${actor.userId})
        RETURNING id`,
  );
  if (!row) throw new Error("the task could not be inserted");
  const values = [
    ...task.unitIds.map((u) => sql`(${actor.cityId}, ${row.id}, ${u}, NULL)`),
    ...task.gridIds.map((g) => sql`(${actor.cityId}, ${row.id}, NULL, ${g})`),
  ];
  const assigned = await selectRows<{ id: number }>(
    ex,
    sql`INSERT INTO task_assignments (city_id, task_id, unit_id, grid_id)
      VALUES ${sql.join(values, sql`, `)} RETURNING id`,
  );
  for (const a of assigned)
    await notify(
      ex,
      { cityId: actor.cityId, kind: "task_assigned", assignmentId: a.id },
      actor.userId,
    );
  await recordAuditBy(ex, actor, {
    action: "create",
    entity: "task",
    entityId: row.id,
    after: { ...input, unitIds: task.unitIds, gridIds: task.gridIds },
  });
  return row.id;
}

interface AssignmentRow {
  id: number;
  taskId: number;
  status: TaskAssignmentStatus;
  progress: number;
  note: string | null;
}

/** The assignment, locked, if the scope may read it; 404 otherwise. */
async function lockAssignment(ex: Executor, scope: Scope, id: number): Promise<AssignmentRow> {
  const [row] = await selectRows<AssignmentRow>(
    ex,
    sql`SELECT a.id, a.task_id AS "taskId", a.status, a.progress, a.note FROM task_assignments a
        WHERE a.id = ${id} AND ${taskAssignmentsReadable(scope)} FOR UPDATE`,
  );
  if (!row) {
    throw new AppError(404, "not_found", {
      key: "error.not_found",
      params: { entity: "entity.task_assignment", id },
    });
  }
  return row;
}

const conflict = (key: "task.already_done" | "task.not_done") =>
  new AppError(409, "conflict", { key });

/** The assignment, locked, while it is not done yet: 409 once it is. */
async function lockUnfinished(ex: Executor, scope: Scope, id: number): Promise<AssignmentRow> {
  const row = await lockAssignment(ex, scope, id);
  if (row.status === "done") throw conflict("task.already_done");
  return row;
}

async function change(
  ex: Executor,
  actor: Actor,
  before: AssignmentRow,
  action: string,
  set: ReturnType<typeof sql>,
) {
  const [after] = await selectRows(
    ex,
    sql`UPDATE task_assignments SET ${set}, updated_at = now() WHERE id = ${before.id}
        RETURNING id, status, progress, note, return_reason AS "returnReason", remind_count AS "remindCount"`,
  );
  await recordAuditBy(ex, actor, {
    action,
    entity: "task_assignment",
    entityId: before.id,
    before,
    after,
  });
  return before.taskId;
}

/** The assignee reports how far along it is (not yet done). */
export async function reportProgress(
  ex: Executor,
  actor: Actor,
  scope: Scope,
  id: number,
  input: { progress: number; note?: string | undefined },
) {
  const before = await lockUnfinished(ex, scope, id);
  return change(
    ex,
    actor,
    before,
    "progress",
    sql`status = 'in_progress', progress = ${input.progress}, note = ${input.note ?? before.note}`,
  );
}

/** The assignee completes the task with a note and evidence files (photos, documents). */
export async function completeAssignment(
  ex: Executor,
  actor: Actor,
  scope: Scope,
  id: number,
  input: { note: string; fileIds: number[] },
) {
  const before = await lockUnfinished(ex, scope, id);
  const fileIds = [...new Set(input.fileIds)];
  if (fileIds.length) {
    const found = await selectRows<{ id: number }>(
      ex,
      sql`SELECT id FROM files WHERE city_id = ${actor.cityId}
          AND id = ANY(${sql.raw(`ARRAY[${fileIds.map(Number).join(",")}]::int[]`)})`,
    );
    const unknown = fileIds.filter((f) => !found.some((r) => r.id === f));
    if (unknown.length) {
      const problem: Message = { key: "field.unknown_id", params: { ids: unknown.join(", ") } };
      throw invalidFields({ fileIds: problem });
    }
    await ex.execute(sql`INSERT INTO task_evidence (city_id, assignment_id, file_id)
        VALUES ${sql.join(
          fileIds.map((f) => sql`(${actor.cityId}, ${id}, ${f})`),
          sql`, `,
        )} ON CONFLICT DO NOTHING`);
  }
  return change(
    ex,
    actor,
    before,
    "complete",
    sql`status = 'done', progress = 100, note = ${input.note}, completed_at = now(), return_reason = NULL`,
  );
}

/** The coordinator nudges an assignee that has not finished. */
export async function remindAssignment(ex: Executor, actor: Actor, scope: Scope, id: number) {
  const before = await lockUnfinished(ex, scope, id);
  return change(
    ex,
    actor,
    before,
    "remind",
    sql`reminded_at = now(), remind_count = remind_count + 1`,
  ).then(async (taskId) => {
    await notify(
      ex,
      { cityId: actor.cityId, kind: "task_reminded", assignmentId: id },
      actor.userId,
    );
    return taskId;
  });
}

/** The coordinator sends a completion back with a reason (返工); the assignee works on. */
export async function returnAssignment(
  ex: Executor,
  actor: Actor,
  scope: Scope,
  id: number,
  reason: string,
) {
  const before = await lockAssignment(ex, scope, id);
  if (before.status !== "done") throw conflict("task.not_done");
  return change(
    ex,
    actor,
    before,
    "return",
    sql`status = 'returned', completed_at = NULL, return_reason = ${reason}`,
  ).then(async (taskId) => {
    await notify(
      ex,
      { cityId: actor.cityId, kind: "task_returned", assignmentId: id, reason },
      actor.userId,
    );
    return taskId;
  });
}
