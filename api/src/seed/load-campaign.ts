// Writes the demo's campaign after its units and grids: phases, tasks with their assignments and
// progress, and the units' weekly materials (records only: the demo ships no files).
import type { SeedCampaign, SeedTaskProgress } from "@civgrid/seeds";
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";

type KeyOf = (kind: "unit" | "grid", key: string) => number;

async function insertReturning(tx: Executor, query: ReturnType<typeof sql>) {
  const [row] = await selectRows<{ id: number }>(tx, query);
  if (!row) throw new Error("seed dataset: a row was not written");
  return row.id;
}

const progressOf = (p: SeedTaskProgress | undefined) =>
  sql`${p?.status ?? "todo"}, ${p?.progress ?? 0}, ${p?.note ?? null}, ${p?.completedAt ?? null}`;

export async function loadCampaign(tx: Executor, cityId: number, data: SeedCampaign, keyOf: KeyOf) {
  const campaignId = await insertReturning(
    tx,
    sql`INSERT INTO campaigns (city_id, name, year) VALUES (${cityId}, ${data.name}, ${data.year}) RETURNING id`,
  );
  for (const p of data.phases) {
    await tx.execute(sql`INSERT INTO campaign_phases (city_id, campaign_id, phase, starts_on, ends_on)
        VALUES (${cityId}, ${campaignId}, ${p.phase}, ${p.startsOn}, ${p.endsOn})`);
  }
  const taskIds: number[] = [];
  for (const task of data.tasks) {
    const taskId = await insertReturning(
      tx,
      sql`INSERT INTO tasks (city_id, campaign_id, phase, title, description, deadline)
          VALUES (${cityId}, ${campaignId}, ${task.phase}, ${task.title}, ${task.description}, ${task.deadline})
          RETURNING id`,
    );
    taskIds.push(taskId);
    const rows = [
      ...task.unitKeys.map(
        (key) =>
          sql`(${cityId}, ${taskId}, ${keyOf("unit", key)}, NULL, ${progressOf(task.progress.find((p) => p.unitKey === key))})`,
      ),
      ...task.gridKeys.map(
        (key) =>
          sql`(${cityId}, ${taskId}, NULL, ${keyOf("grid", key)}, ${progressOf(task.gridProgress?.find((p) => p.gridKey === key))})`,
      ),
    ];
    await tx.execute(sql`INSERT INTO task_assignments
        (city_id, task_id, unit_id, grid_id, status, progress, note, completed_at)
        VALUES ${sql.join(rows, sql`, `)}`);
  }
  for (const m of data.materials) {
    await tx.execute(sql`INSERT INTO materials
        (city_id, unit_id, week, category, title, status, submitted_at, review_note, reviewed_at)
        VALUES (${cityId}, ${keyOf("unit", m.unitKey)}, ${m.week}, ${m.category}, ${m.title}, ${m.status},
          ${m.submittedAt}, ${m.reviewNote ?? null},
          ${m.status === "submitted" ? null : m.submittedAt}::timestamptz + interval '1 day')`);
  }
  return { tasks: taskIds.length, materials: data.materials.length };
}
