// GET /api/search?q=: the map's search box (issue 22), over what the caller may read, and an
// address from Tianditu's geocoder when the administrator has saved a Tianditu key.
// GET /api/public/search?q=: the same box on the citizen's map (/report, no account): the city's
// public places only (publicSearchKinds), throttled per address as every public path.
import {
  type GeocoderOutcome,
  numberIn,
  publicSearchKinds,
  SEARCH_PER_KIND,
  SEARCH_PER_KIND_MAX,
  SEARCH_TEXT_MAX,
  type SearchHit,
  searchKinds,
} from "@civgrid/geo";
import { createRoute, z } from "@hono/zod-openapi";
import { type BasemapDefaults, readBasemap } from "../basemap/settings.ts";
import type { Scope } from "../policy/scope.ts";
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
  /** Tianditu's geocoder endpoint (a receiver on loopback in tests). */
  geocoderUrl: string;
}

/** Who searches: a signed-in caller over their scope, or anyone over the city's public places. */
const audiences = {
  staff: {
    tags: ["search"],
    summary: "Search the map: communities, grids, units, points, problems by number, addresses",
    kinds: searchKinds,
    scope: (c: { var: { scope: Scope } }): Scope => c.var.scope,
  },
  public: {
    tags: ["public"],
    summary:
      "Search the citizen's map (no account): communities, grids, units by name or code, addresses",
    kinds: publicSearchKinds,
    scope: (c: { var: { cityId: number } }): Scope => ({ kind: "city", cityId: c.var.cityId }),
  },
} as const;

export const searchRoutes = (
  { defaults, geocoderUrl }: SearchOptions,
  audience: keyof typeof audiences = "staff",
) => {
  const { tags, summary, kinds, scope } = audiences[audience];
  return newRouter().openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: [...tags],
      summary,
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
      const results: SearchHit[] = await search(db, scope(c), q, limit ?? SEARCH_PER_KIND, kinds);
      const { tiandituKey } = await readBasemap(db, c.var.cityId, defaults);
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
};
