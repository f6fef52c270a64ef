// Builds the Hono app: middleware, the /api routes, their OpenAPI document, errors, the web app.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import type { Db } from "./db/client.ts";
import { AppError, type Message, respondWithError } from "./errors.ts";
import { activityRoutes } from "./routes/activities.ts";
import { analyticsRoutes } from "./routes/analytics.ts";
import { auditRoutes } from "./routes/audit.ts";
import { authRoutes } from "./routes/auth.ts";
import { communityRoutes } from "./routes/communities.ts";
import { communityFileRoutes } from "./routes/community-files.ts";
import { dedicationDayRoutes } from "./routes/dedication-days.ts";
import { docsRoutes } from "./routes/docs.ts";
import { fileRoutes } from "./routes/files.ts";
import { gridEditRoutes } from "./routes/grid-edits.ts";
import { gridFileRoutes } from "./routes/grid-files.ts";
import { gridRoutes } from "./routes/grids.ts";

import { healthRoutes } from "./routes/health.ts";
import { inspectionRoutes } from "./routes/inspections.ts";
import { materialRoutes } from "./routes/materials.ts";
import { myAreaRoutes } from "./routes/my-area.ts";
import { ogcLanding, ogcRoutes } from "./routes/ogc.ts";
import { open311Routes } from "./routes/open311.ts";
import { open311RequestRoutes } from "./routes/open311-requests.ts";
import { patrolRoutes } from "./routes/patrols.ts";
import { peopleRoutes } from "./routes/people.ts";

import { pointRoutes } from "./routes/points.ts";
import { problemActionRoutes } from "./routes/problem-actions.ts";
import { problemRoutes } from "./routes/problems.ts";
import { rankingRoutes } from "./routes/rankings.ts";
import { regionRoutes } from "./routes/regions.ts";
import type { AppEnv } from "./routes/router.ts";
import { authenticate, authenticateReads } from "./routes/session.ts";
import { standardRoutes } from "./routes/standards.ts";
import { campaignRoutes, taskRoutes } from "./routes/tasks.ts";
import { tileRoutes } from "./routes/tiles.ts";
import { tokenRoutes } from "./routes/tokens.ts";
import { unitRoutes } from "./routes/units.ts";
import { userRoutes } from "./routes/users.ts";
import { DEFAULT_TILE_CACHE_MB, TileCache } from "./tiles/cache.ts";

export interface AppOptions {
  db: Db;
  cityId: number;
  basemapUrl: string | null;
  /** The basemap's coordinate system (BASEMAP_CRS); WGS84 when unset. */
  basemapCrs?: "wgs84" | "gcj02";
  /** Above this many features a map layer is drawn from vector tiles (MAP_TILES_ABOVE). */
  mapTilesAbove?: number;
  /** Open311 api_keys; when any is set, filing a request needs one. */
  open311ApiKeys?: string[];
  /** How long a sign-in lasts. */

  sessionHours?: number;
  /** The built web app; served at / when it exists. */
  webDist?: string;
  /** Where uploaded photos are kept (FILES_DIR); a fresh temp folder when unset (tests). */
  filesDir?: string;
  /** Largest photo upload in MB (PHOTO_MAX_MB). */
  photoMaxMb?: number;
  /** Largest document upload in MB (FILE_MAX_MB): materials and task evidence. */
  fileMaxMb?: number;
  /** Memory for drawn vector tiles in MB (TILE_CACHE_MB); 0 draws every tile. */
  tileCacheMb?: number;
}

