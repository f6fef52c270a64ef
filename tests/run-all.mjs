// The whole test suite, as `pnpm test` runs it: type check, lint, then every vitest project
// (geo, seeds, api, web, both database engines, the browser). Ends with the plain line
// "N passed, N failed[, N skipped]" counted from vitest's JSON report.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";

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
const tests = run("tests (vitest)", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${report}`,
]);

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

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(typecheck && lint && tests && failed === 0 && !skipsFail ? 0 : 1);
