// The notice's (通报) leaders' sheets: the weekly trend of the period and the hotspots (问题聚集区),
// each a plain table that prints on one page.
import type ExcelJS from "exceljs";
import type { ClusterRow } from "./clusters.ts";
import type { TrendSeries } from "./trends.ts";

function titled(book: ExcelJS.Workbook, name: string, title: string, columns: Column[]) {
  const sheet = book.addWorksheet(name, {
    pageSetup: { orientation: "landscape", fitToPage: true },
  });
  sheet.columns = columns.map(({ key, width }) => ({ key, width }));
  sheet.mergeCells(1, 1, 1, columns.length);
  const cell = sheet.getCell(1, 1);
  cell.value = title;
  cell.font = { bold: true, size: 14 };
  cell.alignment = { horizontal: "center" };
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  return sheet;
}

interface Column {
  header: string;
  key: string;
  width: number;
}

export function trendSheet(book: ExcelJS.Workbook, city: TrendSeries) {
  const sheet = titled(book, "每周趋势", "每周问题趋势（全部可见问题）", [
    { header: "周（周一）", key: "week", width: 14 },
    { header: "新发现", key: "found", width: 10 },
    { header: "已销号", key: "closed", width: 10 },
    { header: "周末未销号", key: "open", width: 12 },
    { header: "其中超期", key: "overdue", width: 10 },
    { header: "新增失分", key: "pointsLost", width: 10 },
  ]);
  for (const week of city.weeks) sheet.addRow(week);
}

export function hotspotSheet(book: ExcelJS.Workbook, clusters: ClusterRow[]) {
  const sheet = titled(book, "问题聚集区", `问题聚集区（${clusters.length} 处，按问题数排列）`, [
    { header: "序号", key: "rank", width: 6 },
    { header: "问题数", key: "count", width: 8 },
    { header: "失分", key: "pointsLost", width: 8 },
    { header: "主要问题类别", key: "category", width: 20 },
    { header: "责任单位（问题数）", key: "units", width: 50 },
    { header: "中心经度", key: "lon", width: 12 },
    { header: "中心纬度", key: "lat", width: 12 },
  ]);
  for (const c of clusters) {
    const [lon, lat] = (JSON.parse(c.centroid) as { coordinates: [number, number] }).coordinates;
    sheet.addRow({
      rank: c.rank,
      count: c.count,
      pointsLost: c.pointsLost,
      category: c.category?.name ?? "—",
      units: c.units.map((u) => `${u.name}（${u.count}）`).join("、"),
      lon,
      lat,
    });
  }
  sheet.getColumn("units").alignment = { wrapText: true, vertical: "top" };
}
