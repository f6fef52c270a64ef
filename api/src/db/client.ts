// One database handle for both engines: embedded PGlite + PostGIS, or a PostgreSQL + PostGIS server.
import { PGlite } from "@electric-sql/pglite";
import { postgis } from "@electric-sql/pglite-postgis";
import type { SQL } from "drizzle-orm";
import { type PgDatabase, PgDialect, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema/index.ts";

export type Orm = PgDatabase<PgQueryResultHKT, typeof schema>;
/** Either the database or an open transaction: queries take whichever they are given. */
export type Executor = Pick<Orm, "execute" | "select" | "insert" | "update" | "delete">;
export type Engine = "pglite" | "postgres";

export interface Db {
  engine: Engine;
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
  onProgress?: (message: string) => void;
}

const migrationsFolder = new URL("./migrations", import.meta.url).pathname;

export async function openDb(options: OpenOptions): Promise<Db> {
  return options.databaseUrl ? openServer(options.databaseUrl) : openEmbedded(options);
}

async function openServer(url: string): Promise<Db> {
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const orm = drizzlePostgres(client, { schema });
  const dialect = new PgDialect();
  return {
    engine: "postgres",
    orm: orm as unknown as Orm,
    prepared: <T>(query: SQL) => {
      const { sql: text, params } = dialect.sqlToQuery(query);
      // drizzle's execute() leaves postgres-js unprepared, which costs a describe round trip.
      return client.unsafe(text, params as never[], { prepare: true }) as unknown as Promise<T[]>;
    },
    listen: async (channel, onMessage) => {
      const { unlisten } = await client.listen(channel, onMessage);
      return unlisten;
    },
    migrate: () => migratePostgres(orm, { migrationsFolder }),
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * PGlite is a single connection. It queues every query and every transaction behind one lock
 * (PGlite#_runExclusiveTransaction), so transactions from concurrent requests never interleave:
 * that lock is our one serialised path, and a test holds it to account.
 */
async function openEmbedded(options: OpenOptions): Promise<Db> {
  const started = Date.now();
  options.onProgress?.(`opening embedded PostGIS in ${options.dataDir} …`);
  const client = await PGlite.create(options.dataDir, {
    extensions: { postgis },
    ...(options.loadDataDir && { loadDataDir: options.loadDataDir }),
  });
  options.onProgress?.(`embedded PostGIS open (${Date.now() - started} ms)`);
  const orm = drizzlePglite(client, { schema });
  return {
    engine: "pglite",
    orm: orm as unknown as Orm,
    prepared: (query) => selectRows(orm as unknown as Orm, query),
    listen: (channel, onMessage) => client.listen(channel, onMessage),
    migrate: () => migratePglite(orm, { migrationsFolder }),
    close: () => client.close(),
  };
}

/** Runs raw SQL and returns its rows: postgres-js answers an array, PGlite an object with rows. */
export async function selectRows<T>(executor: Pick<Orm, "execute">, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
