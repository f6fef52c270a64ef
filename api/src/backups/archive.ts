// Backups (issue 21 item 6): one .tar.gz per backup holding the database's logical dump, the
// uploaded files it refers to, and a manifest (time in China time, engine, schema version, file
// count, a SHA-256 for every entry). A sidecar <name>.json beside it lets the list be read
// without opening archives. Written under a temporary name and renamed once whole.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { chinaDateTime, chinaWallClock } from "@civgrid/geo";
import tar from "tar-stream";
import type { Db, Engine } from "../db/client.ts";
import { blobPath, thumbnailPath } from "../files/store.ts";
import { dumpDatabase } from "./dump.ts";
import { BackupFailed, BackupProblem } from "./problem.ts";

export const ARCHIVE_FORMAT = 1;
export const DATABASE_ENTRY = "database.sql";
export const MANIFEST_ENTRY = "manifest.json";
export const FILES_PREFIX = "files/";

export interface ManifestEntry {
  path: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof ARCHIVE_FORMAT;
  app: "civgrid";
  /** UTC instant, and the same moment in China time as people read it. */
  createdAt: string;
  createdAtChina: string;
  engine: Engine;
  migrations: number;
  fileCount: number;
  database: ManifestEntry;
  files: ManifestEntry[];
}

export interface BackupSummary {
  name: string;
  createdAt: string;
  size: number;
  engine: Engine;
  migrations: number;
  fileCount: number;
}

const NAME = /^civgrid-backup-\d{8}-\d{6}(-\d+)?\.tar\.gz$/;
export const isBackupName = (name: string) => NAME.test(name);

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

async function exists(file: string) {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Every file under `dir`, relative paths with / separators; none when it is absent. */
async function walk(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await walk(path.join(dir, entry.name), rel)));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** The files a backup holds: each stored blob of the dump's snapshot (and its thumbnail), and the uploaded basemap. */
async function filesToKeep(filesDir: string, hashes: string[]): Promise<string[]> {
  const keep: string[] = [];
  for (const hash of hashes) {
    for (const file of [blobPath(filesDir, hash), thumbnailPath(filesDir, hash)]) {
      if (await exists(file)) keep.push(path.relative(filesDir, file).split(path.sep).join("/"));
      else if (file === blobPath(filesDir, hash)) {
        throw new BackupFailed("backup.file_missing", { hash, dir: filesDir });
      }
    }
  }
  for (const rel of await walk(path.join(filesDir, "basemap"))) keep.push(`basemap/${rel}`);
  return keep;
}

function backupName(now: Date, attempt: number) {
  const wall = chinaWallClock(now);
  const stamp = `${wall.slice(0, 10).replaceAll("-", "")}-${wall.slice(11, 19).replaceAll(":", "")}`;
  return `civgrid-backup-${stamp}${attempt ? `-${attempt}` : ""}.tar.gz`;
}

export interface BackupOptions {
  db: Db;
  databaseUrl?: string | undefined;
  filesDir: string;
  backupDir: string;
  now?: Date;
}

/** Writes one archive into backupDir and answers its summary. */
export async function createBackup(options: BackupOptions): Promise<BackupSummary> {
  try {
    return await writeBackup(options);
  } catch (error) {
    if (error instanceof BackupProblem) throw error;
    // The file system's refusals (ENOSPC, EACCES, EROFS…) say which folder and why.
    const fsError = error as NodeJS.ErrnoException;
    if (typeof fsError.code === "string" && typeof fsError.path === "string") {
      throw new BackupFailed("backup.disk", {
        dir: options.backupDir,
        detail: (error as Error).message,
      });
    }
    throw error;
  }
}

async function writeBackup(options: BackupOptions): Promise<BackupSummary> {
  const { db, filesDir, backupDir } = options;
  const now = options.now ?? new Date();
  await mkdir(backupDir, { recursive: true });
  const dump = await dumpDatabase(db, options.databaseUrl);
  const files = await filesToKeep(filesDir, dump.fileHashes);

  let name = backupName(now, 0);
  for (let attempt = 1; await exists(path.join(backupDir, name)); attempt++) {
    name = backupName(now, attempt);
  }
  const partial = path.join(backupDir, `.${name}.partial`);
  const pack = tar.pack();
  const written = pipeline(pack, createGzip(), createWriteStream(partial));
  const addEntry = (entry: string, bytes: Buffer) =>
    new Promise<void>((resolve, reject) =>
      pack.entry({ name: entry, size: bytes.length, mtime: now }, bytes, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  try {
    const sqlBytes = Buffer.from(dump.sql, "utf8");
    await addEntry(DATABASE_ENTRY, sqlBytes);
    const entries: ManifestEntry[] = [];
    for (const rel of files) {
      // Content-addressed blobs are small (photos, documents): read whole, hashed as written.
      const bytes = await readFile(path.join(filesDir, rel));
      await addEntry(`${FILES_PREFIX}${rel}`, bytes);
      entries.push({ path: rel, bytes: bytes.length, sha256: sha256(bytes) });
    }
    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      app: "civgrid",
      createdAt: now.toISOString(),
      createdAtChina: `${chinaDateTime(now)} (UTC+8)`,
      engine: db.engine,
      migrations: dump.migrations,
      fileCount: entries.length,
      database: { path: DATABASE_ENTRY, bytes: sqlBytes.length, sha256: sha256(sqlBytes) },
      files: entries,
    };
    await addEntry(MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest, null, 2)));
    pack.finalize();
    await written;
    const final = path.join(backupDir, name);
    await rename(partial, final);
    const summary: BackupSummary = {
      name,
      createdAt: manifest.createdAt,
      size: (await stat(final)).size,
      engine: manifest.engine,
      migrations: manifest.migrations,
      fileCount: manifest.fileCount,
    };
    await writeFile(`${final}.json`, JSON.stringify(summary));
    return summary;
  } catch (error) {
    pack.destroy();
    await written.catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
}

/** The archives in backupDir, newest first. */
export async function listBackups(backupDir: string): Promise<BackupSummary[]> {
  const names = (await readdir(backupDir).catch(() => [] as string[])).filter(isBackupName);
  const out: BackupSummary[] = [];
  for (const name of names) {
    const file = path.join(backupDir, name);
    const size = (await stat(file)).size;
    const sidecar = await readFile(`${file}.json`, "utf8").then(
      (text) => JSON.parse(text) as BackupSummary,
      () => null,
    );
    out.push(
      sidecar
        ? { ...sidecar, name, size }
        : {
            name,
            createdAt: (await stat(file)).mtime.toISOString(),
            size,
            engine: "pglite",
            migrations: 0,
            fileCount: 0,
          },
    );
  }
  return out.sort((a, b) => b.name.localeCompare(a.name));
}

/** Keeps the newest `keep` archives and deletes the rest; answers the names deleted. */
export async function pruneBackups(backupDir: string, keep: number): Promise<string[]> {
  const old = (await listBackups(backupDir)).slice(keep);
  for (const backup of old) {
    await rm(path.join(backupDir, backup.name), { force: true });
    await rm(path.join(backupDir, `${backup.name}.json`), { force: true });
  }
  return old.map((b) => b.name);
}

/** A readable stream of one archive, or null when there is no such backup. */
export async function openBackup(backupDir: string, name: string) {
  if (!isBackupName(name)) return null;
  const file = path.join(backupDir, name);
  if (!(await exists(file))) return null;
  return { size: (await stat(file)).size, stream: createReadStream(file) };
}
