// Opening an uploaded XLSX sheet whose header row names its columns, as offices keep them:
// the workbook must load, hold a sheet, and carry every required column (by any of its labels).
// Offices often put a title (or a few lines of it) above the header: the header is the first row
// naming every required column.
import type ExcelJS from "exceljs";
import type { Message } from "../errors.ts";
import { checkZip, isZip, ZIP_LIMITS } from "../files/zip-limits.ts";
import { newWorkbook } from "./workbook.ts";

export type OpenedSheet<C extends string> =
  | { ok: true; sheet: ExcelJS.Worksheet; header: Map<C, number>; headerRow: number }
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
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(file);
  } catch {
    return { ok: false, problems: { file: { key: "field.file_xlsx" } } };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, problems: { file: { key: "field.sheet_empty" } } };
  // The row naming the most required columns; the first such row when several tie.
  let headerRow = 1;
  let header = columnsIn(sheet.getRow(1), columns);
  const found = (h: Map<C, number>) => required.filter((c) => h.has(c)).length;
  for (let r = 2; r <= Math.min(sheet.rowCount, TITLE_ROWS + 1); r++) {
    const candidate = columnsIn(sheet.getRow(r), columns);
    if (found(candidate) > found(header)) [headerRow, header] = [r, candidate];
  }
  const missing = required.filter((c) => !header.has(c));
  if (missing.length) {
    const names = missing.map((c) => columns[c][0]).join("、");
    return {
      ok: false,
      problems: { file: { key: "field.sheet_columns", params: { columns: names } } },
    };
  }
  return { ok: true, sheet, header, headerRow };
}

/** How many rows of title may stand above the header. */
const TITLE_ROWS = 5;

/** The columns a row names, by their labels (case and surrounding spaces aside). */
function columnsIn<C extends string>(row: ExcelJS.Row, columns: Record<C, readonly string[]>) {
  const header = new Map<C, number>();
  row.eachCell((cell, col) => {
    const text = cell.text.trim().toLowerCase();
    for (const [name, labels] of Object.entries(columns) as [C, readonly string[]][]) {
      if (labels.some((l) => l.toLowerCase() === text)) header.set(name, col);
    }
  });
  return header;
}
