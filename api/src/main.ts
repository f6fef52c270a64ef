// Starts CivGrid: config → database → migrations → city (demo data if empty) → listen.
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import { openDb } from "./db/client.ts";
import { startMaintenance } from "./db/maintenance.ts";
import { sweepOrphanFiles } from "./files/orphans.ts";
import { startSchedule } from "./notifications/schedule.ts";
import { startDeliveryWorker } from "./notifications/worker.ts";
import { ensureAccounts } from "./seed/accounts.ts";
import { ensureCity } from "./seed/ensure-city.ts";

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
// Planner statistics: PGlite has no autovacuum; a server's is checked (db/maintenance.ts).
const stopMaintenance = await startMaintenance(db, log);
const sweep = () =>
  sweepOrphanFiles(db, config.filesDir).then(
    (r) => {
      if (r.files || r.tempFiles) log(`removed ${r.files} unused files, ${r.tempFiles} temp files`);
    },
    (error: unknown) => log(`sweeping unused files failed: ${String(error)}`),
  );
await sweep();
// Hourly, without keeping the process alive on its own.
setInterval(() => void sweep(), 60 * 60 * 1000).unref();
const cityId = await ensureCity(db, config, log);
await ensureAccounts(db, cityId, config.seed, log);
const app = createApp({
  db,
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
});
// Notifications (issue 17): the outbox worker and the reminders' schedule, in every process.
startDeliveryWorker(db, config.notify.everySeconds * 1000, log);
startSchedule(db, 60_000, log);

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  log(`CivGrid is running: open http://localhost:${info.port}/  (API reference: /api/docs)`);
});

async function shutdown(signal: string) {
  log(`${signal}: closing …`);
  server.close();
  stopMaintenance();
  await db.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
