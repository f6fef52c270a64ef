// Reverting a grid to an earlier version: that version's shape, name and assignments, saved as a new version.
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { lockGrid } from "./lock.ts";
import { recordVersions } from "./versions.ts";
import { type Actor, assertFits, rerouteOpenProblems } from "./write.ts";

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
    throw new AppError(
      400,
      "invalid_request",
      { key: "error.validation" },
      { toVersion: { key: "field.version_unknown" } },
    );
  }
  await assertFits(tx, actor, grid.communityId, JSON.parse(old.geometry), [id]);
  await tx.execute(sql`UPDATE grids g SET name = ${old.name}, geom = v.geom, version = g.version + 1, updated_at = now()
    FROM grid_versions v WHERE g.id = ${id} AND v.grid_id = ${id} AND v.version = ${toVersion}`);
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
  await recordVersions(tx, [id], "revert", actor.userId);
  await recordAudit(tx, {
    cityId: actor.cityId,
    userId: actor.userId,
    action: "revert",
    entity: "grid",
    entityId: id,
    before: { code: grid.code, version: grid.version },
    after: { code: grid.code, version: grid.version + 1, revertedTo: toVersion },
  });
  await rerouteOpenProblems(tx, actor.cityId, [id]);
}
