// The migrated demo city, prepared once per test run and copied for every test file: opening an
// empty PGlite, creating PostGIS, migrating and loading the city costs ~30 s of one core, while
// loading a copy costs ~6 s (PGlite) or ~0.4 s (CREATE DATABASE … TEMPLATE on the server).
// Each file still gets its own database, so nothing a test writes reaches another file.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
// Not through @civgrid/api's index: it brings the whole app, whose API docs page uses
// import.meta.resolve, which vitest's module runner for global setups does not support.
import { type Db, openDb } from "../../api/src/db/client.ts";
import { ensureAccounts } from "../../api/src/seed/accounts.ts";
import { ensureCity } from "../../api/src/seed/ensure-city.ts";
import { createServerDatabase } from "./server-databases.ts";

/** What main.ts loads on first start with the default configuration. */
const demo = { seed: "demo", city: { code: "370481", name: "滕州市" } } as const;

/** Migrates an empty database and loads the demo city with its accounts; returns the city's id. */
export async function loadDemoCity(db: Db): Promise<number> {
  await db.migrate();
  const cityId = await ensureCity(db, demo, () => {});
  await ensureAccounts(db, cityId, demo.seed, () => {});
  return cityId;
}

export interface DemoCityTarball {
  /** A PGlite data directory as a tar file (PGlite's loadDataDir reads it; so does `tar -x`). */
  file: string;
  remove: () => Promise<void>;
}

/** What is needed of PGlite here (tests do not depend on @electric-sql/pglite themselves). */
interface PGliteDump {
  exec(query: string): Promise<unknown>;
  dumpDataDir(compression: "none"): Promise<Blob>;
}

async function writeTarball(): Promise<DemoCityTarball> {
  const db = await openDb({ dataDir: "memory://" });
  try {
    await loadDemoCity(db);
    // drizzle's handle on the PGlite instance it was given (openDb's embedded engine).
    const client = (db.orm as unknown as { $client: PGliteDump }).$client;
    // Written to disk before the dump, so a copy opens without replaying the write-ahead log.
    await client.exec("CHECKPOINT");
    const tarball = await client.dumpDataDir("none");
    const dir = await mkdtemp(path.join(tmpdir(), "civgrid-demo-city-"));
    const file = path.join(dir, "pgdata.tar");
    await writeFile(file, Buffer.from(await tarball.arrayBuffer()));
    return { file, remove: () => rm(dir, { recursive: true, force: true }) };
  } finally {
    await db.close();
  }
}

// The database tests' and the browser tests' global setups run one after the other in vitest's
// main process: the second reuses the first one's tarball instead of building it again.
const shared = Symbol.for("civgrid.demoCityTarball");
const slot = globalThis as { [shared]?: Promise<DemoCityTarball> };

export function demoCityTarball(): Promise<DemoCityTarball> {
  slot[shared] ??= writeTarball();
  return slot[shared];
}

/**
 * A server database holding the demo city, for CREATE DATABASE … TEMPLATE. Nothing connects to it
 * after this returns (a template with a connection cannot be copied), so no test can change it.
 */
export async function demoCityTemplate(): Promise<{ name: string; drop: () => Promise<void> }> {
  const template = await createServerDatabase();
  const db = await openDb({ databaseUrl: template.url, dataDir: "memory://" });
  try {
    await loadDemoCity(db);
  } finally {
    await db.close();
  }
  return template;
}

declare module "vitest" {
  /** What the global setups hand the test files (vitest's provide/inject). */
  export interface ProvidedContext {
    /** The demo city's PGlite data directory as a tar file. */
    demoCityTarball: string;
    /** The server database to copy the demo city from; null when there is no server. */
    demoCityTemplate: string | null;
  }
}
