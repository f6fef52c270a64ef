// Reading grids with what the map and the division table need: area, community, units, people.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectOne, selectRows } from "../db/client.ts";
import { type Bbox, intersectsBbox, type Page, queryPage, whereAll } from "../db/query-helpers.ts";
import { type MobileCaller, mobileFor } from "../policy/mobile-scope.ts";
import { gridsReadable } from "../policy/read-scope.ts";
import type { Scope } from "../policy/scope.ts";

export interface GridFilters {
  communityId?: number | undefined;
  unitId?: number | undefined;
  bbox?: Bbox | undefined;
}

export interface GridRow {
  id: number;
  code: string;
  name: string;
  communityId: number;
  communityName: string;
  areaM2: number;
  version: number;
  leadUnitId: number | null;
  leadUnitName: string | null;
  leadUnitShortName: string | null;
  supportUnitCount: number;
  leaderName: string | null;
  volunteerCount: number;
  geometry: string;
}

const columns = sql`
  g.id, g.code, g.name, g.community_id AS "communityId", c.name AS "communityName",
  round(ST_Area(g.geom::geography))::float8 AS "areaM2", g.version,
  lu.id AS "leadUnitId", lu.name AS "leadUnitName", lu.short_name AS "leadUnitShortName",
  (SELECT count(*) FROM grid_units s WHERE s.grid_id = g.id AND s.city_id = g.city_id
     AND s.role = 'support')::int AS "supportUnitCount",
  (SELECT p.name FROM grid_people gp JOIN people p ON p.id = gp.person_id AND p.city_id = gp.city_id
     WHERE gp.grid_id = g.id AND gp.city_id = g.city_id AND gp.role = 'leader') AS "leaderName",
  (SELECT count(*) FROM grid_people v WHERE v.grid_id = g.id AND v.city_id = g.city_id
     AND v.role = 'volunteer')::int AS "volunteerCount",
  ST_AsGeoJSON(g.geom, 7) AS geometry`;

const from = sql`grids g
  JOIN communities c ON c.id = g.community_id AND c.city_id = g.city_id
  LEFT JOIN grid_units gl ON gl.grid_id = g.id AND gl.city_id = g.city_id AND gl.role = 'lead'
  LEFT JOIN units lu ON lu.id = gl.unit_id AND lu.city_id = gl.city_id`;

export function listGrids(ex: Executor, scope: Scope, filters: GridFilters, page: Page) {
  const where = whereAll([
    gridsReadable(scope),
    sql`g.deleted_at IS NULL`,
    filters.communityId !== undefined && sql`g.community_id = ${filters.communityId}`,
    filters.unitId !== undefined &&
      sql`EXISTS (SELECT 1 FROM grid_units u WHERE u.grid_id = g.id AND u.city_id = g.city_id AND u.unit_id = ${filters.unitId})`,
    intersectsBbox(sql`g.geom`, filters.bbox),
  ]);
  return queryPage<GridRow>(ex, { columns, from, where, orderBy: sql`g.code, g.id`, ...page });
}

export interface GridDetail extends GridRow {
  leadUnit: { id: number; name: string; shortName: string } | null;
  supportUnits: { id: number; name: string; shortName: string }[];
  leader: { id: number; name: string; mobile: string | null } | null;
  volunteers: { id: number; name: string; mobile: string | null }[];
}

export async function getGrid(
  ex: Executor,
  scope: Scope,
  caller: MobileCaller,
  id: number,
): Promise<GridDetail | null> {
  const grid = await selectOne<GridRow>(
    ex,
    sql`SELECT ${columns} FROM ${from} WHERE ${gridsReadable(scope)} AND g.deleted_at IS NULL AND g.id = ${id}`,
  );
  if (!grid) return null;
  const units = await selectRows<{ id: number; name: string; shortName: string; role: string }>(
    ex,
    sql`SELECT u.id, u.name, u.short_name AS "shortName", gu.role
        FROM grid_units gu JOIN units u ON u.id = gu.unit_id AND u.city_id = gu.city_id
        WHERE gu.grid_id = ${id} ORDER BY gu.role, u.name, u.id`,
  );
  const people = await selectRows<{
    id: number;
    name: string;
    mobile: string | null;
    role: string;
  }>(
    ex,
    sql`SELECT p.id, p.name, ${mobileFor(scope, caller)} AS mobile, gp.role
        FROM grid_people gp JOIN people p ON p.id = gp.person_id AND p.city_id = gp.city_id
        WHERE gp.grid_id = ${id} ORDER BY gp.role, p.name, p.id`,
  );
  const strip = <T extends { role: string }>({ role: _, ...rest }: T) => rest;
  const lead = units.find((u) => u.role === "lead");
  const leader = people.find((p) => p.role === "leader");
  return {
    ...grid,
    leadUnit: lead ? strip(lead) : null,
    supportUnits: units.filter((u) => u.role === "support").map(strip),
    leader: leader ? strip(leader) : null,
    volunteers: people.filter((p) => p.role === "volunteer").map(strip),
  };
}
