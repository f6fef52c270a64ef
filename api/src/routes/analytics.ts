// /api/analytics: the leaders' view. Hexagons and clusters of problems in a viewport, the problems
// of chosen cells, and weekly trends; the rankings and notice live in rankings.ts on the same path.
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  bandForZoom,
  bandOfSize,
  cellsInBbox,
  clusterBandFor,
  type HexBand,
  hexBands,
  MAX_VIEWPORT_CELLS,
  MAX_ZOOM,
  MIN_ZOOM,
} from "../analytics/bands.ts";
import { DEFAULT_MIN_POINTS, problemClusters } from "../analytics/clusters.ts";
import { type AnalyticsFilters, asProblemFilters, checkFilterIds } from "../analytics/filters.ts";
import { hexagonCounts } from "../analytics/hexagons.ts";
import { trends } from "../analytics/trends.ts";
import type { Bbox } from "../db/query-helpers.ts";
import { problemStatuses } from "../db/schema/index.ts";
import { fieldMessage, invalidFields } from "../errors.ts";
import type { Page } from "../geojson.ts";
import { propertiesOf } from "../geojson.ts";
import { listProblems } from "../problems/queries.ts";
import { requirePeriod } from "../rankings/period.ts";
import { ProblemCollection } from "./problems.ts";
import { bbox, id, integerParam, listOf, oneOf, page } from "./query.ts";
import { periodFields } from "./rankings.ts";
import {
  type AppEnv,
  geojson,
  json,
  newRouter,
  pagedCollection,
  readErrors,
  routesOf,
} from "./router.ts";

const route = routesOf("analytics", readErrors);

const MAX_CELLS_PER_REQUEST = 500;

const filterFields = {
  ...periodFields,
  categoryId: id.optional().openapi({ description: "a category of the evaluation standard" }),
  status: listOf(problemStatuses),
  unitId: id.optional().openapi({ description: "responsible unit" }),
  gridId: id.optional(),
};

const zoom = z
  .string()
  .regex(/^\d+(\.\d+)?$/, fieldMessage("field.zoom", { min: MIN_ZOOM, max: MAX_ZOOM }))
  .transform(Number)
  .refine(
    (z) => z >= MIN_ZOOM && z <= MAX_ZOOM,
    fieldMessage("field.zoom", { min: MIN_ZOOM, max: MAX_ZOOM }),
  )
  .openapi({ type: "number", minimum: MIN_ZOOM, maximum: MAX_ZOOM, example: 12 });

const viewport = {
  bbox: bbox.unwrap().openapi({
    type: "string",
    description: "the viewport: minLon,minLat,maxLon,maxLat (WGS84)",
    example: "117.10,35.04,117.22,35.12",
  }),
  zoom: zoom.openapi({
    description: `map zoom; chooses the hexagon size: ${hexBands
      .map((b) => `${b.size} m from zoom ${b.fromZoom}`)
      .join(", ")}`,
  }),
  ...filterFields,
};

type FilterQuery = {
  from?: string | undefined;
  to?: string | undefined;
  categoryId?: number | undefined;
  status?: AnalyticsFilters["status"];
  unitId?: number | undefined;
  gridId?: number | undefined;
};

/** The period resolved and the named unit, grid and category checked: 400 otherwise. */
async function filtersOf(c: Context<AppEnv>, q: FilterQuery): Promise<AnalyticsFilters> {
  const filters = { ...q, period: requirePeriod(q, new Date()) };
  await checkFilterIds(c.var.db.orm, c.var.scope.cityId, filters);
  return filters;
}

/** A viewport holding too many cells at its zoom is refused before any query runs. */
function checkViewport(box: Bbox, band: HexBand) {
  const cells = cellsInBbox(box, band);
  if (cells > MAX_VIEWPORT_CELLS) {
    throw invalidFields({
      bbox: { key: "field.bbox_too_large", params: { cells, max: MAX_VIEWPORT_CELLS } },
    });
  }
}

const hexagonCollection = z
  .object({
    type: z.literal("FeatureCollection"),
    cellSize: z.number().openapi({ description: "metres from a hexagon's centre to a corner" }),
    count: z.number().int().openapi({ description: "all problems in the viewport" }),
    features: z.array(
      z.object({
        type: z.literal("Feature"),
        id: z.number().int(),
        geometry: z.object({ type: z.literal("Polygon"), coordinates: z.array(z.any()) }),
        properties: z.object({
          cell: z.number().int(),
          count: z.number().int(),
          pointsLost: z.number().openapi({ description: "sum of deductions (失分)" }),
        }),
      }),
    ),
  })
  .openapi("HexagonCollection");

const clusterCollection = z
  .object({
    type: z.literal("FeatureCollection"),
    cellSize: z.number().openapi({ description: "the cells the clusters are made of" }),
    minPoints: z.number().int(),
    features: z.array(
      z.object({
        type: z.literal("Feature"),
        id: z.number().int().openapi({ description: "1 = the largest cluster" }),
        geometry: z.object({ type: z.string(), coordinates: z.array(z.any()) }).openapi({
          description: "the convex hull of the cluster's hexagons",
        }),
        properties: z.object({
          count: z.number().int(),
          pointsLost: z.number(),
          cells: z.array(z.number().int()),
          centroid: z.object({ type: z.literal("Point"), coordinates: z.array(z.number()) }),
          category: z
            .object({ id: z.number().int(), name: z.string(), count: z.number().int() })
            .nullable()
            .openapi({ description: "the dominant category" }),
          units: z.array(
            z.object({ id: z.number().int(), name: z.string(), count: z.number().int() }),
          ),
        }),
      }),
    ),
  })
  .openapi("ClusterCollection");

