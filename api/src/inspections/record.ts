// Recording an inspection (自查, 明查, 暗访, 模拟测评, 督导): the points visited and a result per
// checklist item; every failed item becomes a problem at its point, routed like any report.
import type { ItemOutcome } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import type { SessionUser } from "../accounts/sessions.ts";
import { recordAudit } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { inTransaction, selectRows } from "../db/client.ts";
import { invalidFields, type Message } from "../errors.ts";
import { createProblem } from "../problems/create.ts";

export interface ItemResult {
  itemId: number;
  result: ItemOutcome;
  /** Points lost; defaults to the item's full points when it fails. */
  deduction?: number | undefined;
  note?: string | undefined;
  photoIds?: number[] | undefined;
}

export interface NewInspection {
  kind: "self" | "open" | "covert" | "mock" | "supervision";
  standardId: number;
  startedAt?: string | undefined;
  note?: string | undefined;
  visits: { pointId: number; results: ItemResult[] }[];
}

function refuse(fields: Record<string, Message>): never {
  throw invalidFields(fields);
}

async function recordInspectionIn(tx: Executor, user: SessionUser, input: NewInspection) {
  const items = await selectRows<{ id: number; title: string; checklist: string; points: number }>(
    tx,
    sql`SELECT id, title, checklist, points::float8 AS points FROM standard_items WHERE standard_id = ${input.standardId} AND city_id = ${user.cityId}`,
  );
  if (!items.length) refuse({ standardId: { key: "inspection.standard_unknown" } });
  const pointIds = [...new Set(input.visits.map((v) => v.pointId))];
  const points = await selectRows<{ id: number; lon: number; lat: number; name: string }>(
    tx,
    sql`SELECT id, ST_X(location) AS lon, ST_Y(location) AS lat, name FROM inspection_points
        WHERE city_id = ${user.cityId} AND id = ANY(${sql.raw(`ARRAY[${pointIds.join(",") || "NULL"}]::int[]`)})`,
  );
  const fields: Record<string, Message> = {};
  for (const [v, visit] of input.visits.entries()) {
    if (!points.some((p) => p.id === visit.pointId))
      fields[`visits.${v}.pointId`] = { key: "inspection.point_unknown" };
    for (const [r, result] of visit.results.entries()) {
      const item = items.find((i) => i.id === result.itemId);
      if (!item) fields[`visits.${v}.results.${r}.itemId`] = { key: "inspection.item_unknown" };
      else if ((result.deduction ?? 0) > item.points) {
        fields[`visits.${v}.results.${r}.deduction`] = {
          key: "inspection.deduction_over",
          params: { points: item.points },
        };
      }
    }
  }
  if (Object.keys(fields).length) refuse(fields);

  const [inspection] = await selectRows<{ id: number }>(
    tx,
    sql`INSERT INTO inspections (city_id, kind, standard_id, inspector_user_id, started_at, finished_at, note)
        VALUES (${user.cityId}, ${input.kind}, ${input.standardId}, ${user.id}, ${input.startedAt ?? sql`now()`}, now(), ${input.note ?? null})
        RETURNING id`,
  );
  if (!inspection) throw new Error("the inspection was not written");
  const problemIds: number[] = [];
  for (const visit of input.visits) {
    const point = points.find((p) => p.id === visit.pointId);
    for (const result of visit.results) {
      const item = items.find((i) => i.id === result.itemId);
      if (!point || !item) continue;
      const deduction = result.result === "fail" ? (result.deduction ?? item.points) : 0;
      await tx.execute(sql`INSERT INTO inspection_results (city_id, inspection_id, point_id, item_id, passed, deduction, note)
        VALUES (${user.cityId}, ${inspection.id}, ${point.id}, ${item.id}, ${result.result}, ${deduction}, ${result.note ?? null})`);
      if (result.result !== "fail") continue;
      const created = await createProblem(
        tx,
        { cityId: user.cityId, userId: user.id, name: user.displayName },
        {
          source: "inspection",
          severity: "normal",
          // The item's wording says what falls short even when the inspector wrote nothing more.
          description: [`${item.title}：${item.checklist}`, result.note]
            .filter(Boolean)
            .join("。检查记录："),
          location: { type: "Point", coordinates: [point.lon, point.lat] },
          itemId: item.id,
          pointId: point.id,
          inspectionId: inspection.id,
          deduction,
          photoIds: result.photoIds ?? [],
        },
      );
      problemIds.push(created.id);
    }
  }
  await recordAudit(tx, {
    cityId: user.cityId,
    userId: user.id,
    action: "create",
    entity: "inspection",
    entityId: inspection.id,
    after: { ...input, problemIds },
  });
  return { id: inspection.id, problemIds };
}

/** Records an inspection in its own transaction; failed items become problems. */
export const recordInspection = inTransaction(recordInspectionIn);
