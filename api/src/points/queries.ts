// Reading inspection points (点位), with the grid each lies in.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { type Bbox, intersectsBbox, type Page, queryPage, whereAll } from "../db/query-helpers.ts";
import type { PointKind } from "../db/schema/index.ts";
import { pointsReadable } from "../policy/read-scope.ts";
import type { Scope } from "../policy/scope.ts";

export interface PointFilters {
  kind?: PointKind | undefined;
  gridId?: number | undefined;
  bbox?: Bbox | undefined;
}

export interface PointRow {
  id: number;
  name: string;
  kind: PointKind;
  gridId: number | null;
  gridCode: string | null;
  unitId: number | null;
  address: string | null;
  geometry: string;
}

export function listPoints(
  ex: Executor,
  scope: Scope,
  filters: PointFilters & { id?: number },
  page: Page,
) {
  const where = whereAll([
    pointsReadable(scope),
    filters.id !== undefined && sql`p.id = ${filters.id}`,
    filters.kind !== undefined && sql`p.kind = ${filters.kind}`,
    filters.gridId !== undefined && sql`p.grid_id = ${filters.gridId}`,
    intersectsBbox(sql`p.location`, filters.bbox),
  ]);
  return queryPage<PointRow>(ex, {
    columns: sql`p.id, p.name, p.kind, p.grid_id AS "gridId", g.code AS "gridCode",
      p.unit_id AS "unitId", p.address, ST_AsGeoJSON(p.location, 7) AS geometry`,
    from: sql`inspection_points p LEFT JOIN grids g ON g.id = p.grid_id AND g.city_id = p.city_id`,
    where,
    orderBy: sql`p.id`,
    ...page,
  });
}
