// What the backup tests share: throwaway folders and databases cleaned up after the file, a small
// city with an administrator and a coordinator, distinct small photos.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApp, DEMO_PASSWORD, ensureCity, insertUsers, openDb } from "@civgrid/api";
import sharp from "sharp";
import { afterAll } from "vitest";
import { createServerDatabase, type EngineName, signIn } from "./engines.ts";

export const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

export async function tempDir(prefix: string) {
  const dir = await mkdtemp(path.join(tmpdir(), `civgrid-backup-test-${prefix}-`));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A small city: migrated schema, the city row, an administrator and a coordinator. */
export async function smallCity(engine: EngineName) {
  let url: string | undefined;
  if (engine === "postgres") {
    const server = await createServerDatabase();
    cleanups.push(server.drop);
    url = server.url;
  }
  const db = await openDb({ databaseUrl: url, dataDir: "memory://" });
  cleanups.push(() => db.close());
  await db.migrate();
  const cityId = await ensureCity(
    db,
    { seed: "none", city: { code: "370481", name: "滕州市" } },
    () => {},
  );
  await db.orm.transaction((tx) =>
    insertUsers(tx, cityId, null, [
      {
        username: "admin",
        displayName: "管理员",
        role: "admin",
        password: DEMO_PASSWORD,
        mustChangePassword: false,
      },
      {
        username: "coordinator",
        displayName: "专班",
        role: "coordinator",
        password: DEMO_PASSWORD,
        mustChangePassword: false,
      },
    ]),
  );
  return { db, url, cityId, filesDir: await tempDir("files") };
}

let picture = 0;
/** A distinct small JPEG each call. */
export const nextPhoto = () =>
  sharp({
    create: {
      width: 24,
      height: 16,
      channels: 3,
      background: { r: picture % 256, g: (picture * 7) % 256, b: Math.floor(picture++ / 256) },
    },
  })
    .jpeg()
    .toBuffer();

/** The app on a small city with these backup settings, and its administrator signed in. */
export async function backupsApp(
  city: Awaited<ReturnType<typeof smallCity>>,
  backups: { dir: string; keep: number; at: string | null; databaseUrl?: string },
) {
  const app = createApp({
    db: city.db,
    cityId: city.cityId,
    basemapUrl: null,
    filesDir: city.filesDir,
    backups,
  });
  return { app, admin: await signIn(app, "admin") };
}
