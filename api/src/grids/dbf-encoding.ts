// The text encoding of a Shapefile's .dbf: most Chinese Shapefiles are GBK/GB18030, often without a
// .cpg. By the .cpg when there is one (ArcGIS writes "936", "CP936", "ANSI 936", "GBK", "UTF-8"…);
// otherwise UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312).

const labels: Record<string, string> = {
  "936": "gbk",
  cp936: "gbk",
  "ansi 936": "gbk",
  "windows-936": "gbk",
  gbk: "gbk",
  gb2312: "gbk",
  "54936": "gb18030",
  gb18030: "gb18030",
  "65001": "utf-8",
  "utf-8": "utf-8",
  utf8: "utf-8",
};

/** A WHATWG encoding label for a .cpg's text; null when TextDecoder knows none. */
export function encodingOfCpg(cpg: string): string | null {
  const text = cpg.trim().toLowerCase();
  const label = labels[text] ?? (/^\d+$/.test(text) ? `windows-${text}` : text);
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/**
 * The .dbf's text fields as bytes, past its header: valid UTF-8 means UTF-8 (ASCII included);
 * anything else is read as GB18030, which decodes every byte sequence GBK writes.
 */
export function detectDbfEncoding(dbf: Uint8Array): "utf-8" | "gb18030" {
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const headerLength = dbf.byteLength >= 12 ? view.getUint16(8, true) : 0;
  const records = dbf.subarray(Math.min(headerLength, dbf.byteLength));
  const names = dbf.subarray(32, Math.min(headerLength, dbf.byteLength));
  try {
    const strict = new TextDecoder("utf-8", { fatal: true });
    strict.decode(records);
    strict.decode(names);
    return "utf-8";
  } catch {
    return "gb18030";
  }
}

/** The encoding to read a .dbf with, and how it was decided (for the preview to say). */
export function dbfEncoding(dbf: Uint8Array, cpg: string | null) {
  const fromCpg = cpg === null ? null : encodingOfCpg(cpg);
  if (fromCpg) return { encoding: fromCpg, by: "cpg" as const };
  return { encoding: detectDbfEncoding(dbf), by: "detected" as const };
}
