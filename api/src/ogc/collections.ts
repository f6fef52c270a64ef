// The feature collections OGC API – Features serves: each reads through its feature's own list and
// single-read queries (so scopes, columns and paging stay in one place); only the extent is new SQL.
import { type SQL, sql } from "drizzle-orm";
import { listCommunities } from "../communities/queries.ts";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import type { Bbox } from "../db/query-helpers.ts";
import type { FeatureRow, Page } from "../geojson.ts";
import { getGrid, listGrids } from "../grids/queries.ts";
import { listPoints } from "../points/queries.ts";
import type { MobileCaller } from "../policy/mobile-scope.ts";
import type { Scope } from "../policy/scope.ts";
import { getProblem, listProblems } from "../problems/queries.ts";
import { getUnit, listUnits } from "../units/queries.ts";

export const collectionIds = ["grids", "communities", "units", "points", "problems"] as const;
export type CollectionId = (typeof collectionIds)[number];

export interface Collection {
  title: string;
  /** What one feature is called in a "not found" message. */
  entity: "grid" | "community" | "unit" | "point" | "problem";
  description: string;
  /** The table and geometry column whose extent the collection announces. */
  table: SQL;
  geometry: SQL;
  list(
    ex: Executor,
    scope: Scope,
    bbox: Bbox | undefined,
    page: Page,
  ): Promise<{ rows: FeatureRow[]; total: number }>;
  /** `caller` decides which mobile numbers show whole (policy/mobile-scope.ts). */
  get(ex: Executor, scope: Scope, id: number, caller: MobileCaller): Promise<FeatureRow | null>;
}

const first = async <R>(list: Promise<{ rows: R[] }>) => (await list).rows[0] ?? null;

export const collections: Record<CollectionId, Collection> = {
  grids: {
    entity: "grid",
    title: "网格 Grids",
    description: "Responsibility grids with their community and lead unit",
    table: sql`grids`,
    geometry: sql`geom`,
    list: (ex, scope, bbox, page) => listGrids(ex, scope, { bbox }, page),
    get: (ex, scope, id, caller) => getGrid(ex, scope, caller, id),
  },
  communities: {
    entity: "community",
    title: "帮包社区 Assigned communities",
    description: "Communities assigned to the health system, with their grid counts",
    table: sql`communities`,
    geometry: sql`geom`,
    list: (ex, scope, bbox, page) => listCommunities(ex, scope, { bbox }, page),
    get: (ex, scope, id) => first(listCommunities(ex, scope, { id }, { limit: 1, offset: 0 })),
  },
  units: {
    entity: "unit",
    title: "责任单位 Units",
    description: "Hospitals and other units of the health system, at their location",
    table: sql`units`,
    geometry: sql`location`,
    list: (ex, scope, bbox, page) => listUnits(ex, scope, { bbox }, page),
    get: (ex, scope, id, caller) => getUnit(ex, scope, caller, id),
  },
  points: {
    entity: "point",
    title: "点位 Inspection points",
    description: "Places the assessors visit, with the grid each lies in",
    table: sql`inspection_points`,
    geometry: sql`location`,
    list: (ex, scope, bbox, page) => listPoints(ex, scope, { bbox }, page),
    get: (ex, scope, id) => first(listPoints(ex, scope, { id }, { limit: 1, offset: 0 })),
  },
  problems: {
    entity: "problem",
    title: "问题 Problems",
    description:
      "Problems found by inspections, patrols and citizens, with their rectification status",
    table: sql`problems`,
    geometry: sql`location`,
    list: (ex, scope, bbox, page) => listProblems(ex, scope, { bbox }, page),
    get: getProblem,
  },
};

/** The collection's bounding box in WGS84 over the whole city; null while it is empty. */
export async function extentOf(
  ex: Executor,
  collection: Collection,
  cityId: number,
): Promise<Bbox | null> {
  const [row] = await selectRows<{ box: Bbox | null }>(
    ex,
    sql`SELECT CASE WHEN e IS NULL THEN NULL
          ELSE json_build_array(ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)) END AS box
        FROM (SELECT ST_Extent(${collection.geometry}) AS e FROM ${collection.table}
          WHERE city_id = ${cityId}) extent`,
  );
  return row?.box ?? null;
}
