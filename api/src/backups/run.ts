// Taking a backup from inside the app (the administrator's button, the daily schedule): one run
// at a time — in this process by a flag, across processes sharing a server by a session-level
// PostgreSQL advisory lock (pg_try_advisory_lock) held for the whole run — then the oldest
// archives beyond BACKUP_KEEP are deleted. The daily schedule's "once per slot" is the shared
// scheduled-work helper's (db/scheduled.ts); the lock only keeps two writers apart.
import { chinaClockInUtcMs } from "@civgrid/geo";
import type postgres from "postgres";
import type { Db } from "../db/client.ts";
import { runEveryPeriod } from "../db/scheduled.ts";
import { type BackupSummary, createBackup, pruneBackups } from "./archive.ts";

export interface BackupSettings {
  databaseUrl?: string | undefined;
  filesDir: string;
  dir: string;
  keep: number;
}

/** The advisory lock's key: "civgrid backup" (any fixed bigint other features do not use). */
const LOCK_KEY = 2_104_006_021;

let running = false;
export const backupRunning = () => running;

/**
 * Runs one backup unless another is under way (here or in another process on the same server):
 * answers null then.
 */
export async function runBackup(db: Db, settings: BackupSettings): Promise<BackupSummary | null> {
  if (running) return null;
  running = true;
  try {
    if (db.engine === "pglite") {
      return await backupAndPrune(db, settings);
    }
    const connection = await (db.orm as unknown as { $client: postgres.Sql }).$client.reserve();
    try {
      const [lock] = await connection.unsafe<{ ok: boolean }[]>(
        `SELECT pg_try_advisory_lock(${LOCK_KEY}) AS ok`,
      );
      if (!lock?.ok) return null;
      try {
        return await backupAndPrune(db, settings);
      } finally {
        await connection.unsafe(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
      }
    } finally {
      connection.release();
    }
  } finally {
    running = false;
  }
}

async function backupAndPrune(db: Db, settings: BackupSettings) {
  const summary = await createBackup({
    db,
    databaseUrl: settings.databaseUrl,
    filesDir: settings.filesDir,
    backupDir: settings.dir,
  });
  await pruneBackups(settings.dir, settings.keep);
  return summary;
}

/** The daily slot's start as an offset from UTC midnight: HH:MM China time. */
export function dailyOffsetMs(at: string): number {
  return chinaClockInUtcMs(at);
}

const DAY_MS = 86_400_000;

/**
 * The daily backup at BACKUP_AT (China time), in every app process: each day's slot is claimed
 * through the one helper for scheduled work (db/scheduled.ts, a (backup, day) row), so however
 * many processes share the database the slot is backed up once. A process that was not running
 * at BACKUP_AT still takes the slot within the hour after it; later it waits for the next day
 * (an app started in the afternoon does not start with a backup). Answers a function that stops it.
 * `periodMs` is a day; tests shorten it.
 */
export function startBackupSchedule(
  db: Db,
  settings: BackupSettings & { at: string | null },
  log: (line: string) => void,
  periodMs = DAY_MS,
): () => void {
  const at = settings.at;
  if (!at) return () => {};
  return runEveryPeriod(
    db,
    "backup",
    periodMs,
    async () => {
      const done = await runBackup(db, settings);
      if (done)
        log(`daily backup written: ${done.name} (${done.size} bytes, ${done.fileCount} files)`);
      else log("daily backup skipped: another backup was being written at the time");
    },
    log,
    periodMs === DAY_MS
      ? { offsetMs: dailyOffsetMs(at), lateByMs: 3_600_000 }
      : { offsetMs: 0, lateByMs: periodMs },
  );
}
