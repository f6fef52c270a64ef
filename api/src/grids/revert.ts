// Reverting a grid to an earlier version: that version's shape, name and assignments, saved as a new version.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { AppError, invalidFields } from "../errors.ts";
import { type LockedGrid, lockGrid } from "./lock.ts";
import { recordGridChange } from "./versions.ts";
import { type Actor, assertFits, rerouteOpenProblems } from "./write.ts";

/**
 * A version from before a split overlaps the grid's own pieces: rather than refuse it as an
 * overlap, say so and name the pieces, so the editor can offer to merge them back (409).
 */
async function offerMergeForSplit(tx: Executor, grid: LockedGrid, toVersion: number) {
  const pieces = await selectRows<{ id: number; version: number; code: string }>(
    tx,
    sql`SELECT g.id, g.version, g.code FROM grids g, grid_versions v
        WHERE v.grid_id = ${grid.id} AND v.version = ${toVersion} AND v.city_id = g.city_id
          AND g.community_id = ${grid.communityId} AND g.id <> ${grid.id} AND g.deleted_at IS NULL
          AND ST_Area(ST_Intersection(g.geom, v.geom)) >= 0.99 * ST_Area(g.geom)
          AND EXISTS (SELECT 1 FROM restructurings r WHERE r.kind = 'split' AND r.city_id = g.city_id
                      AND ${grid.id} = ANY(r.grids_before) AND g.id = ANY(r.grids_after))
        ORDER BY g.code`,
  );
  if (!pieces.length) return;
  throw new AppError(
    409,
    "revert_needs_merge",
    {
      key: "error.revert_needs_merge",
      params: { code: grid.code, pieces: pieces.map((p) => p.code).join("、") },
    },
    undefined,
    () => ({ mergeWith: [{ id: grid.id, version: grid.version, code: grid.code }, ...pieces] }),
  );
}

export async function revertGrid(
  tx: Executor,
  actor: Actor,
  id: number,
  version: number,
  toVersion: number,
) {
  const grid = await lockGrid(tx, actor.cityId, id, version);
  const [old] = await selectRows<{ name: string; geometry: string; assignments: string | null }>(
    tx,
    sql`SELECT name, ST_AsGeoJSON(geom, 7) AS geometry, assignments FROM grid_versions
        WHERE grid_id = ${id} AND version = ${toVersion}`,
  );
  if (!old) {
    throw invalidFields({ toVersion: { key: "field.version_unknown" } });
  }
  await offerMergeForSplit(tx, grid, toVersion);
  await assertFits(tx, actor, grid.communityId, JSON.parse(old.geometry), [id]);
  await tx.execute(sql`UPDATE grids g SET name = ${old.name}, geom = v.geom, version = g.version + 1, updated_at = now()
    FROM grid_versions v WHERE g.id = ${id} AND v.grid_id = ${id} AND v.city_id = g.city_id
      AND v.version = ${toVersion}`);
  const assignments = old.assignments
    ? (JSON.parse(old.assignments) as {
        units: { unitId: number; role: string }[];
        people: { personId: number; role: string }[];
      })
    : { units: [], people: [] };
  await tx.execute(sql`DELETE FROM grid_units WHERE grid_id = ${id}`);
  await tx.execute(sql`DELETE FROM grid_people WHERE grid_id = ${id}`);
  for (const u of assignments.units) {
    await tx.execute(
      sql`INSERT INTO grid_units (city_id, grid_id, unit_id, role) VALUES (${actor.cityId}, ${id}, ${u.unitId}, ${u.role})`,
    );
  }
  for (const p of assignments.people) {
    await tx.execute(
      sql`INSERT INTO grid_people (city_id, grid_id, person_id, role) VALUES (${actor.cityId}, ${id}, ${p.personId}, ${p.role})`,
    );
  }
  await recordGridChange(tx, actor, [id], "revert", {
    entityId: id,
    before: { code: grid.code, version: grid.version },
    after: { code: grid.code, version: grid.version + 1, revertedTo: toVersion },
  });
  await rerouteOpenProblems(tx, actor.cityId, [id]);
}
