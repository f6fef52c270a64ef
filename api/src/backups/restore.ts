// Restore (issue 21 item 6): fills an EMPTY embedded data directory or an EMPTY server database,
// and an empty files folder, from one archive of either engine. Every entry's SHA-256 is checked
// against the manifest before the database is touched; the files reach their place last.
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { postgis } from "@electric-sql/pglite-postgis";
import postgres from "postgres";
import tar from "tar-stream";
import { TEMP_DIR } from "../files/store.ts";
import {
  ARCHIVE_FORMAT,
  DATABASE_ENTRY,
  FILES_PREFIX,
  MANIFEST_ENTRY,
  type Manifest,
} from "./archive.ts";

/** A refusal the command line prints as it is (not a crash). */
export class RestoreRefused extends Error {}

export interface RestoreOptions {
  archive: string;
  databaseUrl?: string | undefined;
  dataDir: string;
  filesDir: string;
  onProgress?: (line: string) => void;
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function entriesOf(dir: string, ignore: string[] = []) {
  return (await readdir(dir).catch(() => [] as string[])).filter((n) => !ignore.includes(n));
}

/** Refuses a target that holds anything: a restore never merges into or overwrites data. */
export async function checkTarget(options: Omit<RestoreOptions, "archive">) {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, {
      max: 1,
      onnotice: () => {},
      connect_timeout: 5,
    });
    try {
      const rows = await client.unsafe<{ name: string }[]>(
        `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c
           JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
            AND NOT (n.nspname = 'public' AND c.relname = 'spatial_ref_sys')
            AND n.nspname NOT IN ('tiger', 'tiger_data', 'topology')
          LIMIT 3`,
      );
      if (rows.length) {
        throw new RestoreRefused(
          `The target database is not empty (it has ${rows.map((r) => r.name).join(", ")}…). Restore only fills an empty database: create a new one (CREATE DATABASE) and point DATABASE_URL at it.`,
        );
      }
    } finally {
      await client.end({ timeout: 5 });
    }
  } else {
    if (existsSync(path.join(options.dataDir, "postmaster.pid"))) {
      throw new RestoreRefused(
        `The data directory ${options.dataDir} is held by a running CivGrid (postmaster.pid is there). Stop the app first, and restore into an empty directory.`,
      );
    }
    const held = await entriesOf(options.dataDir);
    if (held.length) {
      throw new RestoreRefused(
        `The data directory ${options.dataDir} is not empty (${held.slice(0, 3).join(", ")}…). Restore only fills an empty directory: set DATA_DIR to a new one.`,
      );
    }
  }
  const files = await entriesOf(options.filesDir, [TEMP_DIR]);
  if (files.length) {
    throw new RestoreRefused(
      `The files folder ${options.filesDir} is not empty. Restore only fills an empty one: set FILES_DIR (or DATA_DIR) to a new folder.`,
    );
  }
}

/** Reads the archive: the dump into memory, the files into `staging`, each checked against the manifest. */
async function unpack(archive: string, staging: string) {
  let sqlText: Buffer | null = null;
  let manifest: Manifest | null = null;
  const hashes = new Map<string, { bytes: number; sha256: string }>();
  const extract = tar.extract();
  extract.on("entry", (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c: unknown) => chunks.push(c as Buffer));
    stream.on("error", next);
    stream.on("end", () => {
      const bytes = Buffer.concat(chunks);
      const name = header.name;
      (async () => {
        if (name === DATABASE_ENTRY) sqlText = bytes;
        else if (name === MANIFEST_ENTRY) manifest = JSON.parse(bytes.toString("utf8")) as Manifest;
        else if (name.startsWith(FILES_PREFIX)) {
          const rel = name.slice(FILES_PREFIX.length);
          const target = path.resolve(staging, rel);
          if (!target.startsWith(`${path.resolve(staging)}${path.sep}`)) {
            throw new RestoreRefused(`The archive holds a path outside the files folder: ${name}`);
          }
          await mkdir(path.dirname(target), { recursive: true });
          await writeFile(target, bytes);
          hashes.set(rel, { bytes: bytes.length, sha256: sha256(bytes) });
        }
      })().then(() => next(), next);
    });
  });
  await pipeline(createReadStream(archive), createGunzip(), extract).catch((error: Error) => {
    if (error instanceof RestoreRefused) throw error;
    throw new RestoreRefused(`${archive} is not a readable CivGrid backup: ${error.message}`);
  });
  const m = manifest as Manifest | null;
  const dump = sqlText as Buffer | null;
  if (!m || m.format !== ARCHIVE_FORMAT || !dump) {
    throw new RestoreRefused(
      `${archive} is not a CivGrid backup (no manifest or no database dump).`,
    );
  }
  if (sha256(dump) !== m.database.sha256) {
    throw new RestoreRefused(`The database dump in ${archive} is damaged (checksum mismatch).`);
  }
  for (const entry of m.files) {
    const got = hashes.get(entry.path);
    if (!got || got.sha256 !== entry.sha256) {
      throw new RestoreRefused(`The file ${entry.path} in ${archive} is missing or damaged.`);
    }
  }
  return { manifest: m, sql: dump.toString("utf8") };
}

/** Runs the dump on the target engine: PGlite takes it through exec, a server as simple queries. */
async function loadDump(options: RestoreOptions, text: string) {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, {
      max: 1,
      onnotice: () => {},
      connection: { statement_timeout: 0 },
    });
    try {
      await client.begin(async (tx) => {
        await tx.unsafe("CREATE EXTENSION IF NOT EXISTS postgis");
        // One simple-protocol message with every statement (INSERTs only: no COPY from stdin).
        await tx.unsafe(text).simple();
      });
    } finally {
      await client.end({ timeout: 5 });
    }
    return;
  }
  await mkdir(options.dataDir, { recursive: true });
  const pg = await PGlite.create(options.dataDir, { extensions: { postgis } });
  try {
    // The embedded dump leaves PostGIS out (see dump.ts): it is created first, as migrations do.
    await pg.exec("CREATE EXTENSION IF NOT EXISTS postgis");
    await pg.transaction(async (tx) => {
      await tx.exec(text);
    });
  } finally {
    await pg.close();
  }
}

/** Restores an archive into an empty target; answers the archive's manifest. */
export async function restoreBackup(options: RestoreOptions): Promise<Manifest> {
  const log = options.onProgress ?? (() => {});
  await checkTarget(options);
  const staging = path.join(options.filesDir, TEMP_DIR, `restore-${randomUUID()}`);
  await mkdir(staging, { recursive: true });
  try {
    log(`reading ${options.archive} …`);
    const { manifest, sql: text } = await unpack(options.archive, staging);
    log(
      `backup of ${manifest.createdAtChina} (${manifest.engine}, ${manifest.migrations} migrations, ${manifest.fileCount} files): checksums match`,
    );
    log(
      `loading the database (${options.databaseUrl ? "PostgreSQL server" : `embedded, ${options.dataDir}`}) …`,
    );
    await loadDump(options, text);
    for (const entry of manifest.files) {
      const target = path.join(options.filesDir, entry.path);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(path.join(staging, entry.path), target);
    }
    log(`restored ${manifest.fileCount} files into ${options.filesDir}`);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
