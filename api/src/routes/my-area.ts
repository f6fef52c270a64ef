// GET /api/my-area: a volunteer's or grid leader's patrol area, in one answer for the phone.
import { createRoute, z } from "@hono/zod-openapi";
import { myArea } from "../volunteers/my-area.ts";
import { errorSchema, json, newRouter } from "./router.ts";
import { requirePermission } from "./session.ts";

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
        z.object({ grids: z.any(), points: z.any(), problems: z.any() }),
        "Three FeatureCollections: my grids, the inspection points and the open problems in them",
      ),
      401: json(errorSchema, "Not signed in"),
      403: json(errorSchema, "Not a volunteer or grid leader"),
    },
  }),
  async (c) => c.json(await myArea(c.var.db.orm, c.var.scope, c.var.user), 200),
);
