// A standard as one XLSX sheet, one row an item: the layout import-sheet.ts reads back.
import { newWorkbook } from "../exports/workbook.ts";
import type { StandardDetail } from "./queries.ts";
import { type SheetColumn, sheetColumns } from "./rules.ts";

const order: SheetColumn[] = [
  "categorySeq",
  "category",
  "code",
  "title",
  "checklist",
  "points",
  "evidence",
  "radius",
];

/** The name offices will see for a standard's workbook: 名称（2022年第1版）.xlsx */
export function standardFileName(s: Pick<StandardDetail, "name" | "year" | "version">) {
  return `${s.name}（${s.year}年第${s.version}版）.xlsx`;
}

export async function standardWorkbook(standard: StandardDetail): Promise<ArrayBuffer> {
  const book = await newWorkbook();
  book.title = standard.name;
  // Row 1 is the header, no title row above it, so the file imports as it is.
  const sheet = book.addWorksheet("测评标准", {
    pageSetup: { orientation: "landscape", fitToPage: true },
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = order.map((key) => ({ key, width: sheetColumns[key].width }));
  const header = sheet.addRow(order.map((key) => sheetColumns[key].header));
  header.font = { bold: true };
  for (const category of standard.categories) {
    for (const item of category.items) {
      sheet.addRow({
        categorySeq: category.seq,
        category: category.name,
        code: item.code,
        title: item.title,
        checklist: item.checklist,
        points: item.points,
        evidence: item.evidence,
        radius: category.duplicateRadiusM,
      });
    }
  }
  sheet.getColumn("checklist").alignment = { wrapText: true, vertical: "top" };
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}
