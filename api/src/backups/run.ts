// Taking a backup from inside the app (the administrator's button, the daily schedule): one run
// at a time — in this process by a flag, across processes sharing a server by a session-level
// PostgreSQL advisory lock (pg_try_advisory_lock) held for the whole run — then the oldest
// archives beyond BACKUP_KEEP are deleted.
import { CHINA_OFFSET_MS } from "@civgrid/geo";
import type postgres from "postgres";
import type { Db } from "../db/client.ts";
import { type BackupSummary, createBackup, listBackups, pruneBackups } from "./archive.ts";

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
 * answers null then. `skipIf` is asked once the lock is held (the schedule: "already done?").
 */
export async function runBackup(
  db: Db,
  settings: BackupSettings,
  skipIf?: () => Promise<boolean>,
): Promise<BackupSummary | null> {
  if (running) return null;
  running = true;
  try {
    if (db.engine === "pglite") {
      if (skipIf && (await skipIf())) return null;
      return await backupAndPrune(db, settings);
    }
    const connection = await (db.orm as unknown as { $client: postgres.Sql }).$client.reserve();
    try {
      const [lock] = await connection.unsafe<{ ok: boolean }[]>(
        `SELECT pg_try_advisory_lock(${LOCK_KEY}) AS ok`,
      );
      if (!lock?.ok) return null;
      try {
        if (skipIf && (await skipIf())) return null;
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

/** The next instant at HH:MM China time strictly after `now`. */
export function nextRun(at: string, now: Date): Date {
  const [h = 0, m = 0] = at.split(":").map(Number);
  const wall = new Date(now.getTime() + CHINA_OFFSET_MS);
  let next =
    Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), h, m) - CHINA_OFFSET_MS;
  if (next <= now.getTime()) next += 24 * 3_600_000;
  return new Date(next);
}

/**
 * The daily backup at BACKUP_AT (China time), in every app process; the lock and the check that
 * no archive was written since the slot began make it run once when several processes share a
 * server database and a backup folder. Answers a function that stops it.
 */
export function startBackupSchedule(
  db: Db,
  settings: BackupSettings & { at: string | null },
  log: (line: string) => void,
): () => void {
  const at = settings.at;
  if (!at) return () => {};
  let timer: NodeJS.Timeout | undefined;
  const plan = () => {
    const due = nextRun(at, new Date());
    // setTimeout's limit is ~24.8 days; a day is well within it.
    timer = setTimeout(() => void fire(due), due.getTime() - Date.now());
    timer.unref();
  };
  const fire = async (slot: Date) => {
    try {
      const done = await runBackup(db, settings, async () =>
        (await listBackups(settings.dir)).some((b) => Date.parse(b.createdAt) >= slot.getTime()),
      );
      if (done)
        log(`daily backup written: ${done.name} (${done.size} bytes, ${done.fileCount} files)`);
    } catch (error) {
      log(`daily backup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    plan();
  };
  plan();
  return () => clearTimeout(timer);
}
