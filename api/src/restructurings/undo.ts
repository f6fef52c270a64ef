// Undoing a restructuring as a whole: the old grids with their codes, shapes and teams come back,
// the new ones go, work and problems return — only while nothing newer touched those grids.
import { sql } from "drizzle-orm";
import { recordAuditBy } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { inTransaction, selectRows } from "../db/client.ts";
import { restructuredTables, thenFreshen } from "../db/maintenance.ts";
import { AppError, notFound } from "../errors.ts";
import { recordVersions } from "../grids/versions.ts";
import type { Actor } from "../grids/write.ts";
import { insertTeam } from "./carry-over.ts";
import { changesSince, joined } from "./changed-since.ts";
import { placeBack } from "./reroute.ts";
import type { UndoData } from "./restructure.ts";
import { intArray } from "./snapshot.ts";
import { putWorkBack } from "./work.ts";

/**
 * The grids are back as the previous restructuring left them, at newer version numbers: it is
 * told those numbers, so undoing them one after another, newest first, goes all the way back.
 */
async function handDownVersions(
  tx: Executor,
  communityId: number,
  restructuringId: number,
  undo: UndoData,
) {
  const ids = Object.keys(undo.versionsBefore ?? {}).map(Number);
  const now = await selectRows<{ id: number; version: number }>(
    tx,
    sql`SELECT id, version FROM grids WHERE id = ANY(${intArray(ids)}) AND deleted_at IS NULL`,
  );
  for (const g of now) {
    const was = undo.versionsBefore[String(g.id)];
    await tx.execute(sql`UPDATE restructurings
      SET undo = jsonb_set(undo, ARRAY['versions', ${String(g.id)}], to_jsonb(${g.version}::int))
      WHERE community_id = ${communityId} AND id < ${restructuringId} AND undone_at IS NULL
        AND (undo->'versions'->>${String(g.id)})::int = ${was}`);
  }
}

async function undoRestructuringIn(
  tx: Executor,
  actor: Actor,
  communityId: number,
  restructuringId: number,
) {
  const [row] = await selectRows<{ undo: UndoData | string; undone: boolean }>(
    tx,
    sql`SELECT undo, undone_at IS NOT NULL AS undone FROM restructurings
        WHERE id = ${restructuringId} AND community_id = ${communityId} AND city_id = ${actor.cityId}
        FOR UPDATE`,
  );
  if (!row) throw notFound("restructuring", restructuringId);
  if (row.undone) throw new AppError(409, "already_undone", { key: "error.restructuring_undone" });
  const undo: UndoData = typeof row.undo === "string" ? JSON.parse(row.undo) : row.undo;
  const changes = await changesSince(tx, undo, { lock: true });
  if (changes.length) {
    throw new AppError(409, "changed_since", {
      key: "error.restructuring_changed",
      params: { changes: joined(changes) },
    });
  }
  const created = intArray(undo.created);
  await tx.execute(sql`DELETE FROM grid_units WHERE grid_id = ANY(${created})`);
  await tx.execute(sql`DELETE FROM grid_people WHERE grid_id = ANY(${created})`);
  await tx.execute(
    sql`UPDATE grids SET deleted_at = now(), version = version + 1, updated_at = now() WHERE id = ANY(${created})`,
  );
  await recordVersions(tx, actor.cityId, undo.created, "delete", actor.userId);
  for (const g of undo.grids) {
    await tx.execute(sql`UPDATE grids SET name = ${g.name}, geom = ST_GeomFromEWKB(decode(${g.wkb}, 'hex')),
      deleted_at = NULL, version = version + 1, updated_at = now() WHERE id = ${g.id}`);
  }
  // Every surviving grid the restructuring touched gets back the team it had.
  const teamed = Object.keys(undo.versions)
    .map(Number)
    .filter((id) => !undo.created.includes(id));
  await tx.execute(sql`DELETE FROM grid_units WHERE grid_id = ANY(${intArray(teamed)})`);
  await tx.execute(sql`DELETE FROM grid_people WHERE grid_id = ANY(${intArray(teamed)})`);
  await insertTeam(
    tx,
    actor.cityId,
    undo.units.filter((u) => teamed.includes(u.gridId)),
    undo.people.filter((p) => teamed.includes(p.gridId)),
  );
  const bumped = teamed.filter((id) => !undo.grids.some((g) => g.id === id));
  await tx.execute(
    sql`UPDATE grids SET version = version + 1, updated_at = now() WHERE id = ANY(${intArray(bumped)})`,
  );
  await recordVersions(tx, actor.cityId, teamed, "revert", actor.userId);
  await putWorkBack(tx, undo);
  await placeBack(tx, actor, undo.problems);
  await tx.execute(sql`UPDATE restructurings SET undone_at = now(), undone_by = ${actor.userId}
    WHERE id = ${restructuringId}`);
  await handDownVersions(tx, communityId, restructuringId, undo);
  await recordAuditBy(tx, actor, {
    action: "undo",
    entity: "restructuring",
    entityId: restructuringId,
    before: { gridIds: Object.keys(undo.versions).map(Number) },
    after: { gridIds: teamed },
  });
}

/** Undoes a restructuring in its own transaction. */
export const undoRestructuring = thenFreshen(
  inTransaction(undoRestructuringIn),
  restructuredTables,
);
