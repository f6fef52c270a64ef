// The city's accounts as an XLSX sheet in exactly the columns the import reads (import-users.ts),
// so the file imports back unchanged. Passwords are never exported: 初始密码 stays empty, to be
// filled in only on rows added for new accounts.
import { newWorkbook } from "../exports/workbook.ts";
import { type Column, columns, type SheetAccount } from "./user-sheet.ts";

export async function userWorkbook(accounts: SheetAccount[]): Promise<ArrayBuffer> {
  const book = await newWorkbook();
  const sheet = book.addWorksheet("账号", { views: [{ state: "frozen", ySplit: 1 }] });
  const order = Object.keys(columns) as Column[];
  sheet.columns = order.map((key) => ({ key, width: key === "unit" ? 30 : 16 }));
  sheet.addRow(order.map((c) => columns[c][0])).font = { bold: true };
  // Text cells: a mobile number or a numeric username must not turn into a number.
  for (const key of order) sheet.getColumn(key).numFmt = "@";
  sheet.addRows(accounts);
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}
