// `pnpm --filter @civgrid/api restore <archive>`: fills an EMPTY data directory (embedded) or an
// EMPTY database (DATABASE_URL) and an empty files folder from a backup of either engine.
import path from "node:path";
import { RestoreRefused, restoreBackup } from "./backups/restore.ts";
import { loadConfig } from "./config.ts";

const log = (line: string) => console.log(`[civgrid restore] ${line}`);
const [archiveArg] = process.argv.slice(2);
if (!archiveArg) {
  console.error("Usage: pnpm --filter @civgrid/api restore <archive.tar.gz>");
  process.exit(2);
}
const config = loadConfig();
const archive = path.resolve(process.env.INIT_CWD ?? process.cwd(), archiveArg);
try {
  await restoreBackup({
    archive,
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    filesDir: config.filesDir,
    onProgress: log,
  });
  log("done: start CivGrid with the same DATA_DIR / DATABASE_URL and FILES_DIR");
} catch (error) {
  if (error instanceof RestoreRefused) {
    console.error(`Refused: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
