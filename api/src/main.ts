// Starts CivGrid: config → database → migrations → city (demo data if empty) → listen.
import { serve } from "@hono/node-server";
import { listenForForgetting } from "./accounts/recent-sessions.ts";
import { createApp } from "./app.ts";
import { startBackupSchedule } from "./backups/run.ts";
import { loadConfig } from "./config.ts";
import { openDb } from "./db/client.ts";
import { startMaintenance } from "./db/maintenance.ts";
import { ReadReplicas } from "./db/replicas.ts";
import { runEveryPeriod } from "./db/scheduled.ts";
import { sweepOrphanFiles } from "./files/orphans.ts";
import { startSchedule } from "./notifications/schedule.ts";
import { startDeliveryWorker } from "./notifications/worker.ts";
import { ensureAccounts } from "./seed/accounts.ts";
import { ensureCity } from "./seed/ensure-city.ts";
import { startTileCellsFold } from "./tiles/fold.ts";
import { closeWorkerPool } from "./workers/pool.ts";

const log = (line: string) => console.log(`[civgrid] ${line}`);

const config = loadConfig();
const db = await openDb({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  onProgress: log,
});
log(
  db.engine === "pglite"
    ? `database: embedded PostGIS in ${config.dataDir}`
    : "database: PostgreSQL server",
);
log("applying migrations …");
await db.migrate();
// Several processes on one database (issue 20): a sign-out or revocation in any of them clears
// this one's short session memory at once.
await listenForForgetting(db);
if (config.readUrls.length && db.engine === "pglite") {
  log("DATABASE_READ_URL is for a PostgreSQL server (DATABASE_URL); ignored with the embedded one");
}
const replicas =
  config.readUrls.length && db.engine === "postgres"
    ? await ReadReplicas.open(db, config.readUrls, config.replicaMaxLagMs)
    : undefined;
if (replicas) {
  const said = replicas.report().map((r) => `${r.url} (${r.state})`);
  log(`read replicas: ${said.join(", ")}`);
}
// The unused-file sweep: at start and every ORPHAN_SWEEP_SECONDS, once per period across every
// process on this database (db/scheduled.ts).
runEveryPeriod(
  db,
  "orphan-sweep",
  config.orphanSweepSeconds * 1000,
  async (period) => {
    const r = await sweepOrphanFiles(db, config.filesDir);
    log(
      `orphan sweep (period ${period}): removed ${r.files} unused files, ${r.tempFiles} temp files`,
    );
  },
  log,
);
const cityId = await ensureCity(db, config, log);
await ensureAccounts(db, cityId, config.seed, log);
// Planner statistics, once the city (a first start's demo) is in: PGlite has no autovacuum; a
// server's is checked (db/maintenance.ts).
const stopMaintenance = await startMaintenance(db, log);
// The problem tile rollup's daily fold of past deadline days, once a China day across processes.
const stopTileCellsFold = startTileCellsFold(db, log);
const app = createApp({
  db,
  replicas,
  cityId,
  basemapUrl: config.basemapUrl,
  basemapCrs: config.basemapCrs,
  basemapPmtiles: config.basemapPmtiles,
  pmtilesMaxMb: config.pmtilesMaxMb,
  mapTilesAbove: config.mapTilesAbove,
  sessionHours: config.sessionHours,
  open311ApiKeys: config.open311ApiKeys,

  webDist: config.webDist,
  filesDir: config.filesDir,
  photoMaxMb: config.photoMaxMb,
  fileMaxMb: config.fileMaxMb,
  tileCacheMb: config.tileCacheMb,
  trustProxy: config.trustProxy,
  notifyChannels: config.notify.channels,
  isStopping: () => stopping,
  backups: { ...config.backup, databaseUrl: config.databaseUrl },
});
// Backups (issue 21): the daily archive at BACKUP_AT, run once across processes (backups/run.ts).
const stopBackups = startBackupSchedule(
  db,
  { ...config.backup, databaseUrl: config.databaseUrl, filesDir: config.filesDir },
  log,
);
// Notifications (issue 17): the outbox worker and the reminders' schedule, in every process.
startDeliveryWorker(db, config.notify.everySeconds * 1000, log);
startSchedule(db, 60_000, log);

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  log(`CivGrid is running: open http://localhost:${info.port}/  (API reference: /api/docs)`);
});

/** Requests in flight get this long to finish after SIGTERM before their connections are cut. */
const DRAIN_MS = 10_000;
let stopping = false;

// Stop accepting, let requests in flight finish (up to DRAIN_MS), then close the database.
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log(
    `${signal}: no new connections; finishing requests in flight (at most ${DRAIN_MS / 1000} s) …`,
  );
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections with no request running would hold close() open.
  if ("closeIdleConnections" in server) server.closeIdleConnections();
  const cut = setTimeout(() => {
    log("requests still running after the limit: closing their connections");
    if ("closeAllConnections" in server) server.closeAllConnections();
  }, DRAIN_MS);
  await drained;
  clearTimeout(cut);
  stopMaintenance();
  stopTileCellsFold();
  stopBackups();
  // After the drain: a request in flight may still be waiting on a worker.
  await closeWorkerPool();
  await replicas?.close();
  await db.close();
  log("database closed");
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
