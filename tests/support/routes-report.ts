// A developer's report, not a test: the statements of a query log folder whose city tables are not
// all tied to a city value (checkCityRoutes), grouped by the code that sent them.
// Usage: tsx tests/support/routes-report.ts <folder>
import { openDb } from "@civgrid/api";
import { checkCityRoutes, loadParser } from "./city-joins.ts";
import { cityTables, readSqlLog } from "./sql-log.ts";

const folder = process.argv[2];
if (!folder) throw new Error("usage: routes-report.ts <query log folder>");
const statements = await readSqlLog(folder);
const db = await openDb({ dataDir: "memory://", sqlLog: "" });
await db.migrate();
const tables = await cityTables(db.orm);
await db.close();
await loadParser();
const bySite = new Map<string, string[]>();
for (const s of statements) {
  if (/^tests\/|\.test\.tsx?:/.test(s.from[0] ?? "")) continue;
  for (const v of checkCityRoutes(s.sql, tables)) {
    const site = s.from[0] ?? "(unknown)";
    bySite.set(site, [
      ...(bySite.get(site) ?? []),
      `${v.unbound?.join(",")}: ${s.sql.replace(/\s+/g, " ").slice(0, 220)}`,
    ]);
  }
}
for (const [site, list] of [...bySite].sort()) {
  console.log(`\n## ${site}`);
  for (const line of new Set(list)) console.log(`  - ${line}`);
}
console.log(`\n${bySite.size} sites`);
