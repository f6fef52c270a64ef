// GET /api/health and /api/config: is the service up, and what the web app needs to start.
import { createRoute, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { basemapUrlOf, readBasemap } from "../basemap/settings.ts";
import { selectRows } from "../db/client.ts";
import type { ReadReplicas } from "../db/replicas.ts";
import { newRouter } from "./router.ts";

const City = z.object({ code: z.string(), name: z.string() });

/** Which database each role uses (issue 20): the primary for writes, replicas for heavy reads. */
export const Databases = z
  .object({
    primary: z.string().openapi({ description: "host:port/database, or the embedded data folder" }),
    replicas: z.array(
      z.object({
        url: z.string().openapi({ description: "host:port/database" }),
        state: z.enum(["ok", "lagging", "down", "unchecked"]).openapi({
          description: "ok: tiles, OGC, analytics and exports read from it; otherwise skipped",
        }),
        lagMs: z.number().nullable().openapi({ description: "how far behind the primary, in ms" }),
        reason: z.string().optional(),
      }),
    ),
    heavyReadsFrom: z.enum(["primary", "replicas"]),
  })
  .openapi("Databases");

export function databasesOf(primary: string, replicas: ReadReplicas | undefined) {
  const report = replicas?.report() ?? [];
  return {
    primary,
    replicas: report,
    heavyReadsFrom: report.some((r) => r.state === "ok")
      ? ("replicas" as const)
      : ("primary" as const),
  };
}

export function healthRoutes(settings: {
  replicas?: ReadReplicas | undefined;
  basemapUrl: string | null;
  basemapCrs: "wgs84" | "gcj02";
  basemapPmtiles: string | null;
  mapTilesAbove: number;
}) {
  let facts: Promise<{ postgis: string; code: string; name: string } | undefined> | undefined;
  return newRouter()
    .openapi(
      createRoute({
        method: "get",
        path: "/health",
        tags: ["service"],
        summary:
          "Liveness: the process answers (engine, PostGIS version and city as last read); see /api/ready for the database",
        responses: {
          200: {
            content: {
              "application/json": {
                schema: z.object({
                  status: z.literal("ok"),
                  engine: z.enum(["pglite", "postgres"]),
                  postgis: z.string(),
                  city: City,
                  databases: Databases,
                }),
              },
            },
            description: "The service and its database answer",
          },
        },
      }),
      async (c) => {
        // Liveness only (issue 21): the process answers even while the database is away; the
        // facts below are read once and kept. The database's state is /api/ready's to report.
        facts ??= selectRows<{ postgis: string; code: string; name: string }>(
          c.var.db.orm,
          sql`SELECT postgis_lib_version() AS postgis, code, name FROM cities WHERE id = ${c.var.cityId}`,
        ).then(([row]) => row);
        const row = await Promise.race([
          facts.catch(() => {
            facts = undefined;
          }),
          new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 1000).unref()),
        ]);
        return c.json(
          {
            status: "ok" as const,
            engine: c.var.db.engine,
            postgis: row?.postgis ?? "",
            city: { code: row?.code ?? "", name: row?.name ?? "" },
            databases: databasesOf(c.var.db.label, settings.replicas),
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/config",
        tags: ["service"],
        summary: "Settings the web app starts with",
        responses: {
          200: {
            content: {
              "application/json": {
                schema: z.object({
                  basemapUrl: z.string().nullable().openapi({
                    description:
                      "a raster tile template, pmtiles:// and the offline basemap's address, or null: the city's outline alone",
                  }),
                  basemapKind: z.enum(["none", "raster", "pmtiles"]),
                  basemapCrs: z.enum(["wgs84", "gcj02"]).openapi({
                    description: "the basemap's coordinate system; data stays WGS84",
                  }),
                  mapTilesAbove: z.number().int().openapi({
                    description:
                      "a map layer with more features than this is read from /tiles, not as GeoJSON",
                  }),
                  city: City,
                }),
              },
            },
            description: "Client settings",
          },
        },
      }),
      async (c) => {
        const [city] = await selectRows<{ code: string; name: string }>(
          c.var.db.orm,
          sql`SELECT code, name FROM cities WHERE id = ${c.var.cityId}`,
        );
        // the administrator's choice (issue 22), else the deployment's environment
        const basemap = await readBasemap(c.var.db.orm, c.var.cityId, {
          url: settings.basemapUrl,
          crs: settings.basemapCrs,
          pmtilesPath: settings.basemapPmtiles,
        });
        return c.json(
          {
            basemapUrl: basemapUrlOf(basemap),
            basemapKind: basemap.kind,
            // only a raster has a system of its own; the vector basemap is WGS84 like our data
            basemapCrs: basemap.kind === "raster" ? basemap.crs : ("wgs84" as const),
            mapTilesAbove: settings.mapTilesAbove,
            city: city ?? { code: "", name: "" },
          },
          200,
        );
      },
    );
}
