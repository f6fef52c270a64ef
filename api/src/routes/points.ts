// GET /api/points and /api/points/{id}: inspection points (点位).
import { createRoute, z } from "@hono/zod-openapi";
import { pointKinds } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";
import { feature, type Page } from "../geojson.ts";
import { listPoints, type PointRow } from "../points/queries.ts";
import { id, idPath, oneOf, page } from "./query.ts";
import {
  collectionSchema,
  featureSchema,
  geojson,
  newRouter,
  pagedCollection,
  readErrors,
} from "./router.ts";

const pointProperties = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(pointKinds),
  gridId: z.number().int().nullable(),
  gridCode: z.string().nullable(),
  unitId: z.number().int().nullable(),
  address: z.string().nullable(),
});
const InspectionPoint = featureSchema("InspectionPoint", pointProperties);
const PointCollection = collectionSchema("InspectionPointCollection", InspectionPoint);

const properties = ({ geometry: _, ...rest }: PointRow) => rest;

export const pointRoutes = newRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["points"],
      summary: "List inspection points (点位)",
      request: {
        query: z
          .object({ ...page, kind: oneOf(pointKinds).optional(), gridId: id.optional() })
          .strict(),
      },
      responses: { 200: geojson(PointCollection, "Inspection points"), ...readErrors },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const list = (page: Page) => listPoints(c.var.db.orm, c.var.scope, q, page);
      return c.json(await pagedCollection(c.req.url, q, list, properties), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      tags: ["points"],
      summary: "One inspection point",
      request: { params: idPath },
      responses: { 200: geojson(InspectionPoint, "The point"), ...readErrors },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { rows } = await listPoints(c.var.db.orm, c.var.scope, { id }, { limit: 1, offset: 0 });
      const [row] = rows;
      if (!row) throw notFound("point", id);
      return c.json(feature(row, properties(row)), 200);
    },
  );
