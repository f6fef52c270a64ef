// Removes what nothing needs: files rows (and their bytes) no problem photo, material, task
// evidence or activity photo refers to, and temp files a crash left behind. Run at start and
// hourly by main.ts, once per hour across all processes (db/scheduled.ts); and one upload at once when the record it was for could not be written.
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { type SQL, sql } from "drizzle-orm";
import { type Db, selectRows } from "../db/client.ts";
import { sameCity } from "../db/query-helpers.ts";
import { exclusive, removeIfUnused, TEMP_DIR } from "./store.ts";

/** An upload writes its temp files and renames them within seconds; an hour-old one was abandoned. */
const TEMP_MAX_AGE_MS = 60 * 60 * 1000;

/** Every table that points at a file: a file none of them names is unused. */
const unreferenced = (
  f: SQL,
) => sql`NOT EXISTS (SELECT 1 FROM problem_photos p WHERE p.file_id = ${f}.id AND ${sameCity(f, "p")})
  AND NOT EXISTS (SELECT 1 FROM materials m WHERE m.file_id = ${f}.id AND ${sameCity(f, "m")})
  AND NOT EXISTS (SELECT 1 FROM task_evidence t WHERE t.file_id = ${f}.id AND ${sameCity(f, "t")})
  AND NOT EXISTS (SELECT 1 FROM activity_photos a WHERE a.file_id = ${f}.id AND ${sameCity(f, "a")})`;

/**
 * Takes back a file just stored for a record whose write then failed, unless something else
 * already uses the same bytes: the failed write leaves no orphan behind.
 */
export async function discardUnusedFile(db: Db, filesDir: string, fileId: number) {
  await exclusive(async () => {
    const gone = await selectRows<{ sha256: string }>(
      db.orm,
      sql`DELETE FROM files f WHERE f.id = ${fileId} AND ${unreferenced(sql.raw("f"))}
          RETURNING f.sha256`,
    );
    for (const { sha256 } of gone) await removeIfUnused(db.orm, filesDir, sha256);
  });
}

export interface SweepResult {
  files: number;
  tempFiles: number;
}

/**
 * Deletes unreferenced files older than `olderThanHours`. The age limit gives a reporter time to
 * upload photos first and submit the problem that uses them afterwards (e.g. from an offline queue).
 */
export async function sweepOrphanFiles(
  db: Db,
  filesDir: string,
  olderThanHours = 24,
): Promise<SweepResult> {
  const files = await exclusive(async () => {
    const gone = await selectRows<{ sha256: string }>(
      db.orm,
      sql`DELETE FROM files f
          WHERE f.created_at < now() - make_interval(hours => ${olderThanHours})
            AND ${unreferenced(sql.raw("f"))}
          RETURNING f.sha256`,
    );
    // The bytes are shared by hash across cities: they go only with the last row that had them.
    for (const { sha256 } of gone) await removeIfUnused(db.orm, filesDir, sha256);
    return gone.length;
  });
  return { files, tempFiles: await sweepTempFiles(filesDir) };
}

async function sweepTempFiles(filesDir: string): Promise<number> {
  const dir = path.join(filesDir, TEMP_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (!info || Date.now() - info.mtimeMs < TEMP_MAX_AGE_MS) continue;
    await rm(file, { force: true, recursive: true });
    removed++;
  }
  return removed;
}
