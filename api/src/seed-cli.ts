// `pnpm --filter @civgrid/api seed [--reset]`: loads the demo city into the configured database.
import { sql } from "drizzle-orm";
import { loadConfig } from "./config.ts";
import { openDb, selectRows } from "./db/client.ts";
import { ensureAccounts } from "./seed/accounts.ts";
import { ensureCity } from "./seed/ensure-city.ts";

const log = (line: string) => console.log(`[civgrid seed] ${line}`);
const reset = process.argv.includes("--reset");

const config = loadConfig();
const db = await openDb({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  onProgress: log,
});
await db.migrate();
if (reset) {
  // TRUNCATE does not fire the append-only row triggers: emptying is allowed, rewriting is not.
  const tables = await selectRows<{ name: string }>(
    db.orm,
    sql`SELECT quote_ident(tablename) AS name FROM pg_tables
        WHERE schemaname = 'public' AND tablename <> 'spatial_ref_sys'`,
  );
  await db.orm.execute(
    sql.raw(`TRUNCATE ${tables.map((t) => t.name).join(", ")} RESTART IDENTITY CASCADE`),
  );
  log(`emptied ${tables.length} tables`);
}
const [existing] = await selectRows<{ n: number }>(
  db.orm,
  sql`SELECT count(*)::int AS n FROM cities`,
);
if (existing?.n) {
  log("the database already holds a city; use --reset to replace it with the demo city");
} else {
  const cityId = await ensureCity(db, { seed: "demo", city: config.city }, log);
  await ensureAccounts(db, cityId, "demo", log);
}
await db.close();
