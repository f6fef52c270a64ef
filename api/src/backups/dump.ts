// A logical dump of the database, taken in one snapshot together with the list of stored files'
// hashes, on either engine. Plain SQL with INSERTs (no COPY … FROM stdin), so the same text
// restores onto PGlite (exec) and onto a server (simple-query protocol): an office can move up.
import { spawn } from "node:child_process";
import type { PGlite } from "@electric-sql/pglite";
import { protocol } from "@electric-sql/pglite";
import { pgDump } from "@electric-sql/pglite-tools/pg_dump";
import type postgres from "postgres";
import type { Db } from "../db/client.ts";
import { BackupFailed } from "./problem.ts";

export interface Dump {
  sql: string;
  /** The `files` rows' hashes in the dump's snapshot: the blobs the archive must hold. */
  fileHashes: string[];
  /** Rows in drizzle's migration journal: the schema version the dump carries. */
  migrations: number;
}

/** Options both pg_dump builds get: no owners or grants (the target's user owns everything). */
const DUMP_ARGS = ["--no-owner", "--no-privileges", "--rows-per-insert=200"];
const FILE_HASHES = "SELECT DISTINCT sha256 FROM files ORDER BY sha256";
const MIGRATIONS = "SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations";

export function dumpDatabase(db: Db, databaseUrl?: string): Promise<Dump> {
  if (db.engine === "pglite")
    return dumpEmbedded((db.orm as unknown as { $client: PGlite }).$client);
  if (!databaseUrl) throw new BackupFailed("backup.no_database_url");
  return dumpServer((db.orm as unknown as { $client: postgres.Sql }).$client, databaseUrl);
}

/**
 * Lines one engine's dump has that the other cannot run: psql's \restrict/\unrestrict guards
 * (pg_dump ≥ 15.14; neither PGlite nor a simple query knows psql commands) and PostgreSQL 17's
 * transaction_timeout (PGlite's pg_dump is 17; the server here is 15).
 */
export function portableSql(text: string): string {
  return text
    .split("\n")
    .filter((line) => !/^\\(restrict|unrestrict) \w+$/.test(line))
    .filter((line) => line !== "SET transaction_timeout = 0;")
    .join("\n");
}

/** Runs a simple query on PGlite's one connection without taking its locks (we hold them). */
async function unlockedQuery(pg: PGlite, text: string) {
  const { messages } = await pg.execProtocol(protocol.serialize.query(text));
  let names: string[] = [];
  const rows: Record<string, string | null>[] = [];
  for (const message of messages) {
    if (message.name === "rowDescription") {
      names = (message as unknown as { fields: { name: string }[] }).fields.map((f) => f.name);
    } else if (message.name === "dataRow") {
      const fields = (message as unknown as { fields: (string | null)[] }).fields;
      rows.push(Object.fromEntries(names.map((n, i) => [n, fields[i] ?? null])));
    }
  }
  return { rows };
}

/**
 * PGlite is one connection, and pg_dump's WASM build speaks on it directly: an app transaction
 * left open between two statements would swallow pg_dump's BEGIN/COMMIT. So the dump holds both
 * of PGlite's locks (transactions and single queries) for its whole run: writes wait, and the
 * snapshot is the database between two transactions. pg_dump's own helper queries then go
 * through an unlocked facade. PostGIS is left out of the dump (`--exclude-extension`): dumping
 * its objects makes the WASM pg_dump hang, and restore creates the extension first anyway.
 */
async function dumpEmbedded(pg: PGlite): Promise<Dump> {
  const internal = pg as unknown as {
    _runExclusiveTransaction<T>(work: () => Promise<T>): Promise<T>;
    _runExclusiveQuery<T>(work: () => Promise<T>): Promise<T>;
  };
  return internal._runExclusiveTransaction(() =>
    internal._runExclusiveQuery(async () => {
      const hashes = await unlockedQuery(pg, FILE_HASHES);
      const journal = await unlockedQuery(pg, MIGRATIONS);
      const facade = {
        query: (text: string) => unlockedQuery(pg, text),
        exec: (text: string) => pg.execProtocol(protocol.serialize.query(text)),
        execProtocolRawStream: pg.execProtocolRawStream.bind(pg),
      } as unknown as PGlite;
      const searchPath = (await unlockedQuery(pg, "SHOW search_path")).rows[0]?.search_path;
      let file: File;
      try {
        file = await pgDump({ pg: facade, args: [...DUMP_ARGS, "--exclude-extension=postgis"] });
      } finally {
        // pg_dump ends by dropping its connection, which on a server ends its READ ONLY
        // transaction; PGlite's one connection lives on, so the transaction and pg_dump's session
        // settings are ended here, or the app's next INSERT fails (25006: read-only transaction).
        await unlockedQuery(pg, "ROLLBACK");
        await unlockedQuery(pg, "RESET ALL");
        if (searchPath) await unlockedQuery(pg, `SET search_path = ${searchPath}`);
      }
      return {
        sql: portableSql(await file.text()),
        fileHashes: hashes.rows.map((r) => String(r.sha256)),
        migrations: Number(journal.rows[0]?.n ?? 0),
      };
    }),
  );
}

/**
 * The server: one REPEATABLE READ transaction exports its snapshot; pg_dump (Debian's, same
 * major as the server) dumps exactly that snapshot, and the file list is read in it too, so the
 * database and the list of blobs agree while writes go on.
 */
async function dumpServer(client: postgres.Sql, url: string): Promise<Dump> {
  const connection = await client.reserve();
  try {
    await connection.unsafe("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const [snapshot] = await connection.unsafe<{ id: string }[]>(
      "SELECT pg_export_snapshot() AS id",
    );
    const hashes = await connection.unsafe<{ sha256: string }[]>(FILE_HASHES);
    const [journal] = await connection.unsafe<{ n: number }[]>(MIGRATIONS);
    const text = await runPgDump(url, [...DUMP_ARGS, `--snapshot=${snapshot?.id}`]);
    await connection.unsafe("COMMIT");
    return {
      sql: portableSql(text),
      fileHashes: hashes.map((r) => r.sha256),
      migrations: Number(journal?.n ?? 0),
    };
  } catch (error) {
    await connection.unsafe("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    connection.release();
  }
}

/** A pg_dump that hangs (a lock it waits on, a dead network) is stopped after this long. */
const DUMP_TIMEOUT_MINUTES = 60;

function runPgDump(url: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("pg_dump", ["--dbname", url, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    let err = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM");
    }, DUMP_TIMEOUT_MINUTES * 60_000);
    timer.unref();
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new BackupFailed("backup.dump_not_installed", { detail: error.message }));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (timedOut)
        reject(new BackupFailed("backup.dump_timeout", { minutes: DUMP_TIMEOUT_MINUTES }));
      else if (code === 0) resolve(Buffer.concat(out).toString("utf8"));
      else
        reject(new BackupFailed("backup.dump_failed", { code: String(code), detail: err.trim() }));
    });
  });
}
