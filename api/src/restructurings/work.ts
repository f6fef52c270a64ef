// Future dedication days and open task assignments follow their grid to its target; a grid's task
// that its target already has once is folded in (the row kept in the undo data, to come back).
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import type { Moved } from "./snapshot.ts";

export interface MovedTo extends Moved {
  toGridId: number;
}
export interface FoldedTask {
  assignment: Record<string, unknown>;
  evidence: Record<string, unknown>[];
}

export async function moveWork(
  ex: Executor,
  days: Moved[],
  tasks: Moved[],
  targets: Map<number, number>,
) {
  const movedDays: MovedTo[] = [];
  for (const day of days) {
    const to = targets.get(day.gridId);
    if (to === undefined || to === day.gridId) continue;
    await ex.execute(sql`UPDATE dedication_days SET grid_id = ${to} WHERE id = ${day.id}`);
    movedDays.push({ ...day, toGridId: to });
  }
  const movedTasks: MovedTo[] = [];
  const folded: FoldedTask[] = [];
  for (const task of tasks) {
    const to = targets.get(task.gridId);
    if (to === undefined || to === task.gridId) continue;
    const [twin] = await selectRows<{ id: number }>(
      ex,
      sql`SELECT t.id FROM task_assignments t, task_assignments mine
          WHERE mine.id = ${task.id} AND t.task_id = mine.task_id AND t.city_id = mine.city_id
            AND t.grid_id = ${to}
            AND t.unit_id IS NOT DISTINCT FROM mine.unit_id`,
    );
    if (twin) {
      folded.push(await foldTask(ex, task.id));
      continue;
    }
    await ex.execute(
      sql`UPDATE task_assignments SET grid_id = ${to}, updated_at = now() WHERE id = ${task.id}`,
    );
    movedTasks.push({ ...task, toGridId: to });
  }
  return { movedDays, movedTasks, folded };
}

async function foldTask(ex: Executor, id: number): Promise<FoldedTask> {
  const [row] = await selectRows<{ assignment: string; evidence: string }>(
    ex,
    sql`SELECT (SELECT row_to_json(t)::text FROM task_assignments t WHERE t.id = ${id}) AS assignment,
          (SELECT coalesce(json_agg(e), '[]'::json)::text FROM task_evidence e WHERE e.assignment_id = ${id}) AS evidence`,
  );
  await ex.execute(sql`DELETE FROM task_assignments WHERE id = ${id}`);
  return {
    assignment: JSON.parse(row?.assignment ?? "{}"),
    evidence: JSON.parse(row?.evidence ?? "[]"),
  };
}

/** Undo: days and tasks back to their grid (if still where they were put), folded tasks re-inserted. */
export async function putWorkBack(
  ex: Executor,
  work: { movedDays: MovedTo[]; movedTasks: MovedTo[]; folded: FoldedTask[] },
) {
  for (const d of work.movedDays) {
    await ex.execute(
      sql`UPDATE dedication_days SET grid_id = ${d.gridId} WHERE id = ${d.id} AND grid_id = ${d.toGridId}`,
    );
  }
  for (const t of work.movedTasks) {
    await ex.execute(
      sql`UPDATE task_assignments SET grid_id = ${t.gridId}, updated_at = now() WHERE id = ${t.id} AND grid_id = ${t.toGridId}`,
    );
  }
  for (const f of work.folded) {
    await ex.execute(sql`INSERT INTO task_assignments
      SELECT * FROM json_populate_record(NULL::task_assignments, ${JSON.stringify(f.assignment)}::json)`);
    for (const e of f.evidence) {
      await ex.execute(sql`INSERT INTO task_evidence
        SELECT * FROM json_populate_record(NULL::task_evidence, ${JSON.stringify(e)}::json)`);
    }
  }
}
