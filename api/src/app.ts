// Builds the Hono app: middleware, the /api routes, their OpenAPI document, errors, the web app.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { basemapUrlOf, readBasemap } from "./basemap/settings.ts";
import type { Db } from "./db/client.ts";
import { appErrorOf, RETRY_AFTER_SECONDS } from "./db/failures.ts";
import { type ReadReplicas, readFromReplica, rememberWrites } from "./db/replicas.ts";
import { compressAnswers } from "./delivery/compress.ts";
import { revalidatedReads } from "./delivery/revalidate.ts";
import { serveWebApp } from "./delivery/web-app.ts";
import { AppError, type Message, respondWithError } from "./errors.ts";
import { clientOrigin } from "./middleware/client.ts";
import { guardInput, parsedBodyOf } from "./middleware/input-guard.ts";
import { contentSecurity, crossOriginReads, noStore } from "./middleware/security-headers.ts";
import { authenticate, authenticateReads } from "./middleware/session.ts";
import { type ChannelDefaults, useChannelDefaults } from "./notifications/channels.ts";
import { activityRoutes } from "./routes/activities.ts";
import { analyticsRoutes } from "./routes/analytics.ts";
import { auditRoutes } from "./routes/audit.ts";
import { authRoutes } from "./routes/auth.ts";
import { backupRoutes } from "./routes/backups.ts";
import { basemapRoutes } from "./routes/basemap.ts";
import { calendarRoutes } from "./routes/calendar.ts";
import { communityRoutes } from "./routes/communities.ts";
import { communityFileRoutes } from "./routes/community-files.ts";
import { dedicationDayRoutes } from "./routes/dedication-days.ts";
import { docsRoutes } from "./routes/docs.ts";
import { escalationStepRoutes } from "./routes/escalation-steps.ts";
import { fileRoutes } from "./routes/files.ts";
import { gridRoutes } from "./routes/grids.ts";
import { healthRoutes } from "./routes/health.ts";
import { inspectionRoutes } from "./routes/inspections.ts";
import { materialRoutes } from "./routes/materials.ts";
import { myAreaRoutes } from "./routes/my-area.ts";
import { myReportRoutes } from "./routes/my-reports.ts";
import { notificationAdminRoutes } from "./routes/notification-admin.ts";
import { notificationRoutes, notificationSettingRoutes } from "./routes/notifications.ts";
import { ogcLanding, ogcRoutes } from "./routes/ogc.ts";
import { open311Routes } from "./routes/open311.ts";
import { open311RequestRoutes } from "./routes/open311-requests.ts";
import { serveOpenApiDocument } from "./routes/openapi-document.ts";
import { patrolRoutes } from "./routes/patrols.ts";
import { peopleRoutes } from "./routes/people.ts";
import { pointRoutes } from "./routes/points.ts";
import { problemActionRoutes } from "./routes/problem-actions.ts";
import { problemRoutes } from "./routes/problems.ts";
import { publicReportRoutes } from "./routes/public-reports.ts";
import { rankingRoutes } from "./routes/rankings.ts";
import { readinessRoutes } from "./routes/readiness.ts";
import { regionRoutes } from "./routes/regions.ts";
import { restructuringRoutes } from "./routes/restructurings.ts";
import type { AppEnv } from "./routes/router.ts";
import { searchRoutes } from "./routes/search.ts";
import { standardRoutes } from "./routes/standards.ts";
import { campaignRoutes, taskRoutes } from "./routes/tasks.ts";
import { tileRoutes } from "./routes/tiles.ts";
import { tokenRoutes } from "./routes/tokens.ts";
import { unitRoutes } from "./routes/units.ts";
import { userRoutes } from "./routes/users.ts";
import { TIANDITU_GEOCODER } from "./search/geocode.ts";
import { DEFAULT_TILE_CACHE_MB, TileCache } from "./tiles/cache.ts";

export interface AppOptions {
  db: Db;
  /** Read replicas (DATABASE_READ_URL) for the read-only heavy paths; none: the primary reads all. */
  replicas?: ReadReplicas | undefined;
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
  /** An offline basemap file on disk (BASEMAP_PMTILES), until the administrator chooses one. */
  basemapPmtiles?: string | null;
  /** Largest PMTiles upload in MB (PMTILES_MAX_MB). */
  pmtilesMaxMb?: number;
  /** Memory for drawn vector tiles in MB (TILE_CACHE_MB); 0 draws every tile. */
  tileCacheMb?: number;
  /** Reverse proxies whose X-Forwarded-For/-Proto are believed (TRUST_PROXY); none when unset. */
  trustProxy?: string[];
  /** Notification channels from NOTIFY_*, used where the administrator has set none. */
  notifyChannels?: ChannelDefaults;
  /** Tianditu's geocoder, asked by the map's search when a Tianditu key is saved (tests: loopback). */
  geocoderUrl?: string;
  /** Backups (BACKUP_DIR, BACKUP_KEEP, BACKUP_AT); a fresh temp folder when unset (tests). */
  backups?: { dir: string; keep: number; at: string | null; databaseUrl?: string | undefined };
  /** True once SIGTERM arrived: /api/ready says "stopping" so no new work is routed here. */
  isStopping?: () => boolean;
}

