// GET /api/search?q=: the map's search box (issue 22), over what the caller may read, and an
// address from Tianditu's geocoder when the administrator has saved a Tianditu key.
import { createRoute, z } from "@hono/zod-openapi";
import { type BasemapDefaults, readBasemap } from "../basemap/settings.ts";
import { fieldMessage } from "../errors.ts";
import { geocodeAddress } from "../search/geocode.ts";
import { numberIn, type SearchHit, search } from "../search/search.ts";
import { integerParam } from "./query.ts";
import { json, newRouter, readErrors } from "./router.ts";

const MAX_TEXT = 100;

const SearchHitSchema = z
  .object({
    kind: z.enum(["community", "grid", "unit", "point", "problem", "address"]),
    id: z.number().int().openapi({ description: "0 for an address" }),
    label: z.string(),
    detail: z.string().nullable(),
    lon: z.number(),
    lat: z.number(),
    bbox: z.array(z.number()).length(4).nullable(),
  })
  .openapi("SearchHit");

const SearchAnswer = z
  .object({
    results: z.array(SearchHitSchema),
    geocoder: z.enum(["off", "found", "none", "failed"]).openapi({
      description:
        "off: no Tianditu key (or a number was asked); failed: Tianditu could not be asked",
    }),
  })
  .openapi("SearchAnswer");

export interface SearchOptions {
  defaults: BasemapDefaults;
  /** Tianditu's geocoder endpoint (TIANDITU_GEOCODER_URL). */
  geocoderUrl: string;
}

export const searchRoutes = ({ defaults, geocoderUrl }: SearchOptions) =>
  newRouter().openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["search"],
      summary: "Search the map: communities, grids, units, points, problems by number, addresses",
      request: {
        query: z
          .object({
            q: z
              .string()
              .trim()
              .min(1, fieldMessage("field.text", { min: 1, max: MAX_TEXT }))
              .max(MAX_TEXT, fieldMessage("field.text", { min: 1, max: MAX_TEXT })),
            limit: integerParam(1, 20)
              .optional()
              .openapi({ description: "at most this many of each kind (5 when absent)" }),
          })
          .strict(),
      },
      responses: { 200: json(SearchAnswer, "Matches grouped by kind"), ...readErrors },
    }),
    async (c) => {
      const { q, limit } = c.req.valid("query");
      const db = c.var.db.orm;
      const results: SearchHit[] = await search(db, c.var.scope, q, limit ?? 5);
      const { tiandituKey } = await readBasemap(db, c.var.scope.cityId, defaults);
      let geocoder: "off" | "found" | "none" | "failed" = "off";
      if (tiandituKey && numberIn(q) === null) {
        try {
          const address = await geocodeAddress(geocoderUrl, tiandituKey, q);
          if (address) results.push(address);
          geocoder = address ? "found" : "none";
        } catch {
          // the map's own data is still worth showing when Tianditu is out of reach
          geocoder = "failed";
        }
      }
      return c.json({ results, geocoder }, 200);
    },
  );
