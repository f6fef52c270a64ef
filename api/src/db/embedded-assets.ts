// What the embedded engine (PGlite + PostGIS) reads at every start, made lean once per machine and
// kept in a cache directory (issue 23 item 4):
//
// - A slim PostGIS bundle. PGlite unpacks an extension's whole tarball into its in-memory file
//   system at each start: pglite-postgis ships 90 MB (raster, topology and tiger geocoder
//   libraries, upgrade scripts) of which CivGrid uses postgis-3.so, the PROJ database and the
//   CREATE EXTENSION script. The slim copy drops the rest: ~60 MB less resident and less to
//   gunzip at every start.
// - A schema snapshot: a data directory (PGlite#dumpDataDir) of an empty database with every
//   migration applied. A fresh database starts from it instead of running initdb, installing
//   PostGIS and replaying every migration. Its file name holds a hash of the migrations and the
//   PGlite and PostGIS versions, so a snapshot that does not match the migrations is never read;
//   an existing database migrates as before.
//
// Both are made when first needed (the snapshot by the first fresh database's migrate, or at build
// time by `pnpm --filter @civgrid/api db:snapshot`); if the cache cannot be written, the engine
// starts the slow way and says so.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { createGunzip, createGzip } from "node:zlib";
import type { Extension } from "@electric-sql/pglite";
import { postgis } from "@electric-sql/pglite-postgis";
import { extract, pack } from "tar-stream";

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** api/node_modules/.cache/civgrid: a tool's cache, per install, outside the data. */
export const assetsCacheDir = fileURLToPath(
  new URL("../../node_modules/.cache/civgrid/", import.meta.url),
);

// require.resolve, not import.meta.resolve: vitest's module runner has no import.meta.resolve.
const resolve = createRequire(import.meta.url).resolve;
const upstreamPostgis = path.join(
  path.dirname(resolve("@electric-sql/pglite-postgis")),
  "postgis.tar.gz",
);

/** What of pglite-postgis's bundle CivGrid never loads: other extensions, upgrades, contrib. */
const UNUSED_POSTGIS_FILE =
  /(raster|topology|tiger|sfcgal|address_standardizer)|--unpackaged--|--ANY--|\/contrib\//;

async function packageVersion(name: string): Promise<string> {
  let dir = path.dirname(resolve(name));
  while (!existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return JSON.parse(await readFile(path.join(dir, "package.json"), "utf8")).version as string;
}

/** Writes `file` through a temporary name, so a reader never sees half of it. */
async function writeAtomically(file: string, write: (temp: string) => Promise<void>) {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await write(temp);
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}

/** Copies the upstream bundle without the files matched by UNUSED_POSTGIS_FILE. */
async function writeSlimPostgis(target: string) {
  await writeAtomically(target, async (temp) => {
    const from = extract();
    const to = pack();
    from.on("entry", (header, stream, next) => {
      if (UNUSED_POSTGIS_FILE.test(header.name)) {
        stream.on("end", next);
        stream.resume();
      } else {
        stream.pipe(to.entry(header, next));
      }
    });
    from.on("finish", () => to.finalize());
    await Promise.all([
      pipeline(createReadStream(upstreamPostgis), createGunzip(), from),
      pipeline(to, createGzip({ level: 1 }), createWriteStream(temp)),
    ]);
  });
}

/**
 * The PostGIS extension for PGlite, read from the slim bundle (made here the first time); the
 * upstream one when the cache cannot be written.
 */
export async function leanPostgis(log?: (message: string) => void): Promise<Extension> {
  const file = path.join(
    assetsCacheDir,
    `postgis-${await packageVersion("@electric-sql/pglite-postgis")}-slim.tar.gz`,
  );
  if (!existsSync(file)) {
    try {
      await writeSlimPostgis(file);
    } catch (error) {
      log?.(
        `the slim PostGIS bundle could not be written (${(error as Error).message}): using the full one`,
      );
      return postgis;
    }
  }
  return {
    name: postgis.name,
    setup: async (pg, options) => {
      const upstream = await postgis.setup(pg, options);
      return { ...upstream, bundlePath: new URL(`file://${file}`) };
    },
  };
}

/** The snapshot's file: named by the migrations' bytes and the engine's versions. */
export async function schemaSnapshotFile(): Promise<string> {
  const hash = createHash("sha256");
  hash.update(await packageVersion("@electric-sql/pglite"));
  hash.update(await packageVersion("@electric-sql/pglite-postgis"));
  const journal = await readFile(path.join(migrationsFolder, "meta/_journal.json"));
  hash.update(journal);
  for (const name of (await readdir(migrationsFolder)).filter((f) => f.endsWith(".sql")).sort()) {
    hash.update(name);
    hash.update(await readFile(path.join(migrationsFolder, name)));
  }
  return path.join(assetsCacheDir, `schema-${hash.digest("hex").slice(0, 16)}.tar.gz`);
}

/** The snapshot as PGlite's loadDataDir takes it, or undefined when none was made yet. */
export async function readSchemaSnapshot(file: string): Promise<Blob | undefined> {
  if (!existsSync(file)) return undefined;
  return new Blob([await readFile(file)]);
}

/** Keeps a migrated, still empty database's data directory as the snapshot. */
export async function writeSchemaSnapshot(file: string, tarball: Blob) {
  const bytes = new Uint8Array(await tarball.arrayBuffer());
  await writeAtomically(file, (temp) => writeFile(temp, bytes));
}

/** Written last: PostgreSQL (and isFreshDataDir) take a directory with it for a database. */
const VERSION_FILE = "PG_VERSION";

/**
 * Unpacks the snapshot into a new data directory on disk, with Node's own file system: PGlite's
 * loadDataDir writes each of its files through the WebAssembly file system, which took 6.7 s of
 * a first start here against ~2 s to open the same database once on disk. PG_VERSION comes last,
 * so an unpack cut short leaves a directory that is still fresh and is unpacked again.
 */
export async function unpackSchemaSnapshot(file: string, dataDir: string): Promise<void> {
  const root = path.resolve(dataDir);
  const made = new Set<string>();
  const makeDir = async (dir: string) => {
    if (made.has(dir)) return;
    await mkdir(dir, { recursive: true });
    made.add(dir);
  };
  let version: Buffer | undefined;
  const from = extract();
  from.on("entry", (header, stream, next) => {
    const name = path.normalize(`/${header.name}`);
    const target = path.join(root, name);
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: unknown) => chunks.push(chunk as Buffer));
    stream.on("end", () => {
      const write = async () => {
        if (header.type === "directory") return makeDir(target);
        if (header.type !== "file") return;
        if (name === `/${VERSION_FILE}`) {
          version = Buffer.concat(chunks);
          return;
        }
        await makeDir(path.dirname(target));
        await writeFile(target, Buffer.concat(chunks), { mode: header.mode ?? 0o600 });
      };
      write().then(
        () => next(),
        (error: Error) => from.destroy(error),
      );
    });
  });
  await makeDir(root);
  await pipeline(createReadStream(file), createGunzip(), from);
  if (!version) throw new Error(`${file} holds no ${VERSION_FILE}`);
  await writeFile(path.join(root, VERSION_FILE), version, { mode: 0o600 });
}
