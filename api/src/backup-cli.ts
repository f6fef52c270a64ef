// `pnpm --filter @civgrid/api backup`: writes one archive of the database and the uploaded files
// into BACKUP_DIR (README: Backups), then keeps the newest BACKUP_KEEP.
import { existsSync } from "node:fs";
import path from "node:path";
import { runBackup } from "./backups/run.ts";
import { loadConfig } from "./config.ts";
import { openDb } from "./db/client.ts";

const log = (line: string) => console.log(`[civgrid backup] ${line}`);
const config = loadConfig();
if (!config.databaseUrl && existsSync(path.join(config.dataDir, "postmaster.pid"))) {
  // PGlite is one process's database: a second opener would corrupt it.
  console.error(
    `The embedded database in ${config.dataDir} is held by a running CivGrid. Take the backup from the app instead (数据备份 → 立即备份), or stop the app first.`,
  );
  process.exit(2);
}
if (!config.databaseUrl && !existsSync(path.join(config.dataDir, "PG_VERSION"))) {
  console.error(
    `There is no embedded database in ${config.dataDir} (set DATA_DIR or DATABASE_URL).`,
  );
  process.exit(2);
}
const db = await openDb({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  onProgress: log,
});
try {
  const summary = await runBackup(db, {
    databaseUrl: config.databaseUrl,
    filesDir: config.filesDir,
    dir: config.backup.dir,
    keep: config.backup.keep,
  });
  if (!summary) {
    console.error("Another backup is running on this database; try again when it has finished.");
    process.exitCode = 3;
  } else {
    log(
      `wrote ${path.join(config.backup.dir, summary.name)} (${summary.size} bytes, ${summary.migrations} migrations, ${summary.fileCount} files)`,
    );
  }
} finally {
  await db.close();
}
