// The map's base (issue 22): the city's own outline (public), the administrator's basemap choice,
// the upload of an offline PMTiles basemap, and that file served to maps with range requests.
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { chooseBasemap, uploadPmtiles } from "../basemap/choose.ts";
import { cityOutline } from "../basemap/outline.ts";
import { type BasemapDefaults, PMTILES_PATH, readBasemap } from "../basemap/settings.ts";
import { AppError, fieldMessage } from "../errors.ts";
import { requirePermission } from "../middleware/session.ts";

import {
  type AppEnv,
  actorOf,
  geojson,
  json,
  jsonBody,
  newRouter,
  readErrors,
  routesOf,
} from "./router.ts";

const route = routesOf("basemap", readErrors);
const OutlineFeature = z
  .object({
    type: z.literal("Feature"),
    geometry: z.object({ type: z.string(), coordinates: z.array(z.any()) }),
    properties: z.object({
      level: z.enum(["city", "district", "street", "community"]),
      name: z.string(),
      kind: z
        .enum(["area", "label"])
        .openapi({ description: "the area, or the point where its name is written" }),
    }),
  })
  .openapi("OutlineFeature");

const template = z
  .string()
  .max(2000)
  .refine(
    // maplibre fills in {z}, {x} and {y} only: a WMTS KVP address names them for its TILEMATRIX,
    // TILECOL and TILEROW (README: basemaps)
    (url) =>
      /^https?:\/\//.test(url) && url.includes("{z}") && url.includes("{x}") && url.includes("{y}"),
    fieldMessage("field.tile_template"),
  );

const Settings = z
  .object({
    kind: z.enum(["none", "raster", "pmtiles"]),
    rasterUrl: template.nullable(),
    crs: z.enum(["wgs84", "gcj02"]),
    hasTiandituKey: z.boolean(),
    pmtilesBytes: z.number().int().nullable(),
    fromEnvironment: z.boolean(),
  })
  .openapi("BasemapSettings");

const Choice = z
  .object({
    kind: z.enum(["none", "raster", "pmtiles"]),
    rasterUrl: template.nullable().optional(),
    crs: z.enum(["wgs84", "gcj02"]).optional(),
    tiandituKey: z.string().max(200).optional().openapi({ description: "'' removes the key" }),
  })
  .strict();

export function basemapRoutes(options: { defaults: BasemapDefaults; dir: string; maxMb: number }) {
  const read = (c: Context<AppEnv>) => readBasemap(c.var.db.orm, c.var.cityId, options.defaults);
  const fileOf = (name: string) => (path.isAbsolute(name) ? name : path.join(options.dir, name));
  const view = async (c: Context<AppEnv>) => {
    const { kind, rasterUrl, crs, hasTiandituKey, pmtilesBytes, fromEnvironment } = await read(c);
    return { kind, rasterUrl, crs, hasTiandituKey, pmtilesBytes, fromEnvironment };
  };
  const write = requirePermission("settings.write");

  const router = newRouter()
    .openapi(
      route("get", "/outline", {
        summary:
          "The city, districts, streets and communities with their names: the map's own base",
        responses: {
          200: geojson(
            z.object({ type: z.literal("FeatureCollection"), features: z.array(OutlineFeature) }),
            "The outline map",
          ),
        },
      }),
      async (c) => c.json(await cityOutline(c.var.db.orm, c.var.cityId), 200),
    )
    .openapi(
      route("get", "/settings", {
        summary: "The basemap chosen for the city's maps (administrators)",
        middleware: [write] as const,
        responses: { 200: json(Settings, "The basemap settings") },
      }),
      async (c) => c.json(await view(c), 200),
    )
    .openapi(
      route("put", "/settings", {
        summary:
          "Choose the basemap: none, a raster template (with its CRS and Tianditu key), or the uploaded PMTiles",
        middleware: [write] as const,
        request: jsonBody(Choice),
        responses: { 200: json(Settings, "The basemap settings") },
      }),
      async (c) => {
        await chooseBasemap(c.var.db.orm, actorOf(c), options.defaults, c.req.valid("json"));
        return c.json(await view(c), 200);
      },
    );

  // The upload is the file itself as the body (application/octet-stream), streamed to disk.
  router.post("/pmtiles", write, async (c) => {
    await uploadPmtiles(c.var.db.orm, actorOf(c), options, c.req.raw.body);
    return c.json(await view(c), 200);
  });

  // Public like the outline (the citizens' page draws the basemap too); maplibre's pmtiles
  // protocol reads it by byte ranges, which serveStatic answers (206).
  router.get(PMTILES_PATH.replace("/api/basemap", ""), async (c, next) => {
    const basemap = await read(c);
    if (basemap.kind !== "pmtiles" || !basemap.pmtilesFile)
      throw new AppError(404, "not_found", { key: "basemap.no_pmtiles" });
    c.header("Cache-Control", "public, max-age=3600");
    return serveStatic({ path: fileOf(basemap.pmtilesFile) })(c, next);
  });
  return router;
}