export function createApp(options: AppOptions) {
  const app = new OpenAPIHono<AppEnv>();

  app.use(
    "*",
    secureHeaders({
      // Everything is served from here; only an optional raster basemap (https) comes from outside.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        fontSrc: ["'self'", "data:"],
        imgSrc: ["'self'", "data:", "blob:", "https:"],
        workerSrc: ["'self'", "blob:"],
        connectSrc: ["'self'", "https:"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  const limit = (maxSize: number, detail: Message = { key: "error.body_too_large" }) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError(413, "body_too_large", detail);
      },
    });
  // JSON bodies stay small; a spreadsheet import is the one larger upload.
  const jsonLimit = limit(1024 * 1024);
  const uploadLimit = limit(10 * 1024 * 1024);
  const photoMaxMb = options.photoMaxMb ?? 10;
  // A photo's multipart wrapping (boundary, part headers) comes on top of the photo itself.
  const photoLimit = limit(photoMaxMb * 1024 * 1024 + 64 * 1024, {
    key: "file.too_large",
    params: { max: photoMaxMb },
  });
  const fileMaxMb = options.fileMaxMb ?? 20;
  const documentLimit = limit(Math.max(fileMaxMb, photoMaxMb) * 1024 * 1024 + 64 * 1024, {
    key: "file.document_too_large",
    params: { max: fileMaxMb },
  });
  const isDocumentUpload = (p: string) =>
    p === "/api/files/documents" || p === "/api/materials" || p === "/api/materials/";
  app.use("/api/*", (c, next) =>
    c.req.path.endsWith("/import")
      ? uploadLimit(c, next)
      : isDocumentUpload(c.req.path)
        ? documentLimit(c, next)
        : c.req.path.startsWith("/api/files")
          ? photoLimit(c, next)
          : jsonLimit(c, next),
  );
  // A cross-site form cannot post to the API: state-changing requests must come from this origin.
  app.use("/api/*", csrf());
  app.use("/api/*", async (c, next) => {
    c.set("db", options.db);
    c.set("cityId", options.cityId);
    await next();
  });
  app.use("/api/*", authenticate);

  app.route(
    "/api",
    healthRoutes({
      basemapUrl: options.basemapUrl,
      basemapCrs: options.basemapCrs ?? "wgs84",
      mapTilesAbove: options.mapTilesAbove ?? 2000,
    }),
  );
  app.route("/api/auth", authRoutes(options.sessionHours ?? 12));
  app.route("/api/users", userRoutes);
  app.route("/api/tokens", tokenRoutes);
  app.route("/api/audit", auditRoutes);
  app.route("/api/regions", regionRoutes);
  app.route("/api/communities", communityFileRoutes);
  app.route("/api/communities", communityRoutes);
  // Fixed paths (/division, /export) before the reads' /{id}.
  app.route("/api/grids", gridFileRoutes);
  app.route("/api/grids", gridRoutes);
  app.route("/api/grids", gridEditRoutes);
  app.route("/api/units", unitRoutes);
  app.route("/api/points", pointRoutes);
  app.route("/api/problems", problemActionRoutes);
  app.route("/api/problems", problemRoutes);
  app.route("/api/people", peopleRoutes);
  app.route("/api/standards", standardRoutes);
  app.route("/api/analytics", rankingRoutes);
  app.route("/api/analytics", analyticsRoutes);
  const filesDir = options.filesDir ?? path.join(tmpdir(), `civgrid-files-${randomUUID()}`);
  app.route(
    "/api/files",
    fileRoutes({ dir: filesDir, maxMb: photoMaxMb, documentMaxMb: fileMaxMb }),
  );
  app.route("/api/campaigns", campaignRoutes);
  app.route("/api/tasks", taskRoutes);
  app.route("/api/materials", materialRoutes({ dir: filesDir, maxMb: fileMaxMb }));
  app.route("/api/inspections", inspectionRoutes);
  app.route("/api/my-area", myAreaRoutes);
  app.route("/api/patrols", patrolRoutes);
  app.route("/api/dedication-days", dedicationDayRoutes);
  app.route("/api/activities", activityRoutes);
  // Standard clients (issue 18): Open311 requests waiting to be placed on the map.
  app.route("/api/open311-requests", open311RequestRoutes);

  // Vector tiles and OGC API – Features for GIS clients: signed in like /api, read through the same scopes.
  for (const prefix of ["/tiles/*", "/ogc/*"]) {
    app.use(prefix, async (c, next) => {
      c.set("db", options.db);
      c.set("cityId", options.cityId);
      await next();
    });
    app.use(prefix, authenticateReads);
  }
  const tileCacheMb = options.tileCacheMb ?? DEFAULT_TILE_CACHE_MB;
  const tileCache = tileCacheMb > 0 ? new TileCache(tileCacheMb * 1024 * 1024) : null;
  app.route("/tiles", tileRoutes(tileCache));
  // Standard clients (issue 18): /ogc/ is the landing page as /ogc is.
  app.get("/ogc/", ogcLanding);
  app.route("/ogc", ogcRoutes);

  // Open311 GeoReport v2: public, no session; its own error format.
  app.use("/open311/*", photoLimit);
  app.use("/open311/*", async (c, next) => {
    c.set("db", options.db);
    c.set("cityId", options.cityId);
    await next();
  });
  app.route("/open311", open311Routes({ apiKeys: options.open311ApiKeys ?? [], filesDir }));

  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "CivGrid 创城网格 API",
      version: "0.1.0",
      description:
        "Responsibility grids, units, inspection points and problems of a city's civilized-city campaign. " +
        "Geometries are GeoJSON in WGS84. Errors are {error: {code, message, fields?}}, in Chinese unless " +
        "Accept-Language prefers English.",
    },
  });
  app.route("/api/docs", docsRoutes);

  app.all("/api/*", (c) => {
    throw new AppError(404, "not_found", {
      key: "error.route_not_found",
      params: { path: c.req.path },
    });
  });

  if (options.webDist && existsSync(path.join(options.webDist, "index.html"))) {
    app.use("/*", serveStatic({ root: options.webDist }));
    // Any other path is a page of the single-page app.
    app.get("/*", serveStatic({ path: path.join(options.webDist, "index.html") }));
  }

  app.onError((error, c) => {
    if (error instanceof AppError) return respondWithError(c, error);
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's own refusals: the CSRF check (403) and malformed bodies (400).
      const crossSite = error.status === 403;
      return respondWithError(
        c,
        new AppError(error.status as 400, crossSite ? "cross_site_request" : "bad_request", {
          key: crossSite ? "error.cross_site" : "error.bad_body",
        }),
      );
    }
    console.error(`[${c.req.method} ${c.req.path}]`, error);
    return respondWithError(c, new AppError(500, "internal", { key: "error.internal" }));
  });

  return app;
}
