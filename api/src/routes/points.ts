// GET /api/points and /api/points/{id}: inspection points (点位).
import { z } from "@hono/zod-openapi";
import { pointKinds } from "../db/schema/index.ts";
import { listPoints } from "../points/queries.ts";
import { id, oneOf, page } from "./query.ts";
import { collectionSchema, featureLayer, featureSchema, geojson } from "./router.ts";

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

export const pointRoutes = featureLayer(
  "points",
  {
    summary: "List inspection points (点位)",
    query: z
      .object({ ...page, kind: oneOf(pointKinds).optional(), gridId: id.optional() })
      .strict(),
    ok: geojson(PointCollection, "Inspection points"),
    rows: listPoints,
  },
  {
    summary: "One inspection point",
    ok: geojson(InspectionPoint, "The point"),
    entity: "point",
    one: async (c, id) => {
      const page = { limit: 1, offset: 0 };
      return (await listPoints(c.var.db.orm, c.var.scope, { id }, page)).rows[0];
    },
  },
);
