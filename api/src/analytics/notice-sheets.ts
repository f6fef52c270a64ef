// The notice's (通报) leaders' sheets: the weekly trend of the period and the hotspots (问题聚集区),
// each a plain table that prints on one page, numbered, with a 合计 row of what adds up.
import type ExcelJS from "exceljs";
import { SEQUENCE, type TableColumn, tableRows, tableSheet } from "../exports/table-sheet.ts";
import type { ClusterRow } from "./clusters.ts";
import type { TrendSeries } from "./trends.ts";

export function trendSheet(book: ExcelJS.Workbook, city: TrendSeries) {
  // What is open at a week's end is a state, not a flow: it does not add up across weeks.
  const columns: TableColumn[] = [
    SEQUENCE,
    { header: "周（周一）", key: "week", width: 14 },
    { header: "新发现", key: "found", width: 10, total: true },
    { header: "已销号", key: "closed", width: 10, total: true },
    { header: "周末未销号", key: "open", width: 12 },
    { header: "其中超期", key: "overdue", width: 10 },
    { header: "新增失分", key: "pointsLost", width: 10, total: true },
  ];
  tableRows(
    tableSheet(book, "每周趋势", "每周问题趋势（全部可见问题）", columns),
    columns,
    city.weeks,
  );
}

export function hotspotSheet(book: ExcelJS.Workbook, clusters: ClusterRow[]) {
  // The clusters' own rank numbers the rows: no second 序号.
  const columns: TableColumn[] = [
    { ...SEQUENCE, key: "rank" },
    { header: "问题数", key: "count", width: 8, total: true },
    { header: "失分", key: "pointsLost", width: 8, total: true },
    { header: "主要问题类别", key: "category", width: 20 },
    { header: "责任单位（问题数）", key: "units", width: 50 },
    { header: "中心经度", key: "lon", width: 12 },
    { header: "中心纬度", key: "lat", width: 12 },
  ];
  const title = `问题聚集区（${clusters.length} 处，按问题数排列）`;
  const rows = clusters.map((c) => {
    const [lon, lat] = (JSON.parse(c.centroid) as { coordinates: [number, number] }).coordinates;
    return {
      rank: c.rank,
      count: c.count,
      pointsLost: c.pointsLost,
      category: c.category?.name ?? "—",
      units: c.units.map((u) => `${u.name}（${u.count}）`).join("、"),
      lon,
      lat,
    };
  });
  const sheet = tableSheet(book, "问题聚集区", title, columns);
  tableRows(sheet, columns, rows);
  sheet.getColumn("units").alignment = { wrapText: true, vertical: "top" };
}
