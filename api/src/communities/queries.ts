// Reading the assigned communities (帮包社区).
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { type Bbox, intersectsBbox, type Page, queryPage, whereAll } from "../db/query-helpers.ts";
import { communitiesReadable } from "../policy/read-scope.ts";
import type { Scope } from "../policy/scope.ts";

export interface CommunityFilters {
  code?: string | undefined;
  bbox?: Bbox | undefined;
}

export interface CommunityRow {
  id: number;
  code: string;
  name: string;
  streetName: string;
  areaM2: number;
  gridCount: number;
  geometry: string;
}

const columns = sql`
  c.id, c.code, c.name, s.name AS "streetName",
  round(ST_Area(c.geom::geography))::float8 AS "areaM2",
  (SELECT count(*) FROM grids g WHERE g.community_id = c.id AND g.city_id = c.city_id
    AND g.deleted_at IS NULL)::int AS "gridCount",
  ST_AsGeoJSON(c.geom, 7) AS geometry`;

const from = sql`communities c JOIN regions s ON s.id = c.street_id AND s.city_id = c.city_id`;

export function listCommunities(
  ex: Executor,
  scope: Scope,
  filters: CommunityFilters & { id?: number },
  page: Page,
) {
  const where = whereAll([
    communitiesReadable(scope),
    filters.id !== undefined && sql`c.id = ${filters.id}`,
    filters.code !== undefined && sql`c.code = ${filters.code}`,
    intersectsBbox(sql`c.geom`, filters.bbox),
  ]);
  return queryPage<CommunityRow>(ex, { columns, from, where, orderBy: sql`c.code, c.id`, ...page });
}