const trendWeek = z.object({
  week: z.string().openapi({ format: "date", description: "the week's Monday" }),
  found: z.number().int(),
  closed: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  pointsLost: z.number(),
});
const trendSchema = z
  .object({
    by: z.enum(["city", "unit", "grid"]),
    period: z.object({ from: z.string(), to: z.string() }),
    weeks: z.array(z.string()),
    series: z.array(
      z.object({ id: z.number().int(), name: z.string(), weeks: z.array(trendWeek) }),
    ),
  })
  .openapi("Trends");

const cells = z
  .string()
  .transform((value, ctx) => {
    const list = value.split(",").map((s) => s.trim());
    const ok =
      list.length >= 1 &&
      list.length <= MAX_CELLS_PER_REQUEST &&
      list.every((s) => /^\d{1,15}$/.test(s));
    if (!ok) {
      ctx.addIssue({
        code: "custom",
        message: fieldMessage("field.cells", { max: MAX_CELLS_PER_REQUEST }),
      });
      return z.NEVER;
    }
    return list.map(Number);
  })
  .openapi({
    type: "string",
    description: "comma-separated cell numbers",
    example: "2271961145788",
  });

export const analyticsRoutes = newRouter()
  .openapi(
    route("get", "/hexagons", {
      summary: "Problems counted per hexagon in a viewport; the hexagons' size follows the zoom",
      description: `Each feature is a hexagon the viewport touches, with all the problems it holds (count), also those just outside the viewport, and their points lost. City-wide zooms (4 km and 16 km hexagons) read counts kept on write per hexagon, day and status. A viewport of more than ${MAX_VIEWPORT_CELLS} hexagons at its zoom is a 400.`,
      request: { query: z.object(viewport).strict() },
      responses: { 200: geojson(hexagonCollection, "Hexagons") },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const band = bandForZoom(q.zoom);
      checkViewport(q.bbox, band);
      const filters = await filtersOf(c, q);
      const rows = await hexagonCounts(c.var.db.orm, c.var.scope, q.bbox, band, filters);
      return c.json(
        {
          type: "FeatureCollection" as const,
          cellSize: band.size,
          count: rows.reduce((sum, r) => sum + r.count, 0),
          features: rows.map(({ cell, count, pointsLost, geometry }) => ({
            type: "Feature" as const,
            id: cell,
            geometry,
            properties: { cell, count, pointsLost },
          })),
        },
        200,
      );
    },
  )
  .openapi(
    route("get", "/clusters", {
      summary: "Problem hotspots (聚集区) in a viewport, found by density clustering in PostGIS",
      description:
        "Problems are counted per hexagon a quarter the size of the zoom's map hexagons (the map's own size when the viewport would hold more than 5,000 of them; cellSize says which); a hexagon is dense when it and its six neighbours hold at least minPoints problems and twice the viewport's average; ST_ClusterDBSCAN joins neighbouring dense hexagons. The same data always gives the same clusters, numbered by size.",
      request: {
        query: z
          .object({
            ...viewport,
            minPoints: integerParam(1, 10_000)
              .optional()
              .openapi({ description: `default ${DEFAULT_MIN_POINTS}` }),
          })
          .strict(),
      },
      responses: { 200: geojson(clusterCollection, "Clusters") },
    }),
    async (c) => {
      const q = c.req.valid("query");
      checkViewport(q.bbox, bandForZoom(q.zoom));
      const band = clusterBandFor(q.bbox, bandForZoom(q.zoom));
      const filters = await filtersOf(c, q);
      const minPoints = q.minPoints ?? DEFAULT_MIN_POINTS;
      const rows = await problemClusters(
        c.var.db.orm,
        c.var.scope,
        q.bbox,
        band,
        filters,
        minPoints,
      );
      return c.json(
        {
          type: "FeatureCollection" as const,
          cellSize: band.size,
          minPoints,
          features: rows.map((r) => ({
            type: "Feature" as const,
            id: r.rank,
            geometry: JSON.parse(r.hull),
            properties: {
              count: r.count,
              pointsLost: r.pointsLost,
              cells: r.cells,
              centroid: JSON.parse(r.centroid),
              category: r.category,
              units: r.units,
            },
          })),
        },
        200,
      );
    },
  )
  .openapi(
    route("get", "/problems", {
      summary: "The problems of hexagons or a cluster (what a click on the map lists)",
      request: {
        query: z
          .object({
            cellSize: oneOf(hexBands.map((b) => String(b.size)) as [string, ...string[]]),
            cells,
            ...filterFields,
            limit: page.limit,
            offset: page.offset,
          })
          .strict(),
      },
      responses: { 200: geojson(ProblemCollection, "Problems as points") },
    }),
    async (c) => {
      const { cellSize, cells: ids, limit, offset, ...q } = c.req.valid("query");
      const band = bandOfSize(Number(cellSize)) ?? bandForZoom(MAX_ZOOM);
      const f = await filtersOf(c, q);
      const filters = { ...asProblemFilters(f), cells: { column: band.column, ids } };
      const list = (page: Page) => listProblems(c.var.db.orm, c.var.scope, filters, page);
      return c.json(await pagedCollection(c.req.url, { limit, offset }, list, propertiesOf), 200);
    },
  )
  .openapi(
    route("get", "/trends", {
      summary:
        "Weekly found, closed, open, overdue and points lost, for the city or per unit or grid",
      request: {
        query: z
          .object({ by: oneOf(["city", "unit", "grid"]).default("city"), ...filterFields })
          .strict(),
      },
      responses: { 200: json(trendSchema, "Weekly series") },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const filters = await filtersOf(c, q);
      const result = await trends(c.var.db.orm, c.var.scope, q.by, filters);
      return c.json(
        { by: q.by, period: { from: filters.period.from, to: filters.period.to }, ...result },
        200,
      );
    },
  );
