// Splitting a grid along a drawn line and merging adjacent grids, done by PostGIS (ST_Split,
// ST_Union) so holes and multi-part grids come out exact. Each is a restructuring: teams, work and
// open problems follow (restructurings/restructure.ts), and it can be undone.

import { gridProblem, type Problem } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import type { LineString } from "geojson";
import { recordAuditBy } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { type Restructured, restructure } from "../restructurings/restructure.ts";
import { geometryError } from "./geometry-errors.ts";
import { type LockedGrid, lockGrid } from "./lock.ts";
import { mayMerge, splitPieces } from "./restructure-checks.ts";
import { recordGridChange, recordVersions } from "./versions.ts";
import { type Actor, insertGrid } from "./write.ts";

/** Cuts the grid along the line: the first piece keeps its id and code, the others are new grids. */
export async function splitGrid(
  tx: Executor,
  actor: Actor,
  id: number,
  version: number,
  line: LineString,
  carryOver?: Record<string, string>,
): Promise<Restructured> {
  const grid = await lockGrid(tx, actor.cityId, id, version);
  const plan = { kind: "split" as const, communityId: grid.communityId, before: [id], carryOver };
  return restructure(tx, actor, plan, async () => {
    const pieces = await splitPieces(tx, sql`(SELECT geom FROM grids WHERE id = ${id})`, line);
    if (!pieces) {
      throw geometryError(422, [gridProblem("grid.splitFailed", { params: { code: grid.code } })]);
    }
    const [first, ...rest] = pieces;
    await tx.execute(sql`UPDATE grids SET geom = ST_SetSRID(ST_GeomFromGeoJSON(${first?.geometry}), 4326),
      version = version + 1, updated_at = now() WHERE id = ${id}`);
    const ids = [id];
    for (const [i, piece] of rest.entries()) {
      const created = await insertGrid(
        tx,
        actor,
        grid.communityId,
        JSON.parse(piece.geometry),
        `${grid.name}-${i + 2}`,
      );
      ids.push(created.id);
    }
    await recordGridChange(tx, actor, ids, "split", {
      entityId: id,
      before: { code: grid.code, version },
      after: { gridIds: ids, line },
    });
    return ids;
  });
}

/**
 * Merges grids that share an edge (a shared point is not enough, geo/'s thresholds decide): the
 * one with the lowest code keeps its code and takes the union; the others are deleted, and their
 * units and people join it.
 */
export async function mergeGrids(
  tx: Executor,
  actor: Actor,
  grids: { id: number; version: number }[],
  carryOver?: Record<string, string>,
): Promise<Restructured> {
  const locked: LockedGrid[] = [];
  for (const g of [...grids].sort((a, b) => a.id - b.id))
    locked.push(await lockGrid(tx, actor.cityId, g.id, g.version));
  locked.sort((a, b) => a.code.localeCompare(b.code));
  const [keep, ...others] = locked;
  if (!keep || !others.length) throw geometryError(422, [gridProblem("grid.mergeNotAdjacent")]);
  const problems: Problem[] = [];
  for (const other of others) {
    if (other.communityId !== keep.communityId) {
      problems.push(
        gridProblem("grid.mergeCommunity", { params: { a: keep.code, b: other.code } }),
      );
      continue;
    }
    const adjacent = await mayMerge(
      tx,
      sql`(SELECT geom FROM grids WHERE id = ${keep.id})`,
      sql`(SELECT geom FROM grids WHERE id = ${other.id})`,
    );
    if (!adjacent)
      problems.push(
        gridProblem("grid.mergeNotAdjacent", { params: { a: keep.code, b: other.code } }),
      );
  }
  if (problems.length) throw geometryError(422, problems);
  const plan = {
    kind: "merge" as const,
    communityId: keep.communityId,
    before: locked.map((g) => g.id),
    carryOver,
  };
  return restructure(tx, actor, plan, async () => {
    await unite(tx, actor, keep, others, locked);
    return [keep.id];
  });
}

/** The union goes to the grid that keeps its code; the others are deleted. */
async function unite(
  tx: Executor,
  actor: Actor,
  keep: LockedGrid,
  others: LockedGrid[],
  locked: LockedGrid[],
) {
  const otherIds = sql.raw(`ARRAY[${others.map((o) => o.id).join(",")}]::int[]`);
  await tx.execute(sql`UPDATE grids SET geom = ST_Multi(ST_Union(ARRAY(SELECT geom FROM grids WHERE id = ${keep.id} OR id = ANY(${otherIds})))),
    version = version + 1, updated_at = now() WHERE id = ${keep.id}`);
  await tx.execute(
    sql`UPDATE grids SET deleted_at = now(), version = version + 1, updated_at = now() WHERE id = ANY(${otherIds})`,
  );
  await recordVersions(tx, actor.cityId, [keep.id], "merge", actor.userId);
  await recordVersions(
    tx,
    actor.cityId,
    others.map((o) => o.id),
    "delete",
    actor.userId,
  );
  await recordAuditBy(tx, actor, {
    action: "merge",
    entity: "grid",
    entityId: keep.id,
    before: { codes: locked.map((g) => g.code) },
    after: { code: keep.code },
  });
}
