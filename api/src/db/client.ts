// One database handle for both engines: embedded PGlite + PostGIS, or a PostgreSQL + PostGIS server.
import { existsSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { type Logger, type SQL, sql } from "drizzle-orm";
import { type PgDatabase, PgDialect, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { sqlLogFolder } from "../config.ts";
import {
  leanPostgis,
  migrationsFolder,
  readSchemaSnapshot,
  schemaSnapshotFile,
  unpackSchemaSnapshot,
  writeSchemaSnapshot,
} from "./embedded-assets.ts";
import { CommitOutcomeUnknown, databaseFailureOf, isRetryable, isUnavailable } from "./failures.ts";
import { logExecuteCalls, queryLog } from "./query-log.ts";
import * as schema from "./schema/index.ts";

export type Orm = PgDatabase<PgQueryResultHKT, typeof schema>;
/** Either the database or an open transaction: queries take whichever they are given. */
export type Executor = Pick<Orm, "execute" | "select" | "insert" | "update" | "delete">;
export type Engine = "pglite" | "postgres";

export interface Db {
  engine: Engine;
  /** Where it is, without user or password: host:port/database, or the embedded data directory. */
  label: string;
  orm: Orm;
  /**
   * Runs a read whose statement text is fixed (only parameters change) as a named prepared
   * statement where the driver keeps them (postgres-js, per connection): one round trip, no
   * parsing or planning after the first. A hot path's statement only: every distinct text stays
   * prepared on every connection. On PGlite, a plain query.
   */
  prepared<T>(query: SQL): Promise<T[]>;
  /** LISTEN on a channel: `onMessage` hears every NOTIFY payload once committed; call the answer to stop. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  /** Applies every pending migration (both engines run the same SQL files). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; "memory://" keeps it in memory (tests). */
  dataDir: string;
  /** PGlite: start from this tarball of a data directory (PGlite#dumpDataDir) instead of an empty one. */
  loadDataDir?: Blob | undefined;
  /**
   * PGlite: a fresh database starts from the schema snapshot (embedded-assets.ts); false replays
   * every migration instead (the test that holds the snapshot to the migrations).
   */
  schemaSnapshot?: boolean;
  onProgress?: (message: string) => void;
  /**
   * A folder to log every distinct statement this handle sends (db/query-log.ts); default
   * CIVGRID_SQL_LOG; "" or both unset: no log (drizzle's no-op logger, nothing else per query).
   * Migrations are left out: DDL and one-off data steps, run before a database is distributed.
   */
  sqlLog?: string | undefined;
}

/** work_mem of the server's connections: ten of them at most, so at most ~320 MB for sorts. */
export const SERVER_WORK_MEM = "32MB";
/** work_mem of the embedded engine's one connection: one statement at a time. */
export const EMBEDDED_WORK_MEM = "32MB";

/**
 * The embedded engine's postgres settings (issue 23 item 4). PGlite's initdb leaves the server
 * defaults sized for many connections: 160 MB of shared buffers, allocated in the WASM heap,
 * which never shrinks. One connection reading a city's tables through the operating system's page
 * cache needs far less; the tile and analytics sorts have their work_mem, as on the server
 * (PGlite has no JIT to turn off). No statement_timeout: PGlite 0.5.8 runs a statement
 * synchronously on Node's event loop and its timers are setTimeouts, which cannot fire until the
 * statement has ended (measured: statement_timeout = 500 ms, a 30-million-row count ran 21.9 s
 * and finished). Fresh planner statistics (db/maintenance.ts) keep requests short on this engine.
 */
export const EMBEDDED_SETTINGS = {
  work_mem: EMBEDDED_WORK_MEM,
  shared_buffers: "32MB",
  max_connections: "5",
  wal_buffers: "1MB",
  temp_buffers: "4MB",
  maintenance_work_mem: "32MB",
} as const;

export async function openDb(options: OpenOptions): Promise<Db> {
  const folder = options.sqlLog ?? sqlLogFolder();
  const logger = folder ? queryLog(folder) : undefined;
  return options.databaseUrl
    ? openServer(options.databaseUrl, logger)
    : openEmbedded(options, logger);
}

/**
 * Reliability (issue 21): during an outage a request must hear 503 within 5 s, so a connection
 * that cannot be made in 3 s is given up; a statement that runs past five minutes is stopped
 * (57014 → 503) so a stuck query cannot hold a connection for ever. (One minute cancelled the demo
 * city's seeding on a loaded machine.) Migrations are exempt (see migrate).
 */
export const CONNECT_TIMEOUT_S = 3;
export const STATEMENT_TIMEOUT_MS = 300_000;
/** A transaction that lost a serialization race or a deadlock is run again this many times. */
const TRANSACTION_ATTEMPTS = 3;

/**
 * Wraps orm.transaction once for every caller: a serialization failure or deadlock (40001/40P01)
 * runs the transaction again (then 409), and a connection lost while the COMMIT was under way is
 * reported as CommitOutcomeUnknown — the write may have been made, so it must not be called failed.
 */
function guardTransactions(orm: Orm) {
  const transaction = orm.transaction.bind(orm);
  orm.transaction = (async (work: Parameters<typeof transaction>[0], config) => {
    for (let attempt = 1; ; attempt++) {
      let committing = false;
      try {
        return await transaction(async (tx) => {
          const result = await work(tx);
          committing = true;
          return result;
        }, config);
      } catch (error) {
        const failure = databaseFailureOf(error);
        if (committing && isUnavailable(failure)) throw new CommitOutcomeUnknown(error);
        if (!isRetryable(failure) || attempt >= TRANSACTION_ATTEMPTS) throw error;
      }
    }
  }) as typeof orm.transaction;
}

async function openServer(url: string, logger: Logger | undefined): Promise<Db> {
  const client = postgres(url, {
    max: 10,
    onnotice: () => {},
    connect_timeout: CONNECT_TIMEOUT_S,
    // Between attempts to reach a server that went away: postgres-js's own backoff grows to 20 s,
    // and a query waits it out; at most half a second keeps an outage's answer within 5 s.
    backoff: (retries: number) => Math.min(0.1 * retries, 0.5),
    // Per connection, for every statement: JIT compiling cost ~0.9 s of a z10 problems tile and
    // 0.3–0.45 s of a z12 one on each connection's first runs, and no request of ours runs long
    // enough to earn it back. The tile and hotspot sorts and hash aggregates over a city's
    // problems spill to disk at the default 4 MB.
    connection: {
      jit: "off",
      work_mem: SERVER_WORK_MEM,
      statement_timeout: STATEMENT_TIMEOUT_MS,
    },
  });
  const orm = drizzlePostgres(client, { schema, logger });
  if (logger) logExecuteCalls(orm as unknown as Orm, logger);
  guardTransactions(orm as unknown as Orm);
  const dialect = new PgDialect();
  return {
    engine: "postgres",
    label: describeUrl(url),
    orm: orm as unknown as Orm,
    prepared: <T>(query: SQL) => {
      const { sql: text, params } = dialect.sqlToQuery(query);
      logger?.logQuery(text, params);
      // drizzle's execute() leaves postgres-js unprepared, which costs a describe round trip.
      return client.unsafe(text, params as never[], { prepare: true }) as unknown as Promise<T[]>;
    },
    listen: async (channel, onMessage) => {
      const { unlisten } = await client.listen(channel, onMessage);
      return unlisten;
    },
    // A migration may rebuild a large table: no statement timeout on its own connection.
    migrate: async () => {
      const migrator = postgres(url, {
        max: 1,
        onnotice: () => {},
        connection: { statement_timeout: 0 },
      });
      try {
        await migratePostgres(drizzlePostgres(migrator, { schema }), { migrationsFolder });
      } finally {
        await migrator.end({ timeout: 5 });
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * PGlite is a single connection. It queues every query and every transaction behind one lock
 * (PGlite#_runExclusiveTransaction), so transactions from concurrent requests never interleave:
 * that lock is our one serialised path, and a test holds it to account.
 */
async function openEmbedded(options: OpenOptions, logger: Logger | undefined): Promise<Db> {
  const started = Date.now();
  const log = options.onProgress ?? (() => {});
  log(`opening embedded PostGIS in ${options.dataDir} …`);
  // A fresh database starts from the schema snapshot when there is one (embedded-assets.ts).
  const fresh =
    options.schemaSnapshot !== false && isFreshDataDir(options.dataDir) && !options.loadDataDir;
  const snapshotFile = fresh ? await schemaSnapshotFile() : undefined;
  const fromSnapshot = snapshotFile !== undefined && existsSync(snapshotFile);
  // On disk, Node unpacks it (seconds faster); in memory, PGlite's loadDataDir does.
  const inMemory = options.dataDir.startsWith("memory://");
  if (fromSnapshot && !inMemory) await unpackSchemaSnapshot(snapshotFile, options.dataDir);
  const snapshot = fromSnapshot && inMemory ? await readSchemaSnapshot(snapshotFile) : undefined;
  const loadDataDir = options.loadDataDir ?? snapshot;
  const client = await PGlite.create(options.dataDir, {
    extensions: { postgis: await leanPostgis(log) },
    startParams: [
      ...PGlite.defaultStartParams,
      ...Object.entries(EMBEDDED_SETTINGS).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    ...(loadDataDir && { loadDataDir }),
  });
  log(
    `embedded PostGIS open (${Date.now() - started} ms${fromSnapshot ? ", from the schema snapshot" : ""})`,
  );
  const orm = drizzlePglite(client, { schema, logger });
  if (logger) logExecuteCalls(orm as unknown as Orm, logger);
  let snapshotKept = false;
  return {
    engine: "pglite",
    label: options.dataDir,
    orm: orm as unknown as Orm,
    prepared: (query) => selectRows(orm as unknown as Orm, query),
    listen: (channel, onMessage) => client.listen(channel, onMessage),
    migrate: async () => {
      // Through a handle of its own without the query log (OpenOptions.sqlLog).
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
      // The first fresh database made without a snapshot leaves one for the next: once, and only
      // while it is still empty (every row of ours hangs on a city).
      const keep = snapshotFile && !fromSnapshot && !snapshotKept;
      snapshotKept = true;
      if (
        keep &&
        !(await selectRows(orm as unknown as Orm, sql`SELECT 1 FROM cities LIMIT 1`)).length
      ) {
        try {
          await writeSchemaSnapshot(snapshotFile, await client.dumpDataDir("gzip"));
          log("schema snapshot kept for the next fresh database");
        } catch (error) {
          log(`the schema snapshot could not be written: ${(error as Error).message}`);
        }
      }
    },
    close: () => client.close(),
  };
}

/** An in-memory database, or a data directory PostgreSQL has not been initialised in yet. */
function isFreshDataDir(dataDir: string): boolean {
  if (dataDir.startsWith("memory://")) return true;
  return !existsSync(path.join(dataDir, "PG_VERSION"));
}

/** Host, port and database of a URL, without its user or password: what health may show. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "?";
  }
}

/** Runs raw SQL and returns its rows: postgres-js answers an array, PGlite an object with rows. */
export async function selectRows<T>(executor: Pick<Orm, "execute">, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The one row a query finds (by its key), or null when there is none. */
export async function selectOne<T>(executor: Pick<Orm, "execute">, query: SQL): Promise<T | null> {
  const [row] = await selectRows<T>(executor, query);
  return row ?? null;
}

/**
 * Turns a step written for a caller's transaction into a service that opens its own: the result
 * takes the database instead of the transaction. Steps that others compose into a larger
 * transaction (seeds, imports) stay callable with a transaction as they are.
 */
export function inTransaction<A extends unknown[], R>(
  step: (tx: Executor, ...args: A) => Promise<R>,
): (orm: Orm, ...args: A) => Promise<R> {
  return (orm, ...args) => orm.transaction((tx) => step(tx, ...args));
}
