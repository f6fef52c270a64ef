// /api/tokens: a user's personal access tokens for GIS clients (QGIS, GDAL): create, list, revoke.
import { z } from "@hono/zod-openapi";
import {
  createAccessToken,
  listAccessTokens,
  revokeAccessToken,
} from "../accounts/access-tokens.ts";
import { AppError, invalidFields } from "../errors.ts";
import { addDays, todayInChina } from "../tasks/china-time.ts";
import { calendarDate, idPath, trimmedText } from "./query.ts";
import { errorSchema, json, jsonBody, newRouter, routesOf } from "./router.ts";

const tokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi("AccessToken");

const newToken = z
  .object({
    name: trimmedText(1, 60),
    /** The last day (China time) the token works; none: until revoked. */
    expiresOn: calendarDate.optional(),
  })
  .strict();

const route = routesOf("tokens", { 400: "A field is not valid; `fields` names each one" });

export const tokenRoutes = newRouter()
  .openapi(
    route("get", "/", {
      summary: "My personal access tokens (never the tokens themselves)",
      responses: { 200: json(z.object({ tokens: z.array(tokenSchema) }), "Tokens") },
    }),
    async (c) =>
      c.json(
        { tokens: await listAccessTokens(c.var.db.orm, c.var.user.cityId, c.var.user.id) },
        200,
      ),
  )
  .openapi(
    route("post", "/", {
      summary: "Create a token for QGIS or GDAL: `Authorization: Bearer <token>`; shown only now",
      request: jsonBody(newToken),
      responses: {
        201: json(tokenSchema.extend({ token: z.string() }), "The token, shown once"),
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const today = todayInChina();
      if (input.expiresOn && (input.expiresOn <= today || input.expiresOn > addDays(today, 366))) {
        throw invalidFields({ expiresOn: { key: "field.token_expiry" } });
      }
      return c.json(await createAccessToken(c.var.db.orm, c.var.user, input), 201);
    },
  )
  .openapi(
    route("delete", "/{id}", {
      summary: "Revoke one of my tokens: it stops working at once",
      request: { params: idPath },
      responses: {
        200: json(tokenSchema, "The revoked token"),
        404: json(errorSchema, "No such token of yours"),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const token = await revokeAccessToken(c.var.db.orm, c.var.user, id);
      if (!token) {
        throw new AppError(404, "not_found", {
          key: "error.not_found",
          params: { entity: "entity.access_token", id },
        });
      }
      return c.json(token, 200);
    },
  );
