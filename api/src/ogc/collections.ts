// The feature collections OGC API – Features serves: each reads through its feature's own list and
// single-read queries (so scopes, columns and paging stay in one place); only the extent is new SQL.
import { z } from "@hono/zod-openapi";
import { type SQL, sql } from "drizzle-orm";
import { listCommunities } from "../communities/queries.ts";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import type { Bbox } from "../db/query-helpers.ts";
import { problemSeverities, problemSources, problemStatuses } from "../db/schema/problems.ts";
import { pointKinds } from "../db/schema/standards.ts";
import { unitKinds } from "../db/schema/units.ts";
import { fieldMessage } from "../errors.ts";
import type { FeatureRow, Page } from "../geojson.ts";
import { getGrid, listGrids } from "../grids/queries.ts";
import { listPoints } from "../points/queries.ts";
import type { MobileCaller } from "../policy/mobile-scope.ts";
import type { Scope } from "../policy/scope.ts";
import { getProblem, listProblems } from "../problems/queries.ts";
import { id as idParam } from "../routes/query.ts";
import { getUnit, listUnits } from "../units/queries.ts";
import type { TimeInterval } from "./query.ts";

export const collectionIds = ["grids", "communities", "units", "points", "problems"] as const;
export type CollectionId = (typeof collectionIds)[number];

/** A property the items may be filtered by as `name=value` (Part 3 queryables). */
export interface Queryable {
  title: string;
  /** The value's JSON Schema, as /queryables announces it. */
  schema: Record<string, unknown>;
  /** Checks and converts the query parameter's text. */
  param: z.ZodType<number | string>;
}

export interface ItemFilters {
  bbox?: Bbox | undefined;
  datetime?: TimeInterval | undefined;
  /** Queryable values by name, already checked. */
  properties: Record<string, number | string>;
}

const integerQueryable = (title: string): Queryable => ({
  title,
  schema: { type: "integer", minimum: 1 },
  param: idParam,
});
const enumQueryable = (title: string, values: readonly string[]): Queryable => ({
  title,
  schema: { type: "string", enum: [...values] },
  param: z.enum(values as [string, ...string[]], {
    message: fieldMessage("field.one_of", { values: values.join(", ") }),
  }),
});

export interface Collection {
  title: string;
  /** What one feature is called in a "not found" message. */
  entity: "grid" | "community" | "unit" | "point" | "problem";
  description: string;
  /** The table and geometry column whose extent the collection announces. */
  table: SQL;
  geometry: SQL;
  /** What the items may be filtered by besides bbox (and datetime where `temporal` names a property). */
  queryables: Record<string, Queryable>;
  /** The property `datetime` filters on; collections without one ignore it (Part 1). */
  temporal?: string;
  list(
    ex: Executor,
    scope: Scope,
    filters: ItemFilters,
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
    queryables: { communityId: integerQueryable("帮包社区 Community id") },
    list: (ex, scope, { bbox, properties: p }, page) =>
      listGrids(ex, scope, { bbox, communityId: p.communityId as number | undefined }, page),
    get: (ex, scope, id, caller) => getGrid(ex, scope, caller, id),
  },
  communities: {
    entity: "community",
    title: "帮包社区 Assigned communities",
    description: "Communities assigned to the health system, with their grid counts",
    table: sql`communities`,
    geometry: sql`geom`,
    queryables: {},
    list: (ex, scope, { bbox }, page) => listCommunities(ex, scope, { bbox }, page),
    get: (ex, scope, id) => first(listCommunities(ex, scope, { id }, { limit: 1, offset: 0 })),
  },
  units: {
    entity: "unit",
    title: "责任单位 Units",
    description: "Hospitals and other units of the health system, at their location",
    table: sql`units`,
    geometry: sql`location`,
    queryables: { kind: enumQueryable("单位类型 Kind of unit", unitKinds) },
    list: (ex, scope, { bbox, properties: p }, page) =>
      listUnits(ex, scope, { bbox, kind: p.kind as (typeof unitKinds)[number] | undefined }, page),
    get: (ex, scope, id, caller) => getUnit(ex, scope, caller, id),
  },
  points: {
    entity: "point",
    title: "点位 Inspection points",
    description: "Places the assessors visit, with the grid each lies in",
    table: sql`inspection_points`,
    geometry: sql`location`,
    queryables: {
      kind: enumQueryable("点位类型 Kind of point", pointKinds),
      gridId: integerQueryable("网格 Grid id"),
    },
    list: (ex, scope, { bbox, properties: p }, page) =>
      listPoints(
        ex,
        scope,
        {
          bbox,
          kind: p.kind as (typeof pointKinds)[number] | undefined,
          gridId: p.gridId as number | undefined,
        },
        page,
      ),
    get: (ex, scope, id) => first(listPoints(ex, scope, { id }, { limit: 1, offset: 0 })),
  },
  problems: {
    entity: "problem",
    title: "问题 Problems",
    description:
      "Problems found by inspections, patrols and citizens, with their rectification status",
    table: sql`problems`,
    geometry: sql`location`,
    queryables: {
      status: enumQueryable("状态 Status", problemStatuses),
      severity: enumQueryable("严重程度 Severity", problemSeverities),
      source: enumQueryable("来源 Source", problemSources),
      unitId: integerQueryable("责任单位 Responsible unit id"),
      gridId: integerQueryable("网格 Grid id"),
      categoryId: integerQueryable("测评类别 Category of the standard"),
      reportedAt: {
        title: "上报时间 Reported (use datetime for intervals)",
        schema: { type: "string", format: "date-time" },
        param: z.string().datetime({ offset: true, message: fieldMessage("field.invalid") }),
      },
    },
    temporal: "reportedAt",
    list: (ex, scope, { bbox, datetime, properties: p }, page) => {
      const at = typeof p.reportedAt === "string" ? new Date(p.reportedAt) : undefined;
      return listProblems(
        ex,
        scope,
        {
          bbox,
          status: p.status ? [p.status as (typeof problemStatuses)[number]] : undefined,
          severity: p.severity as (typeof problemSeverities)[number] | undefined,
          source: p.source as (typeof problemSources)[number] | undefined,
          unitId: p.unitId as number | undefined,
          gridId: p.gridId as number | undefined,
          categoryId: p.categoryId as number | undefined,
          reported: at ? { start: at, end: new Date(at.getTime() + 1) } : datetime,
        },
        page,
      );
    },
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
