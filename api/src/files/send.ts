// Sends a stored file (or its thumbnail) as a download-safe response: for the signed-in files
// route and for the public media of citizens' Open311 requests.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import type { Context } from "hono";
import { AppError } from "../errors.ts";
import { THUMBNAIL_MIME } from "./photo.ts";
import { blobPath, type StoredFile, thumbnailPath } from "./store.ts";

const headerName = (name: string) =>
  encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** The file's bytes; 404 when there is no such file or its bytes are gone. */
export async function sendFile(
  c: Context,
  dir: string,
  file: StoredFile | null,
  id: number,
  options: { thumbnail: boolean; cache: "private" | "public" },
) {
  const where = file && (options.thumbnail ? thumbnailPath : blobPath)(dir, file.sha256);
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
  const name = options.thumbnail
    ? `${file.originalName.replace(/\.[^.]*$/, "")}.thumb.webp`
    : file.originalName;
  const stream = Readable.toWeb(createReadStream(where)) as ReadableStream<Uint8Array>;
  return c.body(stream, 200, {
    "content-type": options.thumbnail ? THUMBNAIL_MIME : file.mime,
    "content-length": String(size),
    "cache-control": `${options.cache}, max-age=31536000, immutable`,
    "x-content-type-options": "nosniff",
    "content-disposition": `inline; filename*=UTF-8''${headerName(name)}`,
  });
}
