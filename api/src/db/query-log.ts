// The test-time query log (issue 24): every distinct statement text a database handle sends, once
// per process, so that tests/support/city-joins.ts can hold each join of two city tables to its
// city_id equality. Off unless CIVGRID_SQL_LOG (config.ts) or OpenOptions.sqlLog names a folder;
// then each process appends to <folder>/<pid>[-<thread>].sql one JSON object a line:
// {"sql": "<statement>", "from": ["api/src/problems/queries.ts:120", …]}, `from` being the
// project's frames of the first call: the innermost ones and the outermost. A drizzle query runs
// in a later job when awaited, whose stack holds no caller: execute() (raw SQL, and so selectRows)
// is logged when it is called instead (logExecuteCalls); a query builder's `from` stays empty.
import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { threadId } from "node:worker_threads";
import { type Logger, type SQLWrapper, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Orm } from "./client.ts";

/** The workspace's root: frames are written relative to it. */
const root = fileURLToPath(new URL("../../../", import.meta.url));
/** Frames of this file, of the Db handle and of the drivers tell nothing about the caller. */
const plumbing = /node_modules|\/db\/client\.ts|\/db\/query-log\.ts|^node:|\(node:/;
/** The innermost frames kept, and then the outermost (the test, the server's start). */
const FRAMES = 3;

const logs = new Map<string, Logger>();

/** The log writing into `folder`, one per process and folder (so each text is written once). */
export function queryLog(folder: string): Logger {
  let log = logs.get(folder);
  if (!log) {
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `${process.pid}${threadId ? `-${threadId}` : ""}.sql`);
    const seen = new Set<string>();
    log = {
      logQuery(query) {
        if (seen.has(query)) return;
        seen.add(query);
        // Synchronous and small: a run sends a few thousand distinct texts, each written once, and
        // a test that ends right after its last query still finds it on disk.
        appendFileSync(file, `${JSON.stringify({ sql: query, from: callers() })}\n`);
      },
    };
    logs.set(folder, log);
  }
  return log;
}

/** The project's frames (file:line, relative to the root) of the current stack, innermost first. */
function callers(): string[] {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 60;
  const stack = new Error().stack ?? "";
  Error.stackTraceLimit = limit;
  const frames: string[] = [];
  for (const line of stack.split("\n").slice(1)) {
    const at = /(?:\(|at )(?:file:\/\/)?(\/[^()]+?):(\d+):\d+\)?$/.exec(line.trim());
    if (!at?.[1] || plumbing.test(line) || !at[1].startsWith(root)) continue;
    frames.push(`${path.relative(root, at[1])}:${at[2]}`);
  }
  return frames.length > FRAMES + 1
    ? [...frames.slice(0, FRAMES), frames.at(-1) as string]
    : frames;
}

/**
 * Logs each execute() of the handle and of its transactions when it is called, while the caller is
 * still on the stack; drizzle's own logging of it later finds the text already written.
 */
export function logExecuteCalls(orm: Orm, log: Logger) {
  const dialect = new PgDialect();
  const logCalls = (target: Pick<Orm, "execute">) => {
    const execute = target.execute.bind(target);
    target.execute = ((query: SQLWrapper | string) => {
      const statement = typeof query === "string" ? sql.raw(query) : query.getSQL();
      log.logQuery(dialect.sqlToQuery(statement).sql, []);
      return execute(query as SQLWrapper);
    }) as typeof target.execute;
  };
  logCalls(orm);
  const transaction = orm.transaction.bind(orm);
  orm.transaction = ((work, config) =>
    transaction((tx) => {
      logCalls(tx);
      return work(tx);
    }, config)) as typeof orm.transaction;
}
