// Reading the administrative regions (city, districts, streets); a street may have no outline yet.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { type Bbox, intersectsBbox, type Page, queryPage, whereAll } from "../db/query-helpers.ts";

export interface RegionFilters {
  level?: "city" | "district" | "street" | undefined;
  bbox?: Bbox | undefined;
}

export interface RegionRow {
  id: number;
  code: string;
  name: string;
  level: string;
  /** ST_AsGeoJSON text, or null for a region without an outline. */
  geometry: string | null;
}

export function listRegions(ex: Executor, cityId: number, filters: RegionFilters, page: Page) {
  const where = whereAll([
    sql`r.city_id = ${cityId}`,
    filters.level !== undefined && sql`r.level = ${filters.level}`,
    intersectsBbox(sql`r.geom`, filters.bbox),
  ]);
  return queryPage<RegionRow>(ex, {
    columns: sql`r.id, r.code, r.name, r.level, ST_AsGeoJSON(r.geom, 6) AS geometry`,
    from: sql`regions r`,
    where,
    orderBy: sql`r.code, r.id`,
    ...page,
  });
}
