// GET /api/grids and /api/grids/{id}: responsibility grids as GeoJSON.
import { createRoute, z } from "@hono/zod-openapi";
import { notFound } from "../errors.ts";
import { asFeature, type Page } from "../geojson.ts";
import { type GridRow, getGrid, listGrids } from "../grids/queries.ts";
import { id, idPath, page } from "./query.ts";
import {
  collectionSchema,
  featureSchema,
  geojson,
  newRouter,
  pagedCollection,
  readErrors,
} from "./router.ts";

const unitRef = z.object({ id: z.number().int(), name: z.string(), shortName: z.string() });
const personRef = z.object({
  id: z.number().int(),
  name: z.string(),
  mobile: z.string().nullable(),
});

const gridProperties = z.object({
  id: z.number().int(),
  code: z.string().openapi({ example: "370481001001001", description: "15-digit grid code" }),
  name: z.string(),
  communityId: z.number().int(),
  communityName: z.string(),
  areaM2: z.number(),
  version: z.number().int(),
  leadUnitId: z.number().int().nullable(),
  leadUnitName: z.string().nullable(),
  leadUnitShortName: z.string().nullable(),
  supportUnitCount: z.number().int(),
  leaderName: z.string().nullable(),
  volunteerCount: z.number().int(),
});

const gridDetailProperties = gridProperties.extend({
  leadUnit: unitRef.nullable(),
  supportUnits: z.array(unitRef),
  leader: personRef.nullable(),
  volunteers: z.array(personRef),
});

const GridCollection = collectionSchema("GridCollection", featureSchema("Grid", gridProperties));
export const GridFeature = featureSchema("GridDetail", gridDetailProperties);

const properties = ({ geometry: _, ...rest }: GridRow) => rest;

export const gridRoutes = newRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["grids"],
      summary: "List grids (网格)",
      request: {
        query: z.object({ ...page, communityId: id.optional(), unitId: id.optional() }).strict(),
      },
      responses: { 200: geojson(GridCollection, "Grids as a FeatureCollection"), ...readErrors },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const list = (page: Page) => listGrids(c.var.db.orm, c.var.scope, q, page);
      return c.json(await pagedCollection(c.req.url, q, list, properties), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      tags: ["grids"],
      summary: "One grid with its units, leader and volunteers",
      request: { params: idPath },
      responses: { 200: geojson(GridFeature, "The grid"), ...readErrors },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const grid = await getGrid(c.var.db.orm, c.var.scope, c.var.user, id);
      if (!grid) throw notFound("grid", id);
      return c.json(asFeature(grid), 200);
    },
  );
