// Submitting a material (a unit admin, for their own unit) and reviewing it (the campaign office
// accepts it or returns it with a reason). Each runs in the caller's transaction with an audit row.
import { sql } from "drizzle-orm";
import { recordAuditBy } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { AppError, type Message } from "../errors.ts";
import { notify } from "../notifications/notify.ts";
import { materialsReadable } from "../policy/read-scope.ts";
import type { Scope } from "../policy/scope.ts";
import type { Actor } from "../tasks/campaigns.ts";
import type { MaterialCategory } from "./rules.ts";

export interface MaterialTags {
  unitId: number;
  /** Monday of the week. */
  week: string;
  category: MaterialCategory;
  title: string;
  taskId?: number | undefined;
  gridId?: number | undefined;
  itemId?: number | undefined;
}

/**
 * The tags that name a record the city does not have, or a grid not the unit's, keyed by field
 * (nothing written).
 */
export async function unknownTags(ex: Executor, cityId: number, tags: MaterialTags) {
  const problems: Record<string, Message> = {};
  const check = async (field: "taskId" | "gridId" | "itemId", table: string) => {
    const value = tags[field];
    if (value === undefined) return;
    const rows = await selectRows(
      ex,
      sql`SELECT 1 FROM ${sql.raw(table)} WHERE city_id = ${cityId} AND id = ${value}`,
    );
    if (!rows.length) problems[field] = { key: "field.unknown_id", params: { ids: String(value) } };
  };
  await check("taskId", "tasks");
  await check("gridId", "grids");
  await check("itemId", "standard_items");
  // A unit tags its material only with grids it answers for (lead or supporting unit).
  if (tags.gridId !== undefined && !problems.gridId) {
    const [grid] = await selectRows<{ code: string; ours: boolean }>(
      ex,
      sql`SELECT g.code, EXISTS (SELECT 1 FROM grid_units gu WHERE gu.grid_id = g.id
            AND gu.city_id = g.city_id AND gu.unit_id = ${tags.unitId}) AS ours
          FROM grids g WHERE g.id = ${tags.gridId}`,
    );
    if (grid && !grid.ours) {
      problems.gridId = { key: "material.grid_not_unit", params: { grid: grid.code } };
    }
  }
  return problems;
}

export async function insertMaterial(
  ex: Executor,
  actor: Actor,
  tags: MaterialTags,
  file: { id: number; name: string },
): Promise<number> {
  const [row] = await selectRows<{ id: number }>(
    ex,
    sql`INSERT INTO materials (city_id, unit_id, week, category, title, file_id, file_name, task_id, grid_id, item_id, submitted_by)
        VALUES (${actor.cityId}, ${tags.unitId}, ${tags.week}, ${tags.category}, ${tags.title}, ${file.id}, ${file.name},
          ${tags.taskId ?? null}, ${tags.gridId ?? null}, ${tags.itemId ?? null}, ${actor.userId})
        RETURNING id`,
  );
  if (!row) throw new Error("the material could not be inserted");
  await recordAuditBy(ex, actor, {
    action: "submit",
    entity: "material",
    entityId: row.id,
    after: { ...tags, fileId: file.id, fileName: file.name },
  });
  return row.id;
}

/** Accepts or returns a submitted material; a reviewed one answers 409. */
export async function reviewMaterial(
  ex: Executor,
  actor: Actor,
  scope: Scope,
  id: number,
  verdict: { accept: true } | { accept: false; reason: string },
) {
  const [before] = await selectRows<{ id: number; status: string; reviewNote: string | null }>(
    ex,
    sql`SELECT m.id, m.status, m.review_note AS "reviewNote" FROM materials m
        WHERE m.id = ${id} AND ${materialsReadable(scope)} FOR UPDATE`,
  );
  if (!before) {
    throw new AppError(404, "not_found", {
      key: "error.not_found",
      params: { entity: "entity.material", id },
    });
  }
  if (before.status !== "submitted") {
    throw new AppError(409, "conflict", {
      key: "material.not_reviewable",
      params: { status: `material.status.${before.status}` },
    });
  }
  const status = verdict.accept ? "accepted" : "returned";
  const note = verdict.accept ? null : verdict.reason;
  await ex.execute(sql`UPDATE materials SET status = ${status}, review_note = ${note},
      reviewed_by = ${actor.userId}, reviewed_at = now() WHERE id = ${id}`);
  await recordAuditBy(ex, actor, {
    action: verdict.accept ? "accept" : "return",
    entity: "material",
    entityId: id,
    before,
    after: { status, reviewNote: note },
  });
  if (!verdict.accept) {
    await notify(
      ex,
      { cityId: actor.cityId, kind: "material_returned", materialId: id, reason: verdict.reason },
      actor.userId,
    );
  }
}
