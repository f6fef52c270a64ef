// Reading the query log and judging it: each statement once, a test's own statements left out,
// nothing let through now that the sign-in lookups read logins first (issue 24), every violation
// named with its callers.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { allowedJoins, judgeSqlLog, readSqlLog } from "./sql-log.ts";

const cityTables = new Set(["problems", "grids", "sessions", "users"]);
const unlinked = "SELECT 1 FROM problems p JOIN grids g ON g.id = p.grid_id";
const linked =
  "SELECT 1 FROM problems p JOIN grids g ON g.id = p.grid_id AND g.city_id = p.city_id";
const line = (sql: string, from: string[]) => `${JSON.stringify({ sql, from })}\n`;

const folder = await mkdtemp(path.join(tmpdir(), "civgrid-sql-log-test-"));
afterAll(() => rm(folder, { recursive: true, force: true }));

it("judges each statement once: the product's, not a test's own, nothing let through", async () => {
  const session = `SELECT u.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`;
  expect(allowedJoins).toEqual([]);
  await writeFile(
    path.join(folder, "100.sql"),
    line(unlinked, ["api/src/problems/queries.ts:10", "tests/api/x.test.ts:5"]) +
      line(linked, ["api/src/problems/queries.ts:20"]) +
      line(session, ["api/src/accounts/sessions.ts:45"]),
  );
  await writeFile(
    path.join(folder, "200.sql"),
    line(unlinked, ["api/src/other.ts:1"]) +
      line(`${unlinked} WHERE p.id = 1`, ["tests/api/y.test.ts:9"]) +
      line(`${unlinked} WHERE p.id = 2`, ["api/src/backups/run.test.ts:3"]),
  );
  const statements = await readSqlLog(folder);
  expect(statements).toHaveLength(5);
  const verdict = await judgeSqlLog(statements, cityTables);
  expect(verdict).toMatchObject({ checked: 3, tests: 2 });
  expect(verdict.allowed).toEqual([]);
  expect(verdict.violations).toEqual([
    expect.objectContaining({
      statement: unlinked,
      groups: [["problems p"], ["grids g"]],
      from: ["api/src/problems/queries.ts:10", "tests/api/x.test.ts:5"],
      file: "100.sql",
    }),
    expect.objectContaining({
      statement: session,
      groups: [["sessions s"], ["users u"]],
      from: ["api/src/accounts/sessions.ts:45"],
    }),
  ]);
});
