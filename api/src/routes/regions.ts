// GET /api/regions: the city, district and street outlines (GB/T 2260 codes).
import { z } from "@hono/zod-openapi";
import type { Page } from "../geojson.ts";
import { propertiesOf } from "../geojson.ts";
import { listRegions } from "../regions/queries.ts";
import { oneOf, page } from "./query.ts";
import {
  collectionSchema,
  featureSchema,
  geojson,
  listRoute,
  newRouter,
  pagedCollection,
} from "./router.ts";

const regionProperties = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  level: z.enum(["city", "district", "street"]),
});
const RegionCollection = collectionSchema(
  "RegionCollection",
  featureSchema("Region", regionProperties),
);

export const regionRoutes = newRouter().openapi(
  listRoute(
    "regions",
    "List administrative regions (city, districts, streets); geometry is null where no outline is known",
    z.object({ ...page, level: oneOf(["city", "district", "street"]).optional() }).strict(),
    geojson(RegionCollection, "Regions"),
  ),
  async (c) => {
    const q = c.req.valid("query");
    const list = (page: Page) => listRegions(c.var.db.orm, c.var.scope.cityId, q, page);
    return c.json(await pagedCollection(c.req.url, q, list, propertiesOf), 200);
  },
);
