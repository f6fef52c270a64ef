// `pnpm --filter @civgrid/api restore [--lang=zh-CN|en] <archive>`: fills an EMPTY data directory
// (embedded) or an EMPTY database (DATABASE_URL) and an empty files folder from a backup of either
// engine. It speaks the shell's language (LANG, or --lang): Chinese unless English is asked for.
import path from "node:path";
import { RestoreRefused, restoreBackup } from "./backups/restore.ts";
import { loadConfig } from "./config.ts";
import { commandLanguage, translate } from "./messages.ts";

const args = process.argv.slice(2);
const lang = commandLanguage(args);
const log = (line: string) => console.log(`[civgrid restore] ${line}`);
const archiveArg = args.find((a) => !a.startsWith("--"));
if (!archiveArg) {
  console.error(translate("restore.usage", lang));
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
    onProgress: (key, params) => log(translate(key, lang, params)),
  });
  log(translate("restore.done", lang));
} catch (error) {
  if (error instanceof RestoreRefused) {
    console.error(
      translate("restore.refused", lang, { reason: translate(error.key, lang, error.params) }),
    );
    process.exit(2);
  }
  // The database's own words (a damaged dump's SQL error) stay as PostgreSQL said them.
  const reason = error instanceof Error ? error.message : String(error);
  console.error(translate("restore.failed", lang, { reason }));
  process.exit(1);
}
