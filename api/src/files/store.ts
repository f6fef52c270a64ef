// The file store: an upload's bytes kept once per content hash under FILES_DIR, with its
// thumbnail (photos only), and its `files` row. A file reaches its final path only after its row is committed,
// and a row whose file could not be put in place is taken back: disk and database agree.
import { createHash, randomUUID } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { type SQL, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record.ts";
import { type Db, type Executor, selectRows } from "../db/client.ts";
import { isoTime } from "../db/query-helpers.ts";
import { type Photo, readPhoto } from "./photo.ts";

/** What an upload turned out to be by its content; documents have no thumbnail. */
export type ReadUpload = Omit<Photo, "thumbnail"> & { thumbnail: Buffer | null };

/** Where uploads are written before their row exists; inside FILES_DIR so a rename is atomic. */
export const TEMP_DIR = ".tmp";

export interface StoredFile {
  id: number;
  sha256: string;
  mime: string;
  size: number;
  originalName: string;
  takenAt: string | null;
  location: [number, number] | null;
}

/** The original's path: by hash only (never the uploader's name), fanned out over 65,536 folders. */
export function blobPath(dir: string, sha256: string): string {
  return path.join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export const thumbnailPath = (dir: string, sha256: string) => `${blobPath(dir, sha256)}.thumb.webp`;

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `change` alone among the store's row-and-disk changes in this process, so an upload that
 * renames a hash into place cannot interleave with a sweep that unlinks the same hash.
 */
export function exclusive<T>(change: () => Promise<T>): Promise<T> {
  const run = queue.then(change, change);
  queue = run.catch(() => {});
  return run;
}

export interface Upload {
  bytes: Uint8Array;
  name: string;
  cityId: number;
  /** null for a citizen's photo, sent without an account. */
  userId: number | null;
}

/** Stores a photo, or finds the same bytes already stored in the city (`created: false`). */
export function storePhoto(db: Db, dir: string, upload: Upload) {
  return storeFile(db, dir, upload, readPhoto);
}

/**
 * Stores an upload that `read` accepts (a photo, or a document for `readDocument`), or finds the
 * same bytes already stored in the city (`created: false`). `read` refuses what it does not accept.
 */
export async function storeFile(
  db: Db,
  dir: string,
  upload: Upload,
  read: (bytes: Uint8Array, name: string) => Promise<ReadUpload>,
): Promise<{ file: StoredFile; created: boolean }> {
  const { cityId } = upload;
  const photo = await read(upload.bytes, upload.name);
  const sha256 = createHash("sha256").update(upload.bytes).digest("hex");
  // Looked up in turn with other uploads: a row is seen only once its bytes are in place.
  const known = await exclusive(() => findFile(db.orm, cityId, sql`sha256 = ${sha256}`));
  if (known) {
    // Whoever holds the same bytes may read them back as theirs (policy/file-scope.ts).
    await recordUploader(db.orm, upload.cityId, known.id, upload.userId);
    return { file: known, created: false };
  }

  const temp = path.join(dir, TEMP_DIR, randomUUID());
  const tempThumbnail = `${temp}.thumb.webp`;
  try {
    await mkdir(path.dirname(temp), { recursive: true });
    await writeFile(temp, upload.bytes);
    if (photo.thumbnail) await writeFile(tempThumbnail, photo.thumbnail);
    return await exclusive(async () => {
      const id = await db.orm.transaction(async (tx) => {
        const location = photo.location
          ? sql`ST_SetSRID(ST_MakePoint(${photo.location[0]}, ${photo.location[1]}), 4326)`
          : sql`NULL`;
        // A concurrent upload of the same bytes may have won: then its row is the answer.
        const [row] = await selectRows<{ id: number }>(
          tx,
          sql`INSERT INTO files (city_id, sha256, mime, size, original_name, taken_at, exif_location)
              VALUES (${cityId}, ${sha256}, ${photo.mime}, ${upload.bytes.length}, ${safeName(upload.name)},
                ${photo.takenAt?.toISOString() ?? null}, ${location})
              ON CONFLICT ON CONSTRAINT files_city_sha256_key DO NOTHING RETURNING id`,
        );
        if (row) {
          await recordUploader(tx, upload.cityId, row.id, upload.userId);
          await recordAudit(tx, {
            cityId,
            userId: upload.userId,
            action: "upload",
            entity: "file",
            entityId: row.id,
            after: { sha256, mime: photo.mime, size: upload.bytes.length, name: upload.name },
          });
        }
        return row?.id ?? null;
      });
      if (id !== null) {
        await putInPlace(db, dir, sha256, id, temp, photo.thumbnail ? tempThumbnail : null);
      }
      const file = await findFile(
        db.orm,
        cityId,
        id === null ? sql`sha256 = ${sha256}` : sql`id = ${id}`,
      );
      if (!file) throw new Error(`file ${sha256} vanished while it was stored`);
      return { file, created: id !== null };
    });
  } finally {
    // After a rename these are gone already; after any failure they must not stay.
    await rm(temp, { force: true });
    await rm(tempThumbnail, { force: true });
  }
}

/** Remembers who uploaded a file, so they may read it before it is attached to anything. */
async function recordUploader(ex: Executor, cityId: number, fileId: number, userId: number | null) {
  if (userId === null) return;
  await ex.execute(sql`INSERT INTO file_uploads (city_id, file_id, user_id)
    VALUES (${cityId}, ${fileId}, ${userId})
    ON CONFLICT ON CONSTRAINT file_uploads_pkey DO NOTHING`);
}

/** Renames the committed upload into place; if that fails, its row is taken back. */
async function putInPlace(
  db: Db,
  dir: string,
  sha256: string,
  id: number,
  temp: string,
  thumb: string | null,
) {
  try {
    await mkdir(path.dirname(blobPath(dir, sha256)), { recursive: true });
    if (thumb) await rename(thumb, thumbnailPath(dir, sha256));
    await rename(temp, blobPath(dir, sha256));
  } catch (error) {
    // Nobody has the id yet (it is returned only after this), so nothing can reference it.
    await db.orm.execute(sql`DELETE FROM files WHERE id = ${id}`);
    await removeIfUnused(db.orm, dir, sha256);
    throw error;
  }
}

/** Deletes a hash's files from disk when no city has a row for it any more (call in `exclusive`). */
export async function removeIfUnused(ex: Executor, dir: string, sha256: string) {
  const rows = await selectRows(ex, sql`SELECT 1 FROM files WHERE sha256 = ${sha256} LIMIT 1`);
  if (rows.length) return;
  await rm(blobPath(dir, sha256), { force: true });
  await rm(thumbnailPath(dir, sha256), { force: true });
}

/** One file of the city, by a condition on `files`; null when there is none. */
export async function findFile(
  ex: Executor,
  cityId: number,
  where: SQL,
): Promise<StoredFile | null> {
  const [row] = await selectRows<StoredFile & { lon: number | null; lat: number | null }>(
    ex,
    sql`SELECT id, sha256, mime, size::float8 AS size, original_name AS "originalName",
          ${isoTime(sql`taken_at`)} AS "takenAt",
          ST_X(exif_location) AS lon, ST_Y(exif_location) AS lat
        FROM files WHERE city_id = ${cityId} AND ${where}`,
  );
  if (!row) return null;
  const { lon, lat, ...file } = row;
  return { ...file, location: lon === null || lat === null ? null : [lon, lat] };
}

/** The uploader's name, for download only: no folders, no control characters, not too long. */
function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = [...base]
    .filter((ch) => ch >= " " && ch !== "\u007f")
    .join("")
    .trim()
    .slice(-200);
  return clean || "photo";
}
