// The notice (通报) as an XLSX workbook, ready to print and send: the ranking table with the
// commended and criticised lines, a second sheet listing every overdue problem, and the leaders'
// weekly trend and hotspots.
import { chinaDateTime, RANKING_COLUMNS, RATE_COLUMNS } from "@civgrid/geo";
import type ExcelJS from "exceljs";
import type { ClusterRow } from "../analytics/clusters.ts";
import { hotspotSheet, trendSheet } from "../analytics/notice-sheets.ts";
import type { TrendSeries } from "../analytics/trends.ts";
import type { UnitKind } from "../db/schema/index.ts";
import { headerRow, type TableColumn, tableHead, tableRows } from "../exports/table-sheet.ts";
import { newWorkbook } from "../exports/workbook.ts";
import { translate } from "../messages.ts";
import type { OverdueProblem } from "./queries.ts";
import type { Ranking, RankingRow } from "./ranking.ts";

/** What a notice covers, in words: its category and kind of unit where it was narrowed to them. */
export interface NoticeFilters {
  categoryName?: string | undefined;
  unitKind?: UnitKind | undefined;
}

/** The title names the notice's filter: its period, and its category and kind of unit if any. */
export function noticeTitle(
  cityName: string,
  r: Pick<Ranking, "period">,
  filters: NoticeFilters = {},
): string {
  const parts = [
    `${r.period.from} 至 ${r.period.to}`,
    filters.categoryName && translate("notice.category", "zh-CN", { name: filters.categoryName }),
    filters.unitKind &&
      translate("notice.unitKind", "zh-CN", {
        name: translate(`unitKind.${filters.unitKind}`, "zh-CN"),
      }),
  ];
  return `${cityName} 创城问题整改通报（${parts.filter(Boolean).join("，")}）`;
}

const percent = (rate: number | null) => (rate === null ? "—" : rate);

function rankingSheet(book: ExcelJS.Workbook, title: string, r: Ranking) {
  const who = r.by === "unit" ? "责任单位" : "网格";
  // The page's columns, in the page's order (geo's RANKING_COLUMNS), with the page's words; the
  // counts add up in a 合计 row (名次 numbers the rows already; rates do not add up).
  const columns: TableColumn[] = RANKING_COLUMNS.map((key) => ({
    key,
    header: key === "name" ? who : translate(`rankingColumn.${key}`, "zh-CN"),
    width: key === "name" ? 30 : key.endsWith("Rate") ? 14 : 9,
    total: key !== "rank" && key !== "name" && !RATE_COLUMNS.includes(key),
  }));
  const sheet = book.addWorksheet("整改排名", {
    pageSetup: { orientation: "landscape", fitToPage: true },
  });
  tableHead(sheet, title, columns);
  sheet.addRow([`统计期间：${r.period.from} 至 ${r.period.to}（按问题上报时间）`]);
  headerRow(sheet, columns);
  const rows = r.rows.map((row) => ({
    ...row,
    ...Object.fromEntries(RATE_COLUMNS.map((key) => [key, percent(row[key] as number | null)])),
  }));
  tableRows(sheet, columns, rows);
  for (const key of RATE_COLUMNS) sheet.getColumn(key).numFmt = "0.0%";
  sheet.addRow([]);
  const name = (x: RankingRow) => `${x.name}（失分 ${x.pointsLost}）`;
  sheet.addRow([
    r.commended
      ? `流动红旗：${name(r.commended)}`
      : `流动红旗：本期无符合条件的${r.by === "unit" ? "单位" : "网格"}`,
  ]);
  sheet.addRow([
    r.criticised.length ? `通报批评：${r.criticised.map(name).join("、")}` : "通报批评：无",
  ]);
  sheet.addRow([
    `说明：问题数少于 ${r.minProblemsForRates} 个的不计算按期整改率和返工率，不参与表扬和批评。`,
  ]);
}

function overdueSheet(book: ExcelJS.Workbook, overdue: OverdueProblem[]) {
  const columns = [
    { header: "问题编号", key: "id", width: 10 },
    { header: "问题描述", key: "description", width: 50 },
    { header: "网格", key: "grid", width: 24 },
    { header: "责任单位", key: "unit", width: 28 },
    { header: "整改期限", key: "deadline", width: 18 },
    { header: "超期天数", key: "daysOverdue", width: 10 },
  ];
  const sheet = book.addWorksheet("超期问题");
  tableHead(sheet, `超期未整改问题清单（${overdue.length} 个）`, columns);
  headerRow(sheet, columns);
  for (const p of overdue) sheet.addRow({ ...p, deadline: chinaDateTime(p.deadline) });
  sheet.getColumn("description").alignment = { wrapText: true, vertical: "top" };
}

export async function noticeWorkbook(
  title: string,
  ranking: Ranking,
  overdue: OverdueProblem[],
  leaders?: { trend: TrendSeries; hotspots: ClusterRow[] },
): Promise<ArrayBuffer> {
  const book = await newWorkbook();
  book.title = title;
  rankingSheet(book, title, ranking);
  overdueSheet(book, overdue);
  if (leaders) {
    trendSheet(book, leaders.trend);
    hotspotSheet(book, leaders.hotspots);
  }
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}
