// GET /api/communities and /api/communities/{id}: the assigned communities (帮包社区).
import { createRoute, z } from "@hono/zod-openapi";
import { type CommunityRow, listCommunities } from "../communities/queries.ts";
import { notFound } from "../errors.ts";
import { feature, featureCollection } from "../geojson.ts";
import { idPath, page } from "./query.ts";
import {
  collectionSchema,
  featureSchema,
  geojson,
  newRouter,
  pageOf,
  readErrors,
} from "./router.ts";

const communityProperties = z.object({
  id: z.number().int(),
  code: z.string().openapi({ example: "370481001001", description: "12-digit community code" }),
  name: z.string(),
  streetName: z.string(),
  areaM2: z.number(),
  gridCount: z.number().int(),
});
const Community = featureSchema("Community", communityProperties);
const CommunityCollection = collectionSchema("CommunityCollection", Community);

const properties = ({ geometry: _, ...rest }: CommunityRow) => rest;

export const communityRoutes = newRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["communities"],
      summary: "List assigned communities (帮包社区)",
      request: {
        query: z
          .object({
            ...page,
            code: z
              .string()
              .regex(/^\d{12}$/, "field.invalid")
              .optional()
              .openapi({ description: "12-digit community code" }),
          })
          .strict(),
      },
      responses: { 200: geojson(CommunityCollection, "Communities"), ...readErrors },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const pageInfo = pageOf(q);
      const { rows, total } = await listCommunities(c.var.db.orm, c.var.scope, q, pageInfo);
      return c.json(featureCollection(rows, total, pageInfo, new URL(c.req.url), properties), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      tags: ["communities"],
      summary: "One community",
      request: { params: idPath },
      responses: { 200: geojson(Community, "The community"), ...readErrors },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { rows } = await listCommunities(
        c.var.db.orm,
        c.var.scope,
        { id },
        { limit: 1, offset: 0 },
      );
      const [row] = rows;
      if (!row) throw notFound("community", id);
      return c.json(feature(row, properties(row)), 200);
    },
  );
