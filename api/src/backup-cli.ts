// `pnpm --filter @civgrid/api backup [--lang=zh-CN|en]`: writes one archive of the database and
// the uploaded files into BACKUP_DIR (README: Backups), then keeps the newest BACKUP_KEEP. It
// speaks the shell's language (LANG, or --lang): Chinese unless English is asked for.
import { existsSync } from "node:fs";
import path from "node:path";
import { BackupProblem } from "./backups/problem.ts";
import { runBackup } from "./backups/run.ts";
import { loadConfig } from "./config.ts";
import { openDb } from "./db/client.ts";
import { commandLanguage, translate } from "./messages.ts";

const lang = commandLanguage(process.argv.slice(2));
const log = (line: string) => console.log(`[civgrid backup] ${line}`);
const config = loadConfig();
if (!config.databaseUrl && existsSync(path.join(config.dataDir, "postmaster.pid"))) {
  // PGlite is one process's database: a second opener would corrupt it.
  console.error(translate("backup.cli_held", lang, { dir: config.dataDir }));
  process.exit(2);
}
if (!config.databaseUrl && !existsSync(path.join(config.dataDir, "PG_VERSION"))) {
  console.error(translate("backup.cli_no_database", lang, { dir: config.dataDir }));
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
    console.error(translate("backup.cli_running", lang));
    process.exitCode = 3;
  } else {
    log(
      translate("backup.cli_wrote", lang, {
        path: path.join(config.backup.dir, summary.name),
        size: summary.size,
        migrations: summary.migrations,
        files: summary.fileCount,
      }),
    );
  }
} catch (error) {
  const reason =
    error instanceof BackupProblem
      ? translate(error.key, lang, error.params)
      : error instanceof Error
        ? error.message
        : String(error);
  console.error(translate("backup.failed", lang, { reason }));
  process.exitCode = 1;
} finally {
  await db.close();
}
