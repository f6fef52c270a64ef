// A new exceljs workbook, with exceljs loaded the first time a sheet is read or written and not
// at start: loading it took ~1.8 s of every start under load (issue 23), for a file few sessions
// ever ask for. Node caches the module after the first import.
import type ExcelJS from "exceljs";

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import("exceljs");
  return new excel.Workbook();
}
