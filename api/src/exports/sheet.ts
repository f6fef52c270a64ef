// Opening an uploaded XLSX sheet whose first row names its columns, as offices keep them:
// the workbook must load, hold a sheet, and carry every required column (by any of its labels).
import ExcelJS from "exceljs";
import type { Message } from "../errors.ts";
import { checkZip, isZip, ZIP_LIMITS } from "../files/zip-limits.ts";

export type OpenedSheet<C extends string> =
  | { ok: true; sheet: ExcelJS.Worksheet; header: Map<C, number> }
  | { ok: false; problems: Record<string, Message> };

/** `columns` gives each column's labels, the first being the one named when it is missing. */
export async function openSheet<C extends string>(
  file: ArrayBuffer,
  columns: Record<C, readonly string[]>,
  required: readonly C[],
): Promise<OpenedSheet<C>> {
  // An XLSX is a zip: held to the same limits before it is unpacked (an office file may embed others).
  const bytes = new Uint8Array(file);
  const bomb = isZip(bytes) && (await checkZip(bytes, { ...ZIP_LIMITS, allowNested: true }));
  if (bomb) return { ok: false, problems: { file: bomb } };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file);
  } catch {
    return { ok: false, problems: { file: { key: "field.file_xlsx" } } };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, problems: { file: { key: "field.sheet_empty" } } };
  const header = new Map<C, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = cell.text.trim().toLowerCase();
    for (const [name, labels] of Object.entries(columns) as [C, readonly string[]][]) {
      if (labels.some((l) => l.toLowerCase() === text)) header.set(name, col);
    }
  });
  const missing = required.filter((c) => !header.has(c));
  if (missing.length) {
    const names = missing.map((c) => columns[c][0]).join("、");
    return {
      ok: false,
      problems: { file: { key: "field.sheet_columns", params: { columns: names } } },
    };
  }
  return { ok: true, sheet, header };
}
