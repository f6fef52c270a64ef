// What a material or evidence upload is, judged by its bytes: a photo, a PDF or an Office
// document; its name must be a plain file name whose extension agrees with the content.
import { fileTypeFromBuffer } from "file-type";
import { invalidFields, type Message } from "../errors.ts";
import { readPhoto } from "./photo.ts";
import type { ReadUpload } from "./store.ts";

/** Content types (by file-type) we keep as documents, and the extensions a name may carry. */
const documentExtensions: Record<string, readonly string[]> = {
  "application/pdf": ["pdf"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": ["pptx"],
  // Word 97–2003, Excel 97–2003 and PowerPoint 97–2003 share one container (CFB).
  "application/x-cfb": ["doc", "xls", "ppt"],
};
const photoExtensions: Record<string, readonly string[]> = {
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
  "image/webp": ["webp"],
};
/** The MIME type a legacy Office file is served with, by its extension. */
const legacyMime: Record<string, string> = {
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
};

const refuse = (file: Message) => invalidFields({ file });

/**
 * A name offices see on download, never a path: no folder parts, no `..`, no control characters.
 * Refused rather than cleaned, so the uploader knows the name they will see.
 */
export function checkFileName(name: string): void {
  const bad =
    !name.trim() ||
    name.length > 200 ||
    /[\\/]/.test(name) ||
    name.split(/[\\/]/).includes("..") ||
    name.includes("..") ||
    [...name].some((ch) => ch < " " || ch === "\u007f");
  if (bad) throw refuse({ key: "file.bad_name" });
}

const extensionOf = (name: string) => /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";

/** Reads an upload as a photo (with thumbnail and EXIF) or a document, or refuses it. */
export async function readDocument(bytes: Uint8Array, name: string): Promise<ReadUpload> {
  checkFileName(name);
  if (bytes.length === 0) throw refuse({ key: "file.empty" });
  const type = await fileTypeFromBuffer(bytes);
  const extension = extensionOf(name);
  const kind = type?.ext.toUpperCase() ?? "";
  const allowed = type && (photoExtensions[type.mime] ?? documentExtensions[type.mime]);
  if (!type || !allowed) {
    throw refuse({ key: type ? "file.not_document" : "file.unknown_document", params: { kind } });
  }
  // The name says what offices will open it with: it must agree with what the bytes are.
  if (!allowed.includes(extension)) {
    throw refuse({ key: "file.name_mismatch", params: { name, kind } });
  }
  if (photoExtensions[type.mime]) return readPhoto(bytes);
  return {
    mime: legacyMime[extension] ?? type.mime,
    thumbnail: null,
    takenAt: null,
    location: null,
  };
}

/** Whether a stored MIME type is a photo (limited by PHOTO_MAX_MB and given a thumbnail). */
export const isPhotoMime = (mime: string) => mime in photoExtensions;
