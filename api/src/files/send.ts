// Streams a stored file (or its thumbnail) as an HTTP answer: the one way every file-serving
// route sends bytes, whoever it lets read them.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { type SQL, sql } from "drizzle-orm";
import type { Context } from "hono";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { THUMBNAIL_MIME } from "./photo.ts";
import { blobPath, findFile, thumbnailPath } from "./store.ts";

/** RFC 5987: encodeURIComponent leaves ' ( ) * as they are, which the header grammar forbids. */
const headerName = (name: string) =>
  encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/**
 * File `id` of the city, shown inline (a browser previews images and PDFs), when `allowed` (a
 * condition on `files`: who may read it, policy/file-scope.ts) lets the caller read it; 404
 * otherwise, so a file the caller may not read is not told apart from one that does not exist.
 */
export async function sendStoredFile<E extends { Variables: { db: Db } }>(
  c: Context<E>,
  target: { dir: string; cityId: number; id: number; thumbnail: boolean; allowed: SQL },
) {
  const { dir, cityId, id, thumbnail, allowed } = target;
  const file = await findFile(c.var.db.orm, cityId, sql`id = ${id} AND ${allowed}`);
  const where = file && (thumbnail ? thumbnailPath : blobPath)(dir, file.sha256);
  // A row without its bytes (FILES_DIR restored from an older backup) is as good as none.
  const size = where
    ? await stat(where)
        .then((s) => s.size)
        .catch(() => null)
    : null;
  if (!file || !where || size === null) {
    throw new AppError(404, "not_found", {
      key: "error.not_found",
      params: { entity: "entity.file", id },
    });
  }
  const name = thumbnail
    ? `${file.originalName.replace(/\.[^.]*$/, "")}.thumb.webp`
    : file.originalName;
  const stream = Readable.toWeb(createReadStream(where)) as ReadableStream<Uint8Array>;
  return c.body(stream, 200, {
    "content-type": thumbnail ? THUMBNAIL_MIME : file.mime,
    "content-length": String(size),
    // Never kept by a shared cache: who may read a file depends on who asks.
    "cache-control": "private, max-age=31536000, immutable",
    "x-content-type-options": "nosniff",
    "content-disposition": `inline; filename*=UTF-8''${headerName(name)}`,
  });
}
