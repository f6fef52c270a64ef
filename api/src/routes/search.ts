// GET /api/search?q=: the map's search box (issue 22), over what the caller may read, and an
// address from Tianditu's geocoder when the administrator has saved a Tianditu key.
import {
  type GeocoderOutcome,
  numberIn,
  SEARCH_PER_KIND,
  SEARCH_PER_KIND_MAX,
  SEARCH_TEXT_MAX,
  type SearchHit,
  searchKinds,
} from "@civgrid/geo";
import { createRoute, z } from "@hono/zod-openapi";
import { type BasemapDefaults, readBasemap } from "../basemap/settings.ts";
import { geocodeAddress } from "../search/geocode.ts";
import { search } from "../search/search.ts";
import { integerParam, trimmedText } from "./query.ts";
import { json, newRouter, readErrors } from "./router.ts";

const SearchHitSchema = z
  .object({
    kind: z.enum([...searchKinds, "address"]),
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
            q: trimmedText(1, SEARCH_TEXT_MAX),
            limit: integerParam(1, SEARCH_PER_KIND_MAX)
              .optional()
              .openapi({
                description: `at most this many of each kind (${SEARCH_PER_KIND} when absent)`,
              }),
          })
          .strict(),
      },
      responses: { 200: json(SearchAnswer, "Matches grouped by kind"), ...readErrors },
    }),
    async (c) => {
      const { q, limit } = c.req.valid("query");
      const db = c.var.db.orm;
      const results: SearchHit[] = await search(db, c.var.scope, q, limit ?? SEARCH_PER_KIND);
      const { tiandituKey } = await readBasemap(db, c.var.scope.cityId, defaults);
      let geocoder: GeocoderOutcome = "off";
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
