// The daily backup with several app processes (issues 20, 21): each slot is claimed through the
// one helper for scheduled work (db/scheduled.ts), so two schedulers on one database write one
// archive per slot — on both engines (the slot here is seconds long instead of a day).
import { readdir } from "node:fs/promises";
import {
  claimPeriod,
  type Db,
  listBackups,
  openDb,
  selectRows,
  startBackupSchedule,
} from "@civgrid/api";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cleanups, smallCity, tempDir } from "./backup-fixtures.ts";
import { type EngineName, serverUnavailable } from "./engines.ts";

const skip = await serverUnavailable();
if (skip && process.env.CI === "true") throw new Error(`CI=true and no server: ${skip}`);
if (skip) console.warn(`\n!!! SKIPPING the server run of the backup schedule tests: ${skip}\n`);

/** Polls `check` until it answers true (no fixed sleep: the condition decides). */
async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const claimed = async (db: Db) =>
  (
    await selectRows<{ period: string }>(
      db.orm,
      sql`SELECT period::text FROM scheduled_runs WHERE job = 'backup' ORDER BY period`,
    )
  ).map((r) => Number(r.period));

for (const engine of ["pglite", "postgres"] as EngineName[]) {
  describe.skipIf(engine === "postgres" && skip)(`the backup schedule [${engine}]`, () => {
    it("two schedulers on one database write one archive per slot", async () => {
      const city = await smallCity(engine);
      // The second "process": its own connection pool on the server, the same handle on PGlite
      // (an embedded database is one process's).
      const other = city.url
        ? await openDb({ databaseUrl: city.url, dataDir: "memory://" })
        : city.db;
      if (other !== city.db) cleanups.push(() => other.close());
      const dir = await tempDir(`schedule-${engine}`);
      // Long enough that a backup on a busy machine ends within its slot.
      const periodMs = 10_000;
      const settings = {
        databaseUrl: city.url,
        filesDir: city.filesDir,
        dir,
        keep: 50,
        at: "02:30",
      };
      const lines: string[] = [];
      const stops = [
        startBackupSchedule(city.db, settings, (l) => lines.push(`a: ${l}`), periodMs),
        startBackupSchedule(other, settings, (l) => lines.push(`b: ${l}`), periodMs),
      ];
      try {
        await until(
          async () => (await listBackups(dir)).length >= 2,
          120_000,
          "two slots' archives",
        );
      } finally {
        for (const stop of stops) stop();
      }
      // Every claimed slot ends in one line: its archive written, skipped (a backup from the slot
      // before was still being written: on a busy machine a backup can outlast a 10 s slot) or
      // failed. Wait until each claim has said how it ended.
      const ended = () => lines.filter((l) => /written|skipped|failed/.test(l));
      await until(
        async () => ended().length >= (await claimed(city.db)).length,
        60_000,
        "every claimed slot's end",
      );
      const periods = await claimed(city.db);
      const archives = await listBackups(dir);
      expect(lines.filter((l) => l.includes("failed"))).toEqual([]);
      expect(ended()).toHaveLength(periods.length);
      expect(archives.length).toBe(lines.filter((l) => l.includes("written")).length);
      expect(archives.length).toBeGreaterThanOrEqual(2);
      // Each archive was written in a slot of its own that was claimed once: none twice.
      const slots = archives.map((a) => Math.floor(Date.parse(a.createdAt) / periodMs));
      expect(new Set(slots).size).toBe(archives.length);
      for (const slot of slots) expect(periods).toContain(slot);
      expect((await readdir(dir)).filter((n) => n.endsWith(".partial"))).toEqual([]);
    }, 300_000);

    it("claims a slot only in its first lateByMs, and once", async () => {
      const city = await smallCity(engine);
      const periodMs = 600_000;
      // A slot that began about five minutes ago.
      const offsetMs = (Date.now() - 300_000) % periodMs;
      expect(await claimPeriod(city.db, "late", periodMs, { offsetMs, lateByMs: 60_000 })).toBe(
        null,
      );
      const period = await claimPeriod(city.db, "late", periodMs, { offsetMs, lateByMs: periodMs });
      expect(period).toBe(Math.floor((Date.now() - offsetMs) / periodMs));
      expect(await claimPeriod(city.db, "late", periodMs, { offsetMs })).toBe(null);
    }, 180_000);
  });
}