export function createApp(options: AppOptions) {
  const app = new OpenAPIHono<AppEnv>();

  const filesDir = options.filesDir ?? path.join(tmpdir(), `civgrid-files-${randomUUID()}`);
  const basemapDefaults = {
    url: options.basemapUrl,
    crs: options.basemapCrs ?? "wgs84",
    pmtilesPath: options.basemapPmtiles ?? null,
  } as const;
  // Security (issue 16): the client's real address and scheme behind a trusted proxy.
  app.use("*", clientOrigin(options.trustProxy ?? []));
  // Delivery (issue 22): brotli/gzip for every text answer, ETags on the repeated reads.
  app.use("*", compressAnswers());
  // Open311's public reads may be embedded by any page (CORS on GET, routes/open311.ts).
  app.use("/open311/*", crossOriginReads);
  // The CSP lets in the basemap's tile host, whichever way it was chosen (environment or UI).
  app.use(
    "*",
    contentSecurity(async () =>
      basemapUrlOf(await readBasemap(options.db.orm, options.cityId, basemapDefaults)),
    ),
  );
  app.use("/api/*", noStore);
  app.use("/ogc/*", noStore);
  app.use("/api/*", revalidatedReads());
  // Read replicas (issue 20): after a write, the caller's reads wait for a replica that has it.
  app.use("/api/*", rememberWrites(options.replicas));
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
    // the offline basemap is streamed to disk under its own limit (routes/basemap.ts)
    c.req.path === "/api/basemap/pmtiles"
      ? next()
      : c.req.path.endsWith("/import")
        ? uploadLimit(c, next)
        : isDocumentUpload(c.req.path)
          ? documentLimit(c, next)
          : c.req.path.startsWith("/api/files")
            ? photoLimit(c, next)
            : jsonLimit(c, next),
  );
  // Reliability (issue 21): text the database cannot store and JSON nested past sense stop here.
  app.use("/api/*", guardInput);
  // A cross-site form cannot post to the API: state-changing requests must come from this origin.
  app.use("/api/*", csrf());
  // Every request of /api, /tiles, /ogc and /open311 sees the database and this deployment's city.
  const deployment: MiddlewareHandler<AppEnv> = async (c, next) => {
    c.set("db", options.db);
    c.set("cityId", options.cityId);
    await next();
  };
  app.use("/api/*", deployment);
  app.use("/api/*", authenticate);
  // The read-only heavy paths read from a fit replica when there is one (db/replicas.ts), after
  // the session was checked on the primary.
  const replicaReads = readFromReplica(options.replicas, (request, env) => app.fetch(request, env));
  const exportsFromReplica = new Set([
    "/api/problems/export.csv",
    "/api/grids/export",
    "/api/communities/export",
  ]);
  app.use("/api/*", (c, next) =>
    c.req.path.startsWith("/api/analytics/") || exportsFromReplica.has(c.req.path)
      ? replicaReads(c, next)
      : next(),
  );

  if (options.notifyChannels) useChannelDefaults(options.notifyChannels);
  const searchOptions = {
    defaults: basemapDefaults,
    geocoderUrl: options.geocoderUrl ?? TIANDITU_GEOCODER,
  };
  // The API's route files, mounted in this order (a file's fixed paths before another's /{id}).
  const mounts: [path: string, routes: OpenAPIHono<AppEnv>][] = [
    [
      "/api",
      healthRoutes({
        replicas: options.replicas,
        basemapUrl: options.basemapUrl,
        basemapCrs: options.basemapCrs ?? "wgs84",
        basemapPmtiles: options.basemapPmtiles ?? null,
        mapTilesAbove: options.mapTilesAbove ?? 2000,
      }),
    ],
    // The map's base and its settings (issue 22).
    [
      "/api/basemap",
      basemapRoutes({
        defaults: basemapDefaults,
        dir: path.join(filesDir, "basemap"),
        maxMb: options.pmtilesMaxMb ?? 2048,
      }),
    ],
    // Reliability (issue 21): readiness (the database) apart from liveness (/api/health).
    ["/api", readinessRoutes(options.isStopping ?? (() => false), options.replicas)],
    ["/api/auth", authRoutes(options.sessionHours ?? 12)],
    ["/api/users", userRoutes],
    ["/api/tokens", tokenRoutes],
    ["/api/audit", auditRoutes],
    ["/api/regions", regionRoutes],
    ["/api/search", searchRoutes(searchOptions)],
    ["/api/communities", communityFileRoutes],
    ["/api/communities", communityRoutes],
    // Restructurings (网格调整): impact preview, list, undo.
    ["/api/communities", restructuringRoutes],
    // One route file; inside it the fixed paths (/division, /export, /merge) come before /{id}.
    ["/api/grids", gridRoutes],
    ["/api/units", unitRoutes],
    ["/api/points", pointRoutes],
    ["/api/problems", problemActionRoutes],
    ["/api/problems", problemRoutes],
    ["/api/people", peopleRoutes],
    ["/api/standards", standardRoutes],
    ["/api/analytics", rankingRoutes],
    ["/api/analytics", analyticsRoutes],
    ["/api/files", fileRoutes({ dir: filesDir, maxMb: photoMaxMb, documentMaxMb: fileMaxMb })],
    ["/api/campaigns", campaignRoutes],
    ["/api/tasks", taskRoutes],
    ["/api/materials", materialRoutes({ dir: filesDir, maxMb: fileMaxMb })],
    ["/api/inspections", inspectionRoutes],
    ["/api/my-area", myAreaRoutes],
    ["/api/patrols", patrolRoutes],
    ["/api/dedication-days", dedicationDayRoutes],
    ["/api/activities", activityRoutes],
    // Working days on the official calendar (issue 15b).
    ["/api/calendar", calendarRoutes],
    // The loop's pages (issue 15): 我的上报, and a citizen's lookup of a report by its number.
    ["/api/my-reports", myReportRoutes],
    ["/api/public/reports", publicReportRoutes(filesDir)],
    // The citizen's map finds a place for the pin (issue 22): public places only.
    ["/api/public/search", searchRoutes(searchOptions, "public")],
    // Notifications, reminders and escalation (issue 17).
    ["/api/notifications", notificationRoutes],
    ["/api/notification-settings", notificationSettingRoutes],
    [
      "/api/admin/backups",
      backupRoutes({
        ...(options.backups ?? {
          dir: path.join(tmpdir(), `civgrid-backups-${randomUUID()}`),
          keep: 14,
          at: null,
        }),
        filesDir,
      }),
    ],
    ["/api/admin", notificationAdminRoutes],
    ["/api/escalation-steps", escalationStepRoutes],
    // Standard clients (issue 18): Open311 requests waiting to be placed on the map.
    ["/api/open311-requests", open311RequestRoutes],
  ];
  for (const [prefix, routes] of mounts) app.route(prefix, routes);

  // Vector tiles and OGC API – Features for GIS clients: signed in like /api, read through the same scopes.
  for (const prefix of ["/tiles/*", "/ogc/*"]) {
    app.use(prefix, deployment);
    app.use(prefix, authenticateReads);
    app.use(prefix, replicaReads);
  }
  const tileCacheMb = options.tileCacheMb ?? DEFAULT_TILE_CACHE_MB;
  const tileCache = tileCacheMb > 0 ? new TileCache(tileCacheMb * 1024 * 1024) : null;
  app.route("/tiles", tileRoutes(tileCache));
  // Standard clients (issue 18): /ogc/ is the landing page as /ogc is.
  app.get("/ogc/", ogcLanding);
  app.route("/ogc", ogcRoutes);

  // Open311 GeoReport v2: public, no session; its own error format.
  app.use("/open311/*", photoLimit);
  app.use("/open311/*", guardInput);
  app.use("/open311/*", deployment);
  app.route("/open311", open311Routes({ apiKeys: options.open311ApiKeys ?? [], filesDir }));

  serveOpenApiDocument(app);
  app.route("/api/docs", docsRoutes);

  app.all("/api/*", (c) => {
    throw new AppError(404, "not_found", {
      key: "error.route_not_found",
      params: { path: c.req.path },
    });
  });

  if (options.webDist && existsSync(path.join(options.webDist, "index.html")))
    serveWebApp(app, options.webDist, options.db);

  app.onError((error, c) => {
    if (error instanceof AppError) return respondWithError(c, error);
    // Reliability (issue 21): what the database refused, or its absence, in one mapping.
    const refused = appErrorOf(error, parsedBodyOf(c.req.raw));
    if (refused) {
      if (refused.status === 503) c.header("retry-after", String(RETRY_AFTER_SECONDS));
      if (refused.status >= 500) console.error(`[${c.req.method} ${c.req.path}]`, String(error));
      return respondWithError(c, refused);
    }
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
