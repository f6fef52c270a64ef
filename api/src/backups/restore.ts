// Restore (issue 21 item 6): fills an EMPTY embedded data directory or an EMPTY server database,
// and an empty files folder, from one archive of either engine. Every entry's SHA-256 is checked
// against the manifest before the database is touched. All or nothing: the files are unpacked
// into a temporary folder beside the files folder (same parent, so the same file system), an
// embedded database is built in one beside the data directory, a server's in one transaction;
// only when the database has loaded are the folders renamed into place. A failure anywhere
// removes the temporary folders, and the target stays as empty as it was.
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { postgis } from "@electric-sql/pglite-postgis";
import postgres from "postgres";
import tar from "tar-stream";
import { TEMP_DIR } from "../files/store.ts";
import type { MessageKey } from "../messages.ts";
import {
  ARCHIVE_FORMAT,
  DATABASE_ENTRY,
  FILES_PREFIX,
  MANIFEST_ENTRY,
  type Manifest,
} from "./archive.ts";

import { RestoreRefused } from "./problem.ts";

export { RestoreRefused };

export interface RestoreOptions {
  archive: string;
  databaseUrl?: string | undefined;
  dataDir: string;
  filesDir: string;
  /** Progress, as a message for the reader's language. */
  onProgress?: (key: MessageKey, params: Record<string, string | number>) => void;
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
        throw new RestoreRefused("restore.database_not_empty", {
          tables: rows.map((r) => r.name).join(", "),
        });
      }
    } finally {
      await client.end({ timeout: 5 });
    }
  } else {
    if (existsSync(path.join(options.dataDir, "postmaster.pid"))) {
      throw new RestoreRefused("restore.data_dir_running", { dir: options.dataDir });
    }
    const held = await entriesOf(options.dataDir);
    if (held.length) {
      throw new RestoreRefused("restore.data_dir_not_empty", {
        dir: options.dataDir,
        entries: held.slice(0, 3).join(", "),
      });
    }
  }
  const files = await entriesOf(options.filesDir, [TEMP_DIR]);
  if (files.length) {
    throw new RestoreRefused("restore.files_not_empty", { dir: options.filesDir });
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
        // Folders (a tar made by hand holds them) are made as their files need them.
        else if (name.startsWith(FILES_PREFIX) && header.type === "file") {
          const rel = name.slice(FILES_PREFIX.length);
          const target = path.resolve(staging, rel);
          if (!target.startsWith(`${path.resolve(staging)}${path.sep}`)) {
            throw new RestoreRefused("restore.path_outside", { name });
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
    throw new RestoreRefused("restore.unreadable", { archive, detail: error.message });
  });
  const m = manifest as Manifest | null;
  const dump = sqlText as Buffer | null;
  if (!m || m.format !== ARCHIVE_FORMAT || !dump) {
    throw new RestoreRefused("restore.not_backup", { archive });
  }
  if (sha256(dump) !== m.database.sha256) {
    throw new RestoreRefused("restore.dump_damaged", { archive });
  }
  for (const entry of m.files) {
    const got = hashes.get(entry.path);
    if (!got || got.sha256 !== entry.sha256) {
      throw new RestoreRefused("restore.file_damaged", { path: entry.path, archive });
    }
  }
  return { manifest: m, sql: dump.toString("utf8") };
}

/**
 * Runs the dump on the target engine: PGlite takes it through exec (into `embeddedDir`, the
 * temporary folder), a server as simple queries in one transaction.
 */
async function loadDump(options: RestoreOptions, text: string, embeddedDir: string) {
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
  const pg = await PGlite.create(embeddedDir, { extensions: { postgis } });
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

/** A temporary folder beside `target` (same parent, so a rename moves it into place). */
async function besides(target: string) {
  const resolved = path.resolve(target);
  await mkdir(path.dirname(resolved), { recursive: true });
  return mkdtemp(path.join(path.dirname(resolved), `.${path.basename(resolved)}.restore-`));
}

const isInside = (child: string, parent: string) =>
  path.resolve(child).startsWith(`${path.resolve(parent)}${path.sep}`);

/** Renames a finished temporary folder onto the (checked empty) target. */
async function moveIntoPlace(from: string, target: string) {
  // An app's leftover upload temp folder is all checkTarget lets a files folder hold.
  await rm(path.join(target, TEMP_DIR), { recursive: true, force: true });
  // rename(2) replaces an empty directory; the target holds nothing by now.
  await rename(from, target);
}

/** Restores an archive into an empty target; answers the archive's manifest. */
export async function restoreBackup(options: RestoreOptions): Promise<Manifest> {
  const log = options.onProgress ?? (() => {});
  await checkTarget(options);
  const data = options.databaseUrl ? null : await besides(options.dataDir);
  // FILES_DIR defaults to DATA_DIR/files: then the files go into the new data folder before it is
  // renamed into place, and both arrive at once.
  const within =
    data && isInside(options.filesDir, options.dataDir)
      ? path.relative(path.resolve(options.dataDir), path.resolve(options.filesDir))
      : null;
  const files = await besides(within === null ? options.filesDir : options.dataDir);
  try {
    log("restore.reading", { archive: options.archive });
    const { manifest, sql: text } = await unpack(options.archive, files);
    log("restore.checked", {
      time: manifest.createdAtChina,
      engine: manifest.engine,
      migrations: manifest.migrations,
      files: manifest.fileCount,
    });
    if (data) log("restore.loading_embedded", { dir: options.dataDir });
    else log("restore.loading_server", {});
    await loadDump(options, text, data ?? "");
    if (data && within !== null) {
      await mkdir(path.dirname(path.join(data, within)), { recursive: true });
      await rename(files, path.join(data, within));
      await moveIntoPlace(data, options.dataDir);
    } else {
      if (data) await moveIntoPlace(data, options.dataDir);
      await moveIntoPlace(files, options.filesDir);
    }
    log("restore.files_done", { files: manifest.fileCount, dir: options.filesDir });
    return manifest;
  } finally {
    await rm(files, { recursive: true, force: true });
    if (data) await rm(data, { recursive: true, force: true });
  }
}
