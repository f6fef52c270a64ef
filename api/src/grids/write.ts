// Saving grids: create, edit (geometry or name) and delete, each one transaction with its history
// version and audit row. Shapes are checked by geo/ first (400) and by PostGIS inside the
// transaction (422); a stale version gets 409.
import { gridCode } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import type { MultiPolygon } from "geojson";
import type { Actor } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { invalidFields } from "../errors.ts";
import { openProblem } from "../problems/open.ts";
import { routeProblems } from "../problems/routing.ts";
import { type Restructured, restructure } from "../restructurings/restructure.ts";
import { validateGrid } from "../workers/validate-grid.ts";
import { fromPostgis, geometryError } from "./geometry-errors.ts";
import { lockGrid } from "./lock.ts";
import { checkGridInPostgis } from "./postgis-checks.ts";
import { recordGridChange } from "./versions.ts";

export type { Actor };

/** geo/'s verdict on an untrusted shape: the normalised MultiPolygon, or a 400 naming each problem. */
export async function shapeOf(input: unknown): Promise<MultiPolygon> {
  const verdict = await validateGrid(input);
  if (!verdict.ok) throw geometryError(400, verdict.problems);
  return verdict.geometry;
}

/** PostGIS's verdict inside the transaction: inside the community, no overlap; else 422. */
export async function assertFits(
  tx: Executor,
  actor: Actor,
  communityId: number,
  geometry: MultiPolygon,
  exceptGridIds: number[],
) {
  const problems = await checkGridInPostgis(tx, {
    cityId: actor.cityId,
    communityId,
    geometry,
    exceptGridIds,
  });
  if (problems.length) throw geometryError(422, problems.map(fromPostgis));
}

export async function communityOf(tx: Executor, cityId: number, communityId: number) {
  const [community] = await selectRows<{ id: number; code: string; name: string }>(
    tx,
    sql`SELECT id, code, name FROM communities WHERE id = ${communityId} AND city_id = ${cityId}`,
  );
  if (!community) {
    throw invalidFields({ communityId: { key: "field.community_unknown" } });
  }
  return community;
}

/** The next free sequence in the community: codes of deleted grids are never given out again. */
async function nextSequence(tx: Executor, communityId: number): Promise<number> {
  const [row] = await selectRows<{ seq: number }>(
    tx,
    sql`SELECT coalesce(max(right(code, 3)::int), 0) + 1 AS seq FROM grids WHERE community_id = ${communityId}`,
  );
  return row?.seq ?? 1;
}

export async function insertGrid(
  tx: Executor,
  actor: Actor,
  communityId: number,
  geometry: MultiPolygon,
  name?: string,
) {
  const community = await communityOf(tx, actor.cityId, communityId);
  const seq = await nextSequence(tx, communityId);
  const [row] = await selectRows<{ id: number; code: string }>(
    tx,
    sql`INSERT INTO grids (city_id, community_id, code, name, geom)
        VALUES (${actor.cityId}, ${communityId}, ${gridCode(community.code, seq)},
                ${name ?? `${community.name}第${seq}网格`}, ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geometry)}), 4326))
        RETURNING id, code`,
  );
  if (!row) throw new Error("the grid was not written");
  return row;
}

export async function createGrid(
  tx: Executor,
  actor: Actor,
  input: { communityId: number; name?: string | undefined; geometry: MultiPolygon },
) {
  await communityOf(tx, actor.cityId, input.communityId);
  await assertFits(tx, actor, input.communityId, input.geometry, []);
  const grid = await insertGrid(tx, actor, input.communityId, input.geometry, input.name);
  await recordGridChange(tx, actor, [grid.id], "create", {
    entityId: grid.id,
    after: { code: grid.code, name: input.name, geometry: input.geometry },
  });
  await rerouteOpenProblems(tx, actor.cityId, [grid.id]);
  return grid.id;
}

export async function updateGrid(
  tx: Executor,
  actor: Actor,
  id: number,
  change: { version: number; name?: string | undefined; geometry?: MultiPolygon | undefined },
) {
  const before = await lockGrid(tx, actor.cityId, id, change.version);
  if (change.geometry) await assertFits(tx, actor, before.communityId, change.geometry, [id]);
  const geom = change.geometry
    ? sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(change.geometry)}), 4326)`
    : sql`geom`;
  await tx.execute(sql`UPDATE grids SET name = ${change.name ?? before.name}, geom = ${geom},
    version = version + 1, updated_at = now() WHERE id = ${id}`);
  await recordGridChange(tx, actor, [id], "edit", {
    entityId: id,
    before: {
      code: before.code,
      name: before.name,
      version: before.version,
      geometry: JSON.parse(before.geometry),
    },
    after: {
      code: before.code,
      name: change.name ?? before.name,
      version: before.version + 1,
      geometry: change.geometry ?? JSON.parse(before.geometry),
    },
  });
  if (change.geometry) await rerouteOpenProblems(tx, actor.cityId, [id]);
}

/**
 * Soft delete: the grid leaves the map and lists, its history and code stay. A restructuring: its
 * team and work go to the neighbour that is nearest (or the one the coordinator chose).
 */
export async function deleteGrid(
  tx: Executor,
  actor: Actor,
  id: number,
  version: number,
  carryOver?: Record<string, string>,
): Promise<Restructured> {
  const before = await lockGrid(tx, actor.cityId, id, version);
  const plan = {
    kind: "delete" as const,
    communityId: before.communityId,
    before: [id],
    carryOver,
  };
  return restructure(tx, actor, plan, async () => {
    await tx.execute(
      sql`UPDATE grids SET deleted_at = now(), version = version + 1, updated_at = now() WHERE id = ${id}`,
    );
    await recordGridChange(tx, actor, [id], "delete", {
      entityId: id,
      before: { code: before.code, name: before.name, version: before.version },
    });
    return [];
  });
}

/**
 * After grids change shape, open problems in or near them are routed again by location, so the
 * responsible grid and unit always follow the map. Closed problems keep who answered for them.
 */
export async function rerouteOpenProblems(tx: Executor, cityId: number, gridIds: number[]) {
  const ids = sql.raw(`ARRAY[${gridIds.filter(Number.isSafeInteger).join(",")}]::int[]`);
  const open = await selectRows<{ id: number }>(
    tx,
    sql`SELECT p.id FROM problems p
        WHERE p.city_id = ${cityId} AND ${openProblem}
          AND (p.grid_id = ANY(${ids}) OR EXISTS (SELECT 1 FROM grids g WHERE g.id = ANY(${ids})
               AND g.city_id = p.city_id AND g.deleted_at IS NULL AND ST_Contains(g.geom, p.location)))`,
  );
  if (open.length)
    await routeProblems(
      tx,
      cityId,
      open.map((p) => p.id),
    );
}
