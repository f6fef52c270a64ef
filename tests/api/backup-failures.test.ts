// Backups that go wrong (issue 21 item 6): the administrator's button never answers 500 — a
// failing dump or disk is a 503 with the reason in the reader's language, a second click while
// one runs a 409 — and a restore from a damaged archive (a bad checksum, a truncated dump, a cut
// file) leaves the target database and files folder as empty as they were, on both engines.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile, stat, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { checkTarget, createBackup, RestoreRefused, restoreBackup, storePhoto } from "@civgrid/api";
import { describe, expect, it } from "vitest";
import { backupsApp, cleanups, nextPhoto, smallCity, tempDir } from "./backup-fixtures.ts";
import { createServerDatabase, serverUnavailable } from "./engines.ts";

const run = promisify(execFile);
const skip = await serverUnavailable();
if (skip && process.env.CI === "true") throw new Error(`CI=true and no server: ${skip}`);
if (skip) console.warn(`\n!!! SKIPPING the server half of the backup failure tests: ${skip}\n`);

describe("the backup button when a backup cannot be written", () => {
  it("answers 503 with the reason in Chinese or English, and 409 to a second click while one runs", async () => {
    const city = await smallCity("pglite");
    // The backup folder's place is taken by a file: the disk refuses.
    const blocked = path.join(await tempDir("blocked"), "backups");
    await writeFile(blocked, "not a folder");
    const { admin } = await backupsApp(city, { dir: blocked, keep: 2, at: null });
    const zh = await admin.request("/api/admin/backups", {
      method: "POST",
      headers: { "accept-language": "zh-CN" },
    });
    expect(zh.status).toBe(503);
    expect(zh.body.error.code).toBe("backup_failed");
    expect(zh.body.error.message).toContain("备份没有完成");
    expect(zh.body.error.message).toContain("无法写入备份目录");
    const en = await admin.request("/api/admin/backups", {
      method: "POST",
      headers: { "accept-language": "en" },
    });
    expect(en.status).toBe(503);
    expect(en.body.error.message).toMatch(
      /^The backup did not finish: the backup folder .* could not be written/,
    );

    const { admin: admin2 } = await backupsApp(city, {
      dir: await tempDir("api-409"),
      keep: 2,
      at: null,
    });
    const answers = await Promise.all(
      [0, 1].map(() =>
        admin2.request("/api/admin/backups", {
          method: "POST",
          headers: { "accept-language": "zh-CN" },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const refused = answers.find((a) => a.status === 409);
    expect(refused?.body.error.message).toContain("已有一次备份正在进行");
  }, 120_000);

  it.skipIf(skip)(
    "answers 503 with pg_dump's reason when the dump tool fails",
    async () => {
      const city = await smallCity("postgres");
      const wrong = new URL(city.url as string);
      wrong.pathname = "/civgrid_no_such_database";
      const { admin } = await backupsApp(city, {
        dir: await tempDir("dump-fails"),
        keep: 2,
        at: null,
        databaseUrl: wrong.toString(),
      });
      const answer = await admin.request("/api/admin/backups", {
        method: "POST",
        headers: { "accept-language": "zh-CN" },
      });
      expect(answer.status).toBe(503);
      expect(answer.body.error.message).toMatch(
        /pg_dump 执行失败（退出码 1）：.*civgrid_no_such_database/,
      );
    },
    120_000,
  );
});

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** A copy of the archive with its dump and manifest changed by `change`, repacked with tar. */
async function damaged(
  archive: string,
  change: (dump: Buffer, manifest: { database: { sha256: string; bytes: number } }) => Buffer,
) {
  const dir = await tempDir("damaged");
  await run("tar", ["-xzf", archive, "-C", dir]);
  const manifest = JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8"));
  const dump = change(await readFile(path.join(dir, "database.sql")), manifest);
  await writeFile(path.join(dir, "database.sql"), dump);
  await writeFile(path.join(dir, "manifest.json"), JSON.stringify(manifest));
  const out = path.join(await tempDir("damaged-out"), "civgrid-backup-20260101-000000.tar.gz");
  await run("tar", ["-czf", out, "-C", dir, "database.sql", "files", "manifest.json"]);
  return out;
}

/** The target is as empty as before: checkTarget accepts it, and no temporary folder is left. */
async function expectEmpty(target: { databaseUrl?: string; dataDir: string; filesDir: string }) {
  await checkTarget(target);
  const parent = path.dirname(target.filesDir);
  expect(
    (await readdir(parent).catch(() => [] as string[])).filter((n) => n.includes(".restore-")),
  ).toEqual([]);
  expect(await readdir(target.filesDir).catch(() => [])).toEqual([]);
  if (!target.databaseUrl) {
    expect(await readdir(target.dataDir).catch(() => [])).toEqual([]);
    expect(
      (await readdir(path.dirname(target.dataDir))).filter((n) => n.includes(".restore-")),
    ).toEqual([]);
  }
}

describe("a restore from a damaged archive", () => {
  it("leaves an empty target database and files folder empty, on both engines", async () => {
    const city = await smallCity("pglite");
    for (let i = 0; i < 2; i++) {
      await storePhoto(city.db, city.filesDir, {
        bytes: await nextPhoto(),
        name: "现场.jpg",
        cityId: city.cityId,
        userId: null,
      });
    }
    const backupDir = await tempDir("good");
    const summary = await createBackup({ db: city.db, filesDir: city.filesDir, backupDir });
    const good = path.join(backupDir, summary.name);

    // The dump's checksum does not match: refused before anything is touched.
    const badChecksum = await damaged(good, (dump, manifest) => {
      manifest.database.sha256 = "0".repeat(64);
      return dump;
    });
    // The dump is cut in its middle and its checksum made to match: the load fails halfway.
    const truncatedDump = await damaged(good, (dump, manifest) => {
      const cut = dump.subarray(0, Math.floor(dump.length * 0.6));
      manifest.database.sha256 = sha256(cut);
      manifest.database.bytes = cut.length;
      return cut;
    });
    // The archive file itself is cut short.
    const cutFile = path.join(await tempDir("cut"), summary.name);
    await writeFile(cutFile, await readFile(good));
    await truncate(cutFile, Math.floor((await stat(cutFile)).size / 2));

    const targets: {
      name: string;
      make: () => Promise<{ databaseUrl?: string; dataDir: string; filesDir: string }>;
    }[] = [
      {
        name: "embedded",
        make: async () => {
          // The default layout: FILES_DIR is DATA_DIR/files.
          const root = await tempDir("target-embedded");
          const dataDir = path.join(root, "data");
          return { dataDir, filesDir: path.join(dataDir, "files") };
        },
      },
    ];
    if (!skip) {
      targets.push({
        name: "server",
        make: async () => {
          const server = await createServerDatabase();
          cleanups.push(server.drop);
          const root = await tempDir("target-server");
          return { databaseUrl: server.url, dataDir: "unused", filesDir: path.join(root, "files") };
        },
      });
    }
    for (const target of targets) {
      const where = await target.make();
      await expect(restoreBackup({ archive: badChecksum, ...where }), target.name).rejects.toThrow(
        RestoreRefused,
      );
      await expectEmpty(where);
      const halfway = await restoreBackup({ archive: truncatedDump, ...where }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(halfway, `${target.name}: a truncated dump fails`).toBeInstanceOf(Error);
      expect(halfway).not.toBeInstanceOf(RestoreRefused); // it got as far as the database
      await expectEmpty(where);
      await expect(restoreBackup({ archive: cutFile, ...where }), target.name).rejects.toThrow(
        /not a readable CivGrid backup/,
      );
      await expectEmpty(where);
      // …and the intact archive then restores into the very same target.
      const manifest = await restoreBackup({ archive: good, ...where });
      expect(manifest.fileCount).toBe(4);
      expect((await readdir(where.filesDir)).length).toBeGreaterThan(0);
      await expect(checkTarget(where)).rejects.toThrow(/not empty/);
    }
  }, 400_000);
});
