// Reads the test-time query log (api/src/db/query-log.ts) and holds every statement the product
// sent to the city-join rule (city-joins.ts): used by tests/api/scaling.test.ts on its own log and
// by tests/run-all.mjs on the whole suite's (check-sql-log.ts).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { type CityJoinViolation, checkCityJoins, loadParser } from "./city-joins.ts";

export interface LoggedStatement {
  sql: string;
  /** The project's frames of its first call (query-log.ts); empty when the stack held none. */
  from: string[];
  /** The log file it was read from: which process sent it. */
  file: string;
}

/**
 * Joins allowed for now, each with the issue that removes it. The entry goes with the statement:
 * when the statement changes, the entry no longer matches and the check fails again.
 */
export const allowedJoins: { reason: string; statement: string }[] = [];

/** Every statement of a log folder, once (the first process that sent it names where it came from). */
export async function readSqlLog(folder: string): Promise<LoggedStatement[]> {
  const seen = new Map<string, LoggedStatement>();
  const files = (await readdir(folder)).filter((f) => f.endsWith(".sql")).sort();
  for (const file of files) {
    const text = await readFile(path.join(folder, file), "utf8");
    for (const line of text.split("\n")) {
      if (!line) continue;
      const entry = JSON.parse(line) as { sql: string; from: string[] };
      if (!seen.has(entry.sql)) seen.set(entry.sql, { ...entry, file });
    }
  }
  return [...seen.values()];
}

/** The tables and views with a city_id column, from the live schema: a new one is covered at once. */
export async function cityTables(db: Parameters<typeof selectRows>[0]): Promise<Set<string>> {
  const rows = await selectRows<{ name: string }>(
    db,
    sql`SELECT DISTINCT table_name AS name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'city_id'`,
  );
  // logins is a reference table on Citus (on every node): read by key before the city is known.
  return new Set(rows.map((r) => r.name).filter((name) => name !== "logins"));
}

export interface SqlLogVerdict {
  /** Statements the product sent, checked. */
  checked: number;
  /** Statements a test sent itself (setting up, looking at the data), not the product's: left out. */
  tests: number;
  violations: (CityJoinViolation & Omit<LoggedStatement, "sql">)[];
  /** Violations an allowedJoins entry lets through, with its reason. */
  allowed: { reason: string; statement: string }[];
}

/** A statement a test sent itself: its innermost project frame is in tests/ or a *.test.ts file. */
const sentByTest = (s: LoggedStatement) => /^tests\/|\.test\.tsx?:/.test(s.from[0] ?? "");

export async function judgeSqlLog(
  statements: LoggedStatement[],
  tables: ReadonlySet<string>,
): Promise<SqlLogVerdict> {
  await loadParser();
  const verdict: SqlLogVerdict = { checked: 0, tests: 0, violations: [], allowed: [] };
  for (const statement of statements) {
    if (sentByTest(statement)) {
      verdict.tests++;
      continue;
    }
    verdict.checked++;
    const found = checkCityJoins(statement.sql, tables);
    if (!found.length) continue;
    const allowance = allowedJoins.find((a) => statement.sql.includes(a.statement));
    if (allowance) {
      verdict.allowed.push({ reason: allowance.reason, statement: statement.sql });
      continue;
    }
    for (const v of found)
      verdict.violations.push({ ...v, from: statement.from, file: statement.file });
  }
  return verdict;
}

/** A violation as a person reads it: the tables left unlinked, the block, the statement, its callers. */
export function describeViolation(v: SqlLogVerdict["violations"][number]): string {
  const groups = v.groups.map((g) => `{${g.join(", ")}}`).join(" ⟂ ");
  return [
    `${groups || "the statement"}: no city_id equality links them in ${v.block}`,
    `  statement: ${v.statement.replace(/\s+/g, " ")}`,
    `  from: ${v.from.join(" ← ") || "(no caller on the stack)"} [${v.file}]`,
  ].join("\n");
}
