// Grid history: every saved state of a grid (geometry, name and assignments) as an appended version.
import { sql } from "drizzle-orm";
import { type Actor, type AuditEntry, recordAuditBy } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { isoTime } from "../db/query-helpers.ts";

export type GridChange = "create" | "edit" | "split" | "merge" | "revert" | "delete" | "assign";

/** Appends the grids' current state as their version rows (the grids' version column says which). */
export async function recordVersions(
  ex: Executor,
  cityId: number,
  gridIds: number[],
  change: GridChange,
  userId: number | null,
) {
  if (!gridIds.length) return;
  const ids = sql.raw(`ARRAY[${gridIds.filter(Number.isSafeInteger).join(",")}]::int[]`);
  await ex.execute(sql`
    INSERT INTO grid_versions (city_id, grid_id, version, change, name, geom, assignments, changed_by)
    SELECT g.city_id, g.id, g.version, ${change}, g.name, g.geom,
      json_build_object(
        'units', coalesce((SELECT json_agg(json_build_object('unitId', unit_id, 'role', role) ORDER BY role, unit_id)
                  FROM grid_units WHERE grid_id = g.id AND city_id = g.city_id), '[]'::json),
        'people', coalesce((SELECT json_agg(json_build_object('personId', person_id, 'role', role) ORDER BY role, person_id)
                   FROM grid_people WHERE grid_id = g.id AND city_id = g.city_id), '[]'::json))::text,
      ${userId}
    FROM grids g WHERE g.city_id = ${cityId} AND g.id = ANY(${ids})`);
}

/**
 * A saved change to grids by an actor: the grids' new versions, and the change's audit entry
 * (its action is the change's unless named, e.g. an import creates).
 */
export async function recordGridChange(
  tx: Executor,
  actor: Actor,
  gridIds: number[],
  change: GridChange,
  audit: Omit<AuditEntry, "cityId" | "userId" | "entity" | "action"> & { action?: string },
) {
  await recordVersions(tx, actor.cityId, gridIds, change, actor.userId);
  await recordAuditBy(tx, actor, { action: change, entity: "grid", ...audit });
}

export interface GridVersionRow {
  version: number;
  change: GridChange;
  name: string;
  areaM2: number;
  assignments: {
    units: { unitId: number; role: string }[];
    people: { personId: number; role: string }[];
  };
  changedBy: string | null;
  changedAt: string;
  geometry: string;
}

export async function listVersions(ex: Executor, gridId: number): Promise<GridVersionRow[]> {
  const rows = await selectRows<
    Omit<GridVersionRow, "assignments"> & { assignments: string | null }
  >(
    ex,
    sql`SELECT v.version, v.change, v.name, round(ST_Area(v.geom::geography))::float8 AS "areaM2",
          v.assignments, u.display_name AS "changedBy", ${isoTime(sql`v.changed_at`)} AS "changedAt",
          ST_AsGeoJSON(v.geom, 7) AS geometry
        FROM grid_versions v LEFT JOIN users u ON u.id = v.changed_by AND u.city_id = v.city_id
        WHERE v.grid_id = ${gridId} ORDER BY v.version DESC`,
  );
  return rows.map((r) => ({
    ...r,
    assignments: r.assignments ? JSON.parse(r.assignments) : { units: [], people: [] },
  }));
}
