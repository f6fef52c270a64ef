// `pnpm --filter @civgrid/api import:problems <file.csv>`: loads problems in bulk into the
// configured database's city (DATABASE_URL or DATA_DIR, as the server), routed to their grids,
// with progress on stderr. All rows or none: a bad row is named by its line and nothing is written.
import { sql } from "drizzle-orm";
import { loadConfig } from "./config.ts";
import { openDb, selectRows } from "./db/client.ts";
import { ImportRefused, importProblems } from "./problems/bulk-import.ts";

const file = process.argv[2];
if (!file) {
  console.error("用法 usage: pnpm --filter @civgrid/api import:problems <file.csv>");
  console.error(
    "表头须含 lon, lat, description；可选 reported, item, deduction, severity, source, status",
  );
  process.exit(2);
}
const config = loadConfig();
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
let status = 0;
try {
  await db.migrate();
  const [city] = await selectRows<{ id: number; name: string }>(
    db.orm,
    sql`SELECT id, name FROM cities WHERE code = ${config.city.code}`,
  );
  if (!city)
    throw new Error(`没有城市 ${config.city.code} no such city: start the server once first`);
  // Each phase's rate from its own start: checking reads the file, importing writes and routes.
  const started = { checking: Date.now(), importing: 0 };
  const result = await importProblems(db, city.id, file, ({ phase, done, of }) => {
    if (phase === "importing" && !started.importing) started.importing = Date.now() - 1;
    const rate = Math.round(done / Math.max(0.001, (Date.now() - started[phase]) / 1000));
    const share = of ? ` / ${of.toLocaleString("en")} (${Math.floor((100 * done) / of)}%)` : "";
    const word = phase === "checking" ? "检查 checked" : "导入 imported";
    process.stderr.write(
      `\r${word} ${done.toLocaleString("en")}${share}, ${rate.toLocaleString("en")}/s   `,
    );
  });
  process.stderr.write("\n");
  console.log(
    `${city.name}: 导入 ${result.imported} 个问题 imported；落在网格内 ${result.inGrid} in a grid，` +
      `不在任何网格内、已派给最近的网格 ${result.nearest} routed to the nearest grid`,
  );
} catch (error) {
  process.stderr.write("\n");
  console.error(
    error instanceof ImportRefused ? `未导入任何问题 nothing imported:\n${error.message}` : error,
  );
  status = 1;
} finally {
  await db.close();
}
process.exit(status);
