import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { headerRow, SEQUENCE, type TableColumn, tableHead, tableRows } from "./table-sheet.ts";

const columns: TableColumn[] = [
  SEQUENCE,
  { header: "支队", key: "name", width: 20 },
  { header: "服务时长", key: "hours", width: 10, total: true },
  { header: "排名", key: "place", width: 6 },
];

describe("a table sheet", () => {
  it("numbers the rows and adds up only the columns marked total, without float noise", () => {
    const sheet = new ExcelJS.Workbook().addWorksheet("t");
    tableHead(sheet, "标题", columns);
    headerRow(sheet, columns);
    tableRows(sheet, columns, [
      { name: "甲", hours: 0.1, place: 2 },
      { name: "乙", hours: 0.2, place: 1 },
    ]);
    const texts = [1, 2, 3, 4, 5].map((r) => [1, 2, 3, 4].map((c) => sheet.getCell(r, c).text));
    expect(texts).toEqual([
      ["标题", "标题", "标题", "标题"],
      ["序号", "支队", "服务时长", "排名"],
      ["1", "甲", "0.1", "2"],
      ["2", "乙", "0.2", "1"],
      ["合计", "", "0.3", ""],
    ]);
  });

  it("writes no 合计 row where nothing adds up", () => {
    const sheet = new ExcelJS.Workbook().addWorksheet("t");
    const plain = columns.map(({ total: _, ...c }) => c);
    tableRows(sheet, plain, [{ name: "甲", hours: 1 }]);
    expect(sheet.rowCount).toBe(1);
  });
});
