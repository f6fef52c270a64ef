// GET /api/my-area: a volunteer's or grid leader's patrol area, in one answer for the phone.
import { pointKinds, problemStatuses } from "@civgrid/geo";
import { createRoute, z } from "@hono/zod-openapi";
import { requirePermission } from "../middleware/session.ts";
import { myArea } from "../volunteers/my-area.ts";
import { errorSchema, featureSchema, json, newRouter } from "./router.ts";

const collectionOf = (feature: z.ZodTypeAny) =>
  z.object({ type: z.literal("FeatureCollection"), features: z.array(feature) });
const id = z.number().int();
const AreaGrid = featureSchema(
  "AreaGrid",
  z.object({
    id,
    code: z.string(),
    name: z.string(),
    communityName: z.string(),
    leadUnit: z.object({ id, name: z.string(), phone: z.string().nullable() }).nullable(),
    leader: z.object({ name: z.string(), mobile: z.string().nullable() }).nullable(),
    team: z
      .array(z.object({ personId: id, name: z.string(), role: z.enum(["leader", "volunteer"]) }))
      .nullable(),
  }),
);
const AreaPoint = featureSchema(
  "AreaPoint",
  z.object({ id, name: z.string(), kind: z.enum(pointKinds), gridId: id }),
);
const AreaProblem = featureSchema(
  "AreaProblem",
  z.object({
    id,
    description: z.string(),
    status: z.enum(problemStatuses),
    gridId: id,
    itemTitle: z.string().nullable(),
    overdue: z.boolean(),
  }),
);

export const myAreaRoutes = newRouter().openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["volunteers"],
    summary:
      "My patrol area: my grids with boundary, lead hospital and grid leader (with phones), points and open problems inside",
    middleware: [requirePermission("patrols.write")] as const,
    responses: {
      200: json(
        z.object({
          grids: collectionOf(AreaGrid),
          points: collectionOf(AreaPoint),
          problems: collectionOf(AreaProblem),
        }),
        "Three FeatureCollections: my grids, the inspection points and the open problems in them",
      ),
      401: json(errorSchema, "Not signed in"),
      403: json(errorSchema, "Not a volunteer or grid leader"),
    },
  }),
  async (c) => c.json(await myArea(c.var.db.orm, c.var.scope, c.var.user), 200),
);
