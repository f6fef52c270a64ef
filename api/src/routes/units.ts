// GET /api/units and /api/units/{id}: hospitals and other units with their responsible persons.
import { z } from "@hono/zod-openapi";
import { unitKinds } from "../db/schema/index.ts";
import { getUnit, listUnits } from "../units/queries.ts";
import { oneOf, page } from "./query.ts";
import { collectionSchema, featureLayer, featureSchema, geojson } from "./router.ts";

const unitProperties = z.object({
  id: z.number().int(),
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(unitKinds),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  leadsGrids: z.boolean().openapi({ description: "leads (牵头) a grid the caller may read" }),
});
const unitDetailProperties = unitProperties.extend({
  responsible: z.array(
    z.object({
      duty: z.enum(["head", "deputy", "department_head", "platform_admin"]),
      name: z.string(),
      mobile: z.string().nullable(),
      title: z.string().nullable(),
    }),
  ),
  grids: z.array(
    z.object({ id: z.number().int(), code: z.string(), role: z.enum(["lead", "support"]) }),
  ),
});
const UnitCollection = collectionSchema("UnitCollection", featureSchema("Unit", unitProperties));
const UnitFeature = featureSchema("UnitDetail", unitDetailProperties);

export const unitRoutes = featureLayer(
  "units",
  {
    summary: "List units (责任单位): hospitals, CDC, …",
    query: z.object({ ...page, kind: oneOf(unitKinds).optional() }).strict(),
    ok: geojson(UnitCollection, "Units as points"),
    rows: listUnits,
  },
  {
    summary: "One unit with its four responsible persons (四职责任人) and grids",
    ok: geojson(UnitFeature, "The unit"),
    entity: "unit",
    one: (c, id) => getUnit(c.var.db.orm, c.var.scope, c.var.user, id),
  },
);
