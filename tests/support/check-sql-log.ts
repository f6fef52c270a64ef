// The suite's last step (tests/run-all.mjs): every statement the suite's processes sent, read from
// the query log folder CIVGRID_SQL_LOG named for the run, held to the city-join rule. Prints each
// violation with its statement and where it came from; exits 1 on any, or when nothing was logged.
// Usage: tsx tests/support/check-sql-log.ts <folder>
import { openDb } from "@civgrid/api";
import { allowedJoins, cityTables, describeViolation, judgeSqlLog, readSqlLog } from "./sql-log.ts";

const folder = process.argv[2];
if (!folder) throw new Error("usage: check-sql-log.ts <query log folder>");

const statements = await readSqlLog(folder);
if (!statements.length) {
  console.error(`✖ city joins: nothing was logged in ${folder} (is the query log hook broken?)`);
  process.exit(1);
}
// The city tables of the live schema: an embedded database from the schema snapshot, not logged.
const db = await openDb({ dataDir: "memory://", sqlLog: "" });
let tables: Set<string>;
try {
  await db.migrate();
  tables = await cityTables(db.orm);
} finally {
  await db.close();
}
const verdict = await judgeSqlLog(statements, tables);
for (const v of verdict.violations) console.error(`✖ ${describeViolation(v)}\n`);
const reasons = new Set(verdict.allowed.map((a) => a.reason));
const unused = allowedJoins.filter((a) => !reasons.has(a.reason));
for (const a of unused) console.error(`✖ an allowed join nothing sent any more: ${a.reason}`);
console.log(
  `city joins: ${verdict.checked} statements of the product checked against ${tables.size} city tables ` +
    `(${verdict.tests} sent by tests themselves left out), ${verdict.violations.length} without city_id, ` +
    `${verdict.allowed.length} allowed (${[...reasons].join("; ") || "none"})`,
);
process.exit(verdict.violations.length || unused.length ? 1 : 0);
