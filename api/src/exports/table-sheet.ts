// Writing a table into an XLSX sheet as offices print one: a title across the top, a bold header,
// numbered rows (序号) and, where columns add up, a closing 合计 row.
import type ExcelJS from "exceljs";

export interface TableColumn {
  header: string;
  key: string;
  width: number;
  /** Added up in the 合计 row. */
  total?: boolean;
}

/** The numbering column offices put first; `tableRows` fills it. */
export const SEQUENCE: TableColumn = { header: "序号", key: "seq", width: 6 };

/** Sets the sheet's columns (keys and widths) and writes its title row and header row. */
export function tableHead(sheet: ExcelJS.Worksheet, title: string, columns: TableColumn[]) {
  sheet.columns = columns.map(({ key, width }) => ({ key, width }));
  const row = sheet.rowCount + 1;
  sheet.mergeCells(row, 1, row, columns.length);
  const cell = sheet.getCell(row, 1);
  cell.value = title;
  cell.font = { bold: true, size: 14 };
  cell.alignment = { horizontal: "center" };
}

/** The header row, in bold. */
export function headerRow(sheet: ExcelJS.Worksheet, columns: TableColumn[]) {
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
}

/** A landscape sheet that prints on one page, opened with its title row and header row. */
export function tableSheet(
  book: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: TableColumn[],
) {
  const sheet = book.addWorksheet(name, {
    pageSetup: { orientation: "landscape", fitToPage: true },
  });
  tableHead(sheet, title, columns);
  headerRow(sheet, columns);
  return sheet;
}

/**
 * Writes the rows, numbering them when the table starts with SEQUENCE, then a bold 合计 row
 * (the word in the first column) adding up each column marked `total`, when there is one.
 */
export function tableRows(
  sheet: ExcelJS.Worksheet,
  columns: TableColumn[],
  rows: readonly object[],
) {
  const numbered = columns[0]?.key === SEQUENCE.key;
  for (const [i, row] of rows.entries()) sheet.addRow(numbered ? { ...row, seq: i + 1 } : row);
  const summed = columns.filter((c) => c.total);
  if (summed.length === 0) return;
  const sums = summed.map((c) => {
    const sum = rows.reduce(
      (s, row) => s + (Number((row as Record<string, unknown>)[c.key]) || 0),
      0,
    );
    return [c.key, Math.round(sum * 100) / 100]; // hours in halves: no 0.30000000000000004
  });
  const total = sheet.addRow({ ...Object.fromEntries(sums), [columns[0]?.key ?? ""]: "合计" });
  total.font = { bold: true };
}
