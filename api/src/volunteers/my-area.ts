// "My patrol area": a volunteer's grids with their boundaries, who to call (the lead hospital and
// the grid leader), and the inspection points and open problems inside.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { feature } from "../geojson.ts";
import { type MobileCaller, mobileFor } from "../policy/mobile-scope.ts";
import type { Scope } from "../policy/scope.ts";
import { openProblem } from "../problems/open.ts";
import { overdue } from "../problems/queries.ts";

interface AreaGrid {
  id: number;
  code: string;
  name: string;
  communityName: string;
  leadUnit: { id: number; name: string; phone: string | null } | null;
  leader: { name: string; mobile: string | null } | null;
  /** Who patrols the grid (names only), to list as an activity's participants. */
  team: { personId: number; name: string; role: "leader" | "volunteer" }[];
  geometry: string;
}

const collection = <R extends { id: number; geometry: string }>(rows: R[]) => ({
  type: "FeatureCollection" as const,
  features: rows.map(({ geometry, ...properties }) =>
    feature({ id: properties.id, geometry }, properties),
  ),
});

export async function myArea(ex: Executor, scope: Scope, caller: MobileCaller) {
  const gridIds = scope.kind === "grids" ? scope.gridIds : [];
  const ids = sql.raw(`ARRAY[${gridIds.filter(Number.isSafeInteger).join(",")}]::int[]`);
  const grids = await selectRows<AreaGrid>(
    ex,
    sql`SELECT g.id, g.code, g.name, c.name AS "communityName",
          (SELECT json_build_object('id', u.id, 'name', u.name, 'phone', u.phone) FROM grid_units gu
             JOIN units u ON u.id = gu.unit_id AND u.city_id = gu.city_id
             WHERE gu.grid_id = g.id AND gu.city_id = g.city_id AND gu.role = 'lead') AS "leadUnit",
          (SELECT json_build_object('name', pe.name, 'mobile', ${mobileFor(scope, caller, sql.raw("pe"))}) FROM grid_people gp
             JOIN people pe ON pe.id = gp.person_id AND pe.city_id = gp.city_id
             WHERE gp.grid_id = g.id AND gp.city_id = g.city_id AND gp.role = 'leader') AS leader,
          (SELECT json_agg(json_build_object('personId', pe.id, 'name', pe.name, 'role', gp.role)
             ORDER BY gp.role, pe.id)
             FROM grid_people gp JOIN people pe ON pe.id = gp.person_id AND pe.city_id = gp.city_id
             WHERE gp.grid_id = g.id AND gp.city_id = g.city_id) AS team,
          ST_AsGeoJSON(g.geom, 7) AS geometry
        FROM grids g JOIN communities c ON c.id = g.community_id AND c.city_id = g.city_id
        WHERE g.city_id = ${scope.cityId} AND g.deleted_at IS NULL AND g.id = ANY(${ids})
        ORDER BY g.code`,
  );
  const points = await selectRows<{ id: number; geometry: string }>(
    ex,
    sql`SELECT p.id, p.name, p.kind, p.grid_id AS "gridId", ST_AsGeoJSON(p.location, 7) AS geometry
        FROM inspection_points p WHERE p.city_id = ${scope.cityId} AND p.grid_id = ANY(${ids})
        ORDER BY p.id`,
  );
  const problems = await selectRows<{ id: number; geometry: string }>(
    ex,
    sql`SELECT p.id, p.description, p.status, p.grid_id AS "gridId", si.title AS "itemTitle",
          ${overdue} AS overdue, ST_AsGeoJSON(p.location, 7) AS geometry
        FROM problems p LEFT JOIN standard_items si ON si.id = p.item_id AND si.city_id = p.city_id
        WHERE p.city_id = ${scope.cityId} AND p.grid_id = ANY(${ids})
          AND ${openProblem}
        ORDER BY p.reported_at DESC, p.id DESC`,
  );
  return { grids: collection(grids), points: collection(points), problems: collection(problems) };
}
