// The assessors' archive (迎检资料): every material the filters select, in folders category → unit →
// week, with an index workbook listing each file. The ZIP is streamed entry by entry from disk
// (archiver), so memory stays flat however large the archive grows.

import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { PassThrough, Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { type Executor, selectRows } from "../db/client.ts";
import { SEQUENCE } from "../exports/table-sheet.ts";
import { newWorkbook } from "../exports/workbook.ts";
import { blobPath } from "../files/store.ts";
import type { Scope } from "../policy/scope.ts";
import { dateInChina } from "../tasks/china-time.ts";
import {
  type MaterialFilters,
  type MaterialRow,
  materialColumns,
  materialConditions,
  materialFrom,
} from "./queries.ts";
import { categoryNames } from "./rules.ts";

export const INDEX_NAME = "资料索引.xlsx";
const statusNames = { submitted: "待审核", accepted: "已通过", returned: "已退回" } as const;

/** A folder or file name inside the ZIP: the stored name is already free of paths; be sure. */
const part = (name: string) =>
  [...name]
    .map((ch) => (ch < " " || '\\/:*?"<>|'.includes(ch) ? "_" : ch))
    .join("")
    .replace(/^\.+/, "_") || "_";

export interface ArchiveEntry {
  material: MaterialRow;
  /** Path inside the ZIP; null when the file's bytes are missing on disk. */
  path: string | null;
}

/** The materials with files, each given its path in the archive (names made unique per folder). */
export async function archiveEntries(
  ex: Executor,
  filesDir: string,
  scope: Scope,
  f: MaterialFilters,
) {
  const rows = await selectRows<MaterialRow>(
    ex,
    sql`SELECT ${materialColumns} FROM ${materialFrom}
        WHERE ${materialConditions(scope, f)} AND m.file_id IS NOT NULL
        ORDER BY m.category, u.name COLLATE "C", m.week, m.submitted_at, m.id`,
  );
  const taken = new Set<string>();
  const entries: ArchiveEntry[] = [];
  for (const material of rows) {
    const where = blobPath(filesDir, material.sha256 as string);
    const present = await access(where).then(
      () => true,
      () => false,
    );
    if (!present) {
      entries.push({ material, path: null });
      continue;
    }
    const folder = [
      categoryNames[material.category] ?? part(material.category),
      part(material.unitName),
      material.week,
    ].join("/");
    const name = part(material.fileName ?? `${material.id}`);
    const dot = name.lastIndexOf(".");
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
    let path = `${folder}/${name}`;
    for (let n = 2; taken.has(path); n++) path = `${folder}/${stem} (${n})${ext}`;
    taken.add(path);
    entries.push({ material, path });
  }
  return entries;
}

/** The index workbook: one row per material, with its place in the archive. */
export async function indexWorkbook(entries: ArchiveEntry[]): Promise<Buffer> {
  const book = await newWorkbook();
  const sheet = book.addWorksheet("资料索引", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    SEQUENCE,
    { header: "资料类别", key: "category", width: 12 },
    { header: "报送单位", key: "unit", width: 28 },
    { header: "周次", key: "week", width: 12 },
    { header: "资料名称", key: "title", width: 30 },
    { header: "文件名", key: "file", width: 30 },
    { header: "报送人", key: "submitter", width: 14 },
    { header: "报送日期", key: "date", width: 12 },
    { header: "审核状态", key: "status", width: 10 },
    { header: "归档路径", key: "path", width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  entries.forEach(({ material: m, path }, i) => {
    sheet.addRow({
      seq: i + 1,
      category: categoryNames[m.category] ?? m.category,
      unit: m.unitName,
      week: m.week,
      title: m.title,
      file: m.fileName,
      submitter: m.submittedBy ?? "",
      date: dateInChina(new Date(m.submittedAt)),
      status: statusNames[m.status],
      path: path ?? "（文件缺失）",
    });
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * The ZIP as a web stream. Photos and Office files are compressed already: stored, not deflated,
 * so the server spends no time squeezing them. A read error ends the stream with that error.
 */
export async function archiveStream(
  entries: ArchiveEntry[],
  filesDir: string,
): Promise<ReadableStream<Uint8Array>> {
  // archiver is loaded at the first archive, not at start (issue 23: ~0.5 s of every start).
  const { ZipArchive } = await import("archiver");
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const out = new PassThrough();
  zip.on("error", (error: Error) => out.destroy(error));
  zip.pipe(out);
  zip.append(await indexWorkbook(entries), { name: INDEX_NAME, store: true });
  for (const { material, path } of entries) {
    if (!path) continue;
    const mime = material.mime ?? "";
    const alreadyCompressed = mime.startsWith("image/") || mime.includes("openxmlformats");
    zip.append(createReadStream(blobPath(filesDir, material.sha256 as string)), {
      name: path,
      store: alreadyCompressed,
      date: new Date(material.submittedAt),
    });
  }
  void zip.finalize();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
