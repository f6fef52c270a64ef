// What an upload is, judged by its bytes alone (never its name or declared type): a photo we can
// show, its thumbnail, and where and when its EXIF says it was taken.
import { fileTypeFromBuffer } from "file-type";
import { invalidFields, type Message } from "../errors.ts";

/**
 * What browsers show and sharp's prebuilt libvips decodes. HEIC is refused: the prebuilt
 * libheif carries AV1 only, not the patent-encumbered HEVC that iPhone HEIC photos use.
 */
const accepted = new Set(["image/jpeg", "image/png", "image/webp"]);
const heif = new Set(["image/heic", "image/heic-sequence", "image/heif", "image/heif-sequence"]);

export const THUMBNAIL_MIME = "image/webp";
/** Long side of a thumbnail: sharp on a phone screen in a list, a fraction of the original's bytes. */
const THUMBNAIL_PX = 480;
/**
 * EXIF times carry no zone unless OffsetTimeOriginal is set; a camera records local time, and
 * the cities CivGrid serves are all on China Standard Time.
 */
const LOCAL_OFFSET = "+08:00";

export interface Photo {
  mime: string;
  thumbnail: Buffer;
  takenAt: Date | null;
  /** WGS84 [lon, lat], as GPS EXIF records it. */
  location: [number, number] | null;
}

const refuse = (file: Message) => invalidFields({ file });

/** Reads an upload as a photo, or refuses it with a message naming what it is instead. */
export async function readPhoto(bytes: Uint8Array): Promise<Photo> {
  if (bytes.length === 0) throw refuse({ key: "file.empty" });
  const mime = await sniff(bytes);
  // sharp (libvips, native) and exifr load at the first photo, not at start (issue 23): a start
  // and its resident memory do not pay for them until someone uploads.
  const { default: sharp } = await import("sharp");
  const thumbnail = await sharp(bytes, { failOn: "error" })
    .rotate() // by EXIF orientation, so a portrait phone photo is not shown lying down
    .resize({ width: THUMBNAIL_PX, height: THUMBNAIL_PX, fit: "inside", withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer()
    .catch(() => {
      // Magic bytes of an image but no decodable picture: truncated or damaged.
      throw refuse({ key: "file.unreadable" });
    });
  return { mime, thumbnail, ...(await readExif(bytes)) };
}

async function sniff(bytes: Uint8Array): Promise<string> {
  const type = await fileTypeFromBuffer(bytes);
  if (type && accepted.has(type.mime)) return type.mime;
  if (type && heif.has(type.mime)) throw refuse({ key: "file.heic" });
  const kind = type?.ext.toUpperCase() ?? "";
  if (type?.mime.startsWith("image/"))
    throw refuse({ key: "file.unsupported_image", params: { kind } });
  if (type) throw refuse({ key: "file.not_image", params: { kind } });
  throw refuse({ key: looksLikeText(bytes) ? "file.text" : "file.unknown" });
}

/** file-type knows binary formats only; text (a CSV, a note renamed .jpg) is told apart here. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return false;
  try {
    // stream: a multi-byte character cut at the 4096th byte is not an error.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

async function readExif(bytes: Uint8Array): Promise<Pick<Photo, "takenAt" | "location">> {
  // No EXIF, or a format exifr does not read (WebP), simply offers nothing.
  const { default: exifr } = await import("exifr");
  const tags = (await exifr
    .parse(bytes, { gps: true, exif: true, reviveValues: false })
    .catch(() => undefined)) as Record<string, unknown> | undefined;
  return { takenAt: takenAtOf(tags), location: locationOf(tags) };
}

function takenAtOf(tags: Record<string, unknown> | undefined): Date | null {
  const raw = tags?.DateTimeOriginal;
  const parts = typeof raw === "string" && /^(\d{4}):(\d\d):(\d\d) (\d\d):(\d\d):(\d\d)/.exec(raw);
  if (!parts) return null;
  const offset = tags?.OffsetTimeOriginal;
  const zone = typeof offset === "string" && /^[+-]\d\d:\d\d$/.test(offset) ? offset : LOCAL_OFFSET;
  const [, y, mo, d, h, mi, s] = parts;
  const time = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`);
  // Cameras with an unset clock write 0000:00:00 or 1970; neither is when the photo was taken.
  return Number.isNaN(time.getTime()) || time.getUTCFullYear() < 2000 ? null : time;
}

function locationOf(tags: Record<string, unknown> | undefined): [number, number] | null {
  const { longitude: lon, latitude: lat } = tags ?? {};
  if (typeof lon !== "number" || typeof lat !== "number") return null;
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90)
    return null;
  // Some phones write 0,0 when they had no fix.
  if (lon === 0 && lat === 0) return null;
  const round = (v: number) => Math.round(v * 1e7) / 1e7;
  return [round(lon), round(lat)];
}
