// Reading units (hospitals, CDC, …) with their four responsible persons and grids.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectOne, selectRows } from "../db/client.ts";
import { type Bbox, intersectsBbox, type Page, queryPage, whereAll } from "../db/query-helpers.ts";
import type { UnitKind } from "../db/schema/index.ts";
import { type MobileCaller, mobileFor } from "../policy/mobile-scope.ts";
import { gridsReadable, responsiblePersonsReadable, unitsReadable } from "../policy/read-scope.ts";
import type { Scope } from "../policy/scope.ts";

export interface UnitFilters {
  kind?: UnitKind | undefined;
  bbox?: Bbox | undefined;
}

export interface UnitRow {
  id: number;
  name: string;
  shortName: string;
  kind: UnitKind;
  address: string | null;
  phone: string | null;
  /** Leads a grid the caller may read: the map colours these hospitals' grids and lists them in its legend. */
  leadsGrids: boolean;
  geometry: string;
}

/**
 * `leadsGrids` spares the map from downloading every grid to learn which hospitals lead one
 * (a city of 5,000 grids draws them from vector tiles).
 */
const columns = (
  scope: Scope,
) => sql`u.id, u.name, u.short_name AS "shortName", u.kind, u.address, u.phone,
  EXISTS (SELECT 1 FROM grid_units lg JOIN grids g ON g.id = lg.grid_id AND g.city_id = lg.city_id
    WHERE lg.unit_id = u.id AND lg.city_id = u.city_id AND lg.role = 'lead' AND g.deleted_at IS NULL AND ${gridsReadable(scope)}) AS "leadsGrids",
  ST_AsGeoJSON(u.location, 7) AS geometry`;

function where(scope: Scope, filters: UnitFilters & { id?: number }) {
  return whereAll([
    unitsReadable(scope),
    sql`u.location IS NOT NULL`,
    filters.id !== undefined && sql`u.id = ${filters.id}`,
    filters.kind !== undefined && sql`u.kind = ${filters.kind}`,
    intersectsBbox(sql`u.location`, filters.bbox),
  ]);
}

export function listUnits(ex: Executor, scope: Scope, filters: UnitFilters, page: Page) {
  return queryPage<UnitRow>(ex, {
    columns: columns(scope),
    from: sql`units u`,
    where: where(scope, filters),
    orderBy: sql`u.kind, u.name, u.id`,
    ...page,
  });
}

export interface UnitDetail extends UnitRow {
  responsible: { duty: string; name: string; mobile: string | null; title: string | null }[];
  grids: { id: number; code: string; role: "lead" | "support" }[];
}

export async function getUnit(
  ex: Executor,
  scope: Scope,
  caller: MobileCaller,
  id: number,
): Promise<UnitDetail | null> {
  const unit = await selectOne<UnitRow>(
    ex,
    sql`SELECT ${columns(scope)} FROM units u WHERE ${where(scope, { id })}`,
  );
  if (!unit) return null;
  // Responsible persons are for the city's staff and the unit itself; their mobiles whole only
  // for the campaign office and the unit (policy/mobile-scope.ts).
  const responsible = !responsiblePersonsReadable(scope, id)
    ? []
    : await selectRows<UnitDetail["responsible"][number]>(
        ex,
        sql`SELECT r.duty, p.name, ${mobileFor(scope, caller)} AS mobile, p.title
        FROM unit_responsible_persons r JOIN people p ON p.id = r.person_id AND p.city_id = r.city_id
        WHERE r.unit_id = ${id}
        ORDER BY array_position(ARRAY['head','deputy','department_head','platform_admin'], r.duty)`,
      );
  const grids = await selectRows<UnitDetail["grids"][number]>(
    ex,
    sql`SELECT g.id, g.code, gu.role
        FROM grid_units gu JOIN grids g ON g.id = gu.grid_id AND g.city_id = gu.city_id
        WHERE gu.unit_id = ${id} AND g.deleted_at IS NULL AND ${gridsReadable(scope)} ORDER BY gu.role, g.code`,
  );
  return { ...unit, responsible, grids };
}
