// Backups (issue 21 item 6): a backup taken while uploads go on restores on the OTHER engine with
// every acknowledged row and every file (checksums compared); restore refuses a target that holds
// data; the admin API answers 403 to anyone but an administrator.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import {
  createBackup,
  type Db,
  openDb,
  RestoreRefused,
  restoreBackup,
  selectRows,
  storePhoto,
} from "@civgrid/api";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { backupsApp, cleanups, nextPhoto, smallCity, tempDir } from "./backup-fixtures.ts";
import { createServerDatabase, type EngineName, serverUnavailable, signIn } from "./engines.ts";

const skip = await serverUnavailable();
if (skip && process.env.CI === "true") throw new Error(`CI=true and no server: ${skip}`);

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

interface Acknowledged {
  id: number;
  sha256: string;
  at: number;
}

/** Uploads `count` photos, `parallel` at a time; answers each acknowledged one with its time. */
async function uploadLoad(db: Db, dir: string, cityId: number, count: number, parallel = 4) {
  const done: Acknowledged[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        next++;
        const bytes = await nextPhoto();
        const { file } = await storePhoto(db, dir, {
          bytes,
          name: "现场.jpg",
          cityId,
          userId: null,
        });
        done.push({ id: file.id, sha256: file.sha256, at: Date.now() });
      }
    }),
  );
  return done;
}

async function fileRows(db: Db) {
  return selectRows<{ id: number; sha256: string }>(
    db.orm,
    sql`SELECT id, sha256 FROM files ORDER BY id`,
  );
}

async function checkRestored(
  target: Db,
  filesDir: string,
  source: Db,
  acknowledgedBefore: Acknowledged[],
) {
  const restored = await fileRows(target);
  const ids = new Set(restored.map((r) => r.id));
  // Every row acknowledged before the backup began is there…
  for (const ack of acknowledgedBefore) expect(ids.has(ack.id), `file row ${ack.id}`).toBe(true);
  // …nothing is there that the source never had, and every row's bytes are there, intact.
  const sourceRows = new Map((await fileRows(source)).map((r) => [r.id, r.sha256]));
  for (const row of restored) {
    expect(sourceRows.get(row.id)).toBe(row.sha256);
    const bytes = await readFile(
      path.join(filesDir, row.sha256.slice(0, 2), row.sha256.slice(2, 4), row.sha256),
    );
    expect(sha256(bytes)).toBe(row.sha256);
  }
  const [users] = await selectRows<{ n: number }>(
    target.orm,
    sql`SELECT count(*)::int AS n FROM users`,
  );
  expect(users?.n).toBe(2);
  return restored.length;
}

async function backupUnderLoad(engine: EngineName) {
  const city = await smallCity(engine);
  const before = await uploadLoad(city.db, city.filesDir, city.cityId, 8);
  const backupDir = await tempDir("archives");
  const startedAt = Date.now();
  const [summary, during] = await Promise.all([
    createBackup({ db: city.db, databaseUrl: city.url, filesDir: city.filesDir, backupDir }),
    uploadLoad(city.db, city.filesDir, city.cityId, 12, 3),
  ]);
  const acknowledged = [...before, ...during.filter((a) => a.at < startedAt)];
  expect(summary.engine).toBe(engine);
  expect(summary.migrations).toBeGreaterThan(20);
  return { city, archive: path.join(backupDir, summary.name), summary, acknowledged };
}

describe.skipIf(skip)("backup and restore across engines", () => {
  it("an embedded backup taken under uploads restores onto an empty server database, and refuses a second time", async () => {
    const { city, archive, summary, acknowledged } = await backupUnderLoad("pglite");
    const target = await createServerDatabase();
    cleanups.push(target.drop);
    const filesDir = await tempDir("restored-server");
    const manifest = await restoreBackup({
      archive,
      databaseUrl: target.url,
      dataDir: "unused",
      filesDir,
    });
    expect(manifest.fileCount).toBe(summary.fileCount);
    const restored = await openDb({ databaseUrl: target.url, dataDir: "memory://" });
    cleanups.push(() => restored.close());
    await restored.migrate(); // nothing pending: the journal came along
    const rows = await checkRestored(restored, filesDir, city.db, acknowledged);
    expect(rows).toBeGreaterThanOrEqual(8);

    await expect(
      restoreBackup({
        archive,
        databaseUrl: target.url,
        dataDir: "unused",
        filesDir: await tempDir("again"),
      }),
    ).rejects.toThrow(RestoreRefused);
    await expect(
      restoreBackup({ archive, databaseUrl: target.url, dataDir: "unused", filesDir }),
    ).rejects.toThrow(/not empty/);
  }, 400_000);

  it("a server backup taken under uploads restores into an empty embedded data directory, and refuses a non-empty one", async () => {
    const { city, archive, acknowledged } = await backupUnderLoad("postgres");
    const dataDir = path.join(await tempDir("pglite"), "data");
    const filesDir = await tempDir("restored-pglite");
    await restoreBackup({ archive, dataDir, filesDir });
    const restored = await openDb({ dataDir });
    try {
      await restored.migrate();
      const rows = await checkRestored(restored, filesDir, city.db, acknowledged);
      expect(rows).toBeGreaterThanOrEqual(8);
      // Held by a running app (postmaster.pid), and not empty: refused either way.
      await expect(
        restoreBackup({ archive, dataDir, filesDir: await tempDir("x") }),
      ).rejects.toThrow(/running CivGrid/);
    } finally {
      await restored.close();
    }
    await expect(restoreBackup({ archive, dataDir, filesDir: await tempDir("y") })).rejects.toThrow(
      /not empty/,
    );
  }, 400_000);
});

describe("the administrator's backups API", () => {
  it("403 for a coordinator; an administrator lists, takes and downloads a backup", async () => {
    const city = await smallCity("pglite");
    const backupDir = await tempDir("api");
    const { app, admin } = await backupsApp(city, { dir: backupDir, keep: 2, at: "02:30" });
    const coordinator = await signIn(app, "coordinator");
    for (const [p, method] of [
      ["/api/admin/backups", "GET"],
      ["/api/admin/backups", "POST"],
      ["/api/admin/backups/civgrid-backup-20260101-023000.tar.gz", "GET"],
    ] as const) {
      const answer = await coordinator.request(p, {
        method,
        headers: { "accept-language": "zh-CN" },
      });
      expect(answer.status).toBe(403);
      expect(answer.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    await uploadLoad(city.db, city.filesDir, city.cityId, 2);
    const made = await admin.request("/api/admin/backups", { method: "POST" });
    expect(made.status).toBe(201);
    expect(made.body.fileCount).toBe(4); // two photos and their thumbnails
    // PGlite's one connection is left as it was: the app writes on after the dump.
    expect(await uploadLoad(city.db, city.filesDir, city.cityId, 1)).toHaveLength(1);
    const list = await admin.request("/api/admin/backups");
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ running: false, keep: 2, schedule: "02:30" });
    expect(list.body.items.map((b: { name: string }) => b.name)).toEqual([made.body.name]);
    const file = await admin.raw(`/api/admin/backups/${made.body.name}`);
    expect(file.status).toBe(200);
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect(bytes.length).toBe(made.body.size);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect((await admin.request("/api/admin/backups/..%2Fetc%2Fpasswd")).status).toBe(404);
    expect(
      (await admin.request("/api/admin/backups/civgrid-backup-20000101-000000.tar.gz")).status,
    ).toBe(404);
  }, 300_000);
});
