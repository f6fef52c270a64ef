// GET /api/points and /api/points/{id}: inspection points (点位).
import { z } from "@hono/zod-openapi";
import { pointKinds } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";
import { asFeature, propertiesOf } from "../geojson.ts";
import { listPoints } from "../points/queries.ts";
import { id, oneOf, page } from "./query.ts";
import {
  collectionSchema,
  featureSchema,
  geojson,
  listRoute,
  newRouter,
  pagedHandler,
  readRoute,
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

export const pointRoutes = newRouter()
  .openapi(
    listRoute(
      "points",
      "List inspection points (点位)",
      z.object({ ...page, kind: oneOf(pointKinds).optional(), gridId: id.optional() }).strict(),
      geojson(PointCollection, "Inspection points"),
    ),
    pagedHandler(listPoints, propertiesOf),
  )
  .openapi(
    readRoute("points", "One inspection point", geojson(InspectionPoint, "The point")),
    async (c) => {
      const { id } = c.req.valid("param");
      const { rows } = await listPoints(c.var.db.orm, c.var.scope, { id }, { limit: 1, offset: 0 });
      const [row] = rows;
      if (!row) throw notFound("point", id);
      return c.json(asFeature(row), 200);
    },
  );
