// The whole test suite, as `pnpm test` runs it: type check, lint, then every vitest project
// (geo, seeds, api, web, both database engines, the browser), then every statement the suite sent
// to a database held to the city-join rule (issue 24: tests/support/check-sql-log.ts). Ends with
// the plain line "N passed, N failed[, N skipped]" counted from vitest's JSON report.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const bin = (name) => `node_modules/.bin/${name}`;
const run = (label, command, args) => {
  console.log(`\n▶ ${label}`);
  const { status } = spawnSync(command, args, { stdio: "inherit" });
  if (status !== 0) console.error(`✖ ${label} failed (exit ${status})`);
  return status === 0;
};

const typecheck = run("type check (tsc)", bin("tsc"), ["-p", "tsconfig.json"]);
const lint = run("lint and format (biome)", bin("biome"), ["check", "."]);

mkdirSync(".reports", { recursive: true });
const report = ".reports/vitest.json";
// Every process the tests start (vitest's workers, the browser tests' servers) logs each distinct
// statement it sends here (api/src/db/query-log.ts).
const sqlLog = mkdtempSync(path.join(tmpdir(), "civgrid-sql-log-"));
process.env.CIVGRID_SQL_LOG = sqlLog;
const tests = run("tests (vitest)", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${report}`,
]);
delete process.env.CIVGRID_SQL_LOG;
const joins = run("every join of two city tables carries city_id", "tests/node_modules/.bin/tsx", [
  "tests/support/check-sql-log.ts",
  sqlLog,
]);
rmSync(sqlLog, { recursive: true, force: true });

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const json = JSON.parse(readFileSync(report, "utf8"));
  passed = json.numPassedTests;
  failed = json.numFailedTests;
  skipped = json.numPendingTests + json.numTodoTests;
  // A file that failed to load has no tests to count; count it as one failure.
  failed += json.testResults.filter(
    (f) => f.status === "failed" && f.assertionResults.length === 0,
  ).length;
} catch (error) {
  console.error(`could not read the test report ${report}: ${error.message}`);
  failed += 1;
}

// In CI a skipped test means a database engine or the browser was missing: that is a failure.
const skipsFail = process.env.CI === "true" && skipped > 0;
if (skipsFail) console.error(`✖ CI=true: ${skipped} tests were skipped`);
if (!typecheck || !lint) console.error("✖ the type check or the lint failed (see above)");
// A join without city_id counts as one failed test.
if (!joins) failed += 1;

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(typecheck && lint && tests && joins && failed === 0 && !skipsFail ? 0 : 1);
