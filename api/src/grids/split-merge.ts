// Splitting a grid along a drawn line and merging adjacent grids, done by PostGIS (ST_Split,
// ST_Union) so holes and multi-part grids come out exact. The pieces keep the grid's people.

import { gridProblem, type Problem } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import type { LineString } from "geojson";
import { recordAudit } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { geometryError } from "./geometry-errors.ts";
import { lockGrid } from "./lock.ts";
import { recordVersions } from "./versions.ts";
import { type Actor, insertGrid, rerouteOpenProblems } from "./write.ts";

/** Pieces smaller than this are slivers of a line drawn along an edge, not grids. */
const MIN_PIECE_M2 = 10;

export async function splitGrid(
  tx: Executor,
  actor: Actor,
  id: number,
  version: number,
  line: LineString,
): Promise<number[]> {
  const grid = await lockGrid(tx, actor.cityId, id, version);
  const pieces = await selectRows<{ geometry: string; x: number; y: number }>(
    tx,
    sql`SELECT ST_AsGeoJSON(ST_Multi(p.geom), 7) AS geometry, ST_X(ST_PointOnSurface(p.geom)) AS x, ST_Y(ST_PointOnSurface(p.geom)) AS y
        FROM grids g, ST_Dump(ST_Split(g.geom, ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(line)}), 4326))) p
        WHERE g.id = ${id} AND ST_Area(p.geom::geography) >= ${MIN_PIECE_M2}
        ORDER BY round(ST_Y(ST_PointOnSurface(p.geom))::numeric, 3) DESC, ST_X(ST_PointOnSurface(p.geom))`,
  );
  if (pieces.length < 2) {
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
    // The new piece keeps the team of the grid it was cut from.
    await tx.execute(sql`INSERT INTO grid_units (city_id, grid_id, unit_id, role)
      SELECT city_id, ${created.id}::int, unit_id, role FROM grid_units WHERE grid_id = ${id}`);
    await tx.execute(sql`INSERT INTO grid_people (city_id, grid_id, person_id, role)
      SELECT city_id, ${created.id}::int, person_id, role FROM grid_people WHERE grid_id = ${id} AND role = 'leader'`);
    ids.push(created.id);
  }
  await recordVersions(tx, ids, "split", actor.userId);
  await recordAudit(tx, {
    cityId: actor.cityId,
    userId: actor.userId,
    action: "split",
    entity: "grid",
    entityId: id,
    before: { code: grid.code, version },
    after: { gridIds: ids, line },
  });
  await rerouteOpenProblems(tx, actor.cityId, ids);
  return ids;
}

/**
 * Merges grids that share an edge (a shared point is not enough): the one with the lowest code
 * keeps its code and takes the union; the others are deleted and their units and people join it.
 */
export async function mergeGrids(
  tx: Executor,
  actor: Actor,
  grids: { id: number; version: number }[],
): Promise<number> {
  const locked = [];
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
    // DE-9IM: the boundaries meet along a line (dimension 1), not only at points.
    const [shared] = await selectRows<{ adjacent: boolean }>(
      tx,
      sql`SELECT ST_Relate(a.geom, b.geom, '****1****') AS adjacent FROM grids a, grids b
          WHERE a.id = ${keep.id} AND b.id = ${other.id}`,
    );
    if (!shared?.adjacent)
      problems.push(
        gridProblem("grid.mergeNotAdjacent", { params: { a: keep.code, b: other.code } }),
      );
  }
  if (problems.length) throw geometryError(422, problems);
  const otherIds = sql.raw(`ARRAY[${others.map((o) => o.id).join(",")}]::int[]`);
  await tx.execute(sql`UPDATE grids SET geom = ST_Multi(ST_Union(ARRAY(SELECT geom FROM grids WHERE id = ${keep.id} OR id = ANY(${otherIds})))),
    version = version + 1, updated_at = now() WHERE id = ${keep.id}`);
  await tx.execute(sql`INSERT INTO grid_units (city_id, grid_id, unit_id, role)
    SELECT DISTINCT city_id, ${keep.id}::int, unit_id, 'support' FROM grid_units
    WHERE grid_id = ANY(${otherIds}) AND unit_id NOT IN (SELECT unit_id FROM grid_units WHERE grid_id = ${keep.id})`);
  await tx.execute(sql`INSERT INTO grid_people (city_id, grid_id, person_id, role)
    SELECT DISTINCT city_id, ${keep.id}::int, person_id, 'volunteer' FROM grid_people
    WHERE grid_id = ANY(${otherIds}) AND person_id NOT IN (SELECT person_id FROM grid_people WHERE grid_id = ${keep.id})`);
  await tx.execute(
    sql`UPDATE grids SET deleted_at = now(), version = version + 1, updated_at = now() WHERE id = ANY(${otherIds})`,
  );
  await recordVersions(tx, [keep.id], "merge", actor.userId);
  await recordVersions(
    tx,
    others.map((o) => o.id),
    "delete",
    actor.userId,
  );
  await recordAudit(tx, {
    cityId: actor.cityId,
    userId: actor.userId,
    action: "merge",
    entity: "grid",
    entityId: keep.id,
    before: { codes: locked.map((g) => g.code) },
    after: { code: keep.code },
  });
  await rerouteOpenProblems(
    tx,
    actor.cityId,
    locked.map((g) => g.id),
  );
  return keep.id;
}
