// What changed after a restructuring that undoing it would overwrite or strand: its grids' shape,
// name or teams (their versions), the problems it re-routed and then re-dispatched or re-routed
// again, the dedication days and task assignments it moved and then moved again, and new open work
// on the grids it made (undo removes those grids). Each is named, so the refusal says what to settle.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import type { Message } from "../errors.ts";
import { isOpen } from "../problems/open.ts";
import type { UndoData } from "./restructure.ts";
import { intArray } from "./snapshot.ts";
import type { MovedTo } from "./work.ts";

const list = (items: (string | number)[]) => items.join("、");

/** The rows that are not where the restructuring moved them (or that it never moved). */
const elsewhere = <R extends { id: number; gridId: number }>(rows: R[], moved: MovedTo[]) =>
  rows.filter((r) => moved.find((m) => m.id === r.id)?.toGridId !== r.gridId);

/** Each change as a message; empty when the restructuring can be undone. */
export async function changesSince(
  ex: Executor,
  undo: UndoData,
  { lock = false } = {},
): Promise<Message[]> {
  // Restructurings recorded before these fields existed hold none of them.
  const problemsMoved = undo.problems ?? [];
  const movedDayList = undo.movedDays ?? [];
  const movedTaskList = undo.movedTasks ?? [];
  const changes: Message[] = [];
  const ids = Object.keys(undo.versions).map(Number);
  const grids = await selectRows<{ id: number; code: string; version: number }>(
    ex,
    sql`SELECT id, code, version FROM grids WHERE id = ANY(${intArray(ids)}) ORDER BY code
        ${lock ? sql`FOR UPDATE` : sql``}`,
  );
  const changed = grids.filter((g) => undo.versions[String(g.id)] !== g.version);
  if (changed.length)
    changes.push({ key: "undoChange.grids", params: { codes: list(changed.map((g) => g.code)) } });

  const created = intArray(undo.created ?? []);
  const rerouted = problemsMoved.map((p) => p.id);
  const problems = await selectRows<{ id: number; gridId: number | null; unitId: number | null }>(
    ex,
    sql`SELECT id, grid_id AS "gridId", unit_id AS "unitId" FROM problems
        WHERE (id = ANY(${intArray(rerouted)}) OR grid_id = ANY(${created}))
          AND ${isOpen(sql`status`)} ORDER BY id`,
  );
  const movedAgain = problems.filter((p) => {
    const m = problemsMoved.find((r) => r.id === p.id);
    return m && (p.gridId !== m.toGridId || p.unitId !== m.toUnitId);
  });
  if (movedAgain.length)
    changes.push({
      key: "undoChange.problems",
      params: { ids: list(movedAgain.map((p) => `#${p.id}`)) },
    });
  const fresh = problems.filter((p) => !rerouted.includes(p.id));
  if (fresh.length)
    changes.push({
      key: "undoChange.newProblems",
      params: { ids: list(fresh.map((p) => `#${p.id}`)) },
    });

  // Days and assignments it moved that sit elsewhere now, or were added to the grids it made.
  const movedDays = intArray(movedDayList.map((d) => d.id));
  const days = await selectRows<{ id: number; gridId: number; day: string }>(
    ex,
    sql`SELECT id, grid_id AS "gridId", held_on::text AS day FROM dedication_days
        WHERE (id = ANY(${movedDays}) OR grid_id = ANY(${created}))
          AND held_on >= (now() AT TIME ZONE 'Asia/Shanghai')::date ORDER BY held_on, id`,
  );
  const daysChanged = elsewhere(days, movedDayList).map((d) => d.day);
  if (daysChanged.length)
    changes.push({ key: "undoChange.days", params: { days: list([...new Set(daysChanged)]) } });
  const movedTasks = intArray(movedTaskList.map((t) => t.id));
  const tasks = await selectRows<{ id: number; gridId: number; title: string }>(
    ex,
    sql`SELECT a.id, a.grid_id AS "gridId", t.title
        FROM task_assignments a JOIN tasks t ON t.id = a.task_id AND t.city_id = a.city_id
        WHERE (a.id = ANY(${movedTasks}) OR a.grid_id = ANY(${created})) AND a.status <> 'done'
        ORDER BY a.id`,
  );
  const tasksChanged = elsewhere(tasks, movedTaskList).map((a) => `“${a.title}”`);
  if (tasksChanged.length)
    changes.push({ key: "undoChange.tasks", params: { titles: list([...new Set(tasksChanged)]) } });
  return changes;
}

/** The changes as one sentence's list: "a；b；c" in the reader's language. */
export function joined(changes: Message[]): Message {
  const [first, ...rest] = changes;
  if (!first) throw new Error("no change to name");
  return rest.length ? { key: "list.joined", params: { first, rest: joined(rest) } } : first;
}
