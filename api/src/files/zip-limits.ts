// Refuses a zip bomb before it is unpacked: the central directory's entry count and declared sizes
// are checked without inflating anything, then every entry is inflated as a stream against a
// running limit (a directory that lies about sizes is caught as the bytes come) and thrown away.
// Only an archive that passes is handed to its reader (Shapefile, XLSX), whose inflating is then
// bounded. Hand-written over yauzl: no library checks a whole archive's total against a limit.
import yauzl, { type Entry, type ZipFile } from "yauzl";
import type { Message } from "../errors.ts";

const MB = 1024 * 1024;

/** What an uploaded archive may hold (README: Security). A Shapefile of 5,000 grids is a few MB. */
export const ZIP_LIMITS = { maxEntries: 100, maxUnpackedBytes: 200 * MB, allowNested: false };

/** Names of archives inside the archive: refused, whatever they hold. */
const nestedArchive = /\.(zip|kmz|rar|7z|gz|tgz|tar|bz2|xz|zst|jar)$/i;
/** Local file header of a zip: a nested archive under another name is refused as well. */
const zipMagic = [0x50, 0x4b, 0x03, 0x04];

export const isZip = (bytes: Uint8Array) => zipMagic.every((b, i) => bytes[i] === b);

/** Null when the archive is within the limits; otherwise what to tell the uploader. */
export async function checkZip(
  bytes: Uint8Array,
  limits: typeof ZIP_LIMITS = ZIP_LIMITS,
): Promise<Message | null> {
  let zip: ZipFile;
  try {
    zip = await open(bytes);
  } catch (error) {
    return unreadable(error);
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      return {
        key: "import.zip_too_many_entries",
        params: { count: zip.entryCount, max: limits.maxEntries },
      };
    }
    const entries = await directory(zip);
    const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > limits.maxUnpackedBytes) return tooLarge(declared, limits.maxUnpackedBytes);
    const nested = !limits.allowNested && entries.find((e) => nestedArchive.test(e.fileName));
    if (nested) return { key: "import.zip_nested", params: { name: nested.fileName } };
    let unpacked = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith("/")) continue;
      const outcome = await drain(zip, entry, !limits.allowNested, (n) => {
        unpacked += n;
        return unpacked <= limits.maxUnpackedBytes;
      });
      if (outcome === "too_large") return tooLarge(unpacked, limits.maxUnpackedBytes);
      if (outcome === "nested")
        return { key: "import.zip_nested", params: { name: entry.fileName } };
    }
    return null;
  } catch (error) {
    return unreadable(error);
  } finally {
    zip.close();
  }
}

const tooLarge = (bytes: number, max: number): Message => ({
  key: "import.zip_too_large",
  params: { size: Math.ceil(bytes / MB), max: Math.round(max / MB) },
});

const unreadable = (error: unknown): Message => ({
  key: "import.zip_unreadable",
  params: { reason: String((error as Error)?.message ?? error).slice(0, 200) },
});

function open(bytes: Uint8Array): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      // validateEntrySizes: an entry that inflates to more than its declared size is an error.
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => (error || !zip ? reject(error ?? new Error("no archive")) : resolve(zip)),
    ),
  );
}

/** Every entry of the central directory, without inflating any. */
function directory(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on("entry", (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once("end", () => resolve(entries));
    zip.once("error", reject);
    zip.readEntry();
  });
}

/** Inflates one entry chunk by chunk, keeping nothing; stops as soon as `more` says no. */
function drain(
  zip: ZipFile,
  entry: Entry,
  refuseNested: boolean,
  more: (bytes: number) => boolean,
): Promise<"ok" | "too_large" | "nested"> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error(`cannot read ${entry.fileName}`));
      let first = true;
      stream.on("data", (chunk: Buffer) => {
        if (first && refuseNested && zipMagic.every((b, i) => chunk[i] === b)) {
          stream.destroy();
          return resolve("nested");
        }
        first = false;
        if (!more(chunk.length)) {
          stream.destroy();
          resolve("too_large");
        }
      });
      stream.once("end", () => resolve("ok"));
      stream.once("error", reject);
    });
  });
}
