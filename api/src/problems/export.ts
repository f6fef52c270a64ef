// The problem ledger (问题台账) as CSV: every problem the scope may read, page by page.
import type { Executor } from "../db/client.ts";
import { toCsv } from "../exports/csv.ts";
import type { Scope } from "../policy/scope.ts";
import { listProblems, type ProblemFilters, type ProblemRow } from "./queries.ts";

const header = [
  "编号 id",
  "状态 status",
  "严重程度 severity",
  "来源 source",
  "描述 description",
  "网格 grid",
  "责任单位 unit",
  "测评条目 item",
  "失分 points lost",
  "整改期限 deadline",
  "超期 overdue",
  "上报时间 reported",
  "经度 lon",
  "纬度 lat",
];

function row(p: ProblemRow): unknown[] {
  const [lon, lat] = (JSON.parse(p.geometry) as { coordinates: [number, number] }).coordinates;
  return [
    p.id,
    p.status,
    p.severity,
    p.source,
    p.description,
    p.gridCode,
    p.unitName,
    p.itemCode ? `${p.itemCode} ${p.itemTitle ?? ""}`.trim() : "",
    p.deduction,
    p.deadline,
    p.overdue ? "是 yes" : "",
    p.reportedAt,
    lon,
    lat,
  ];
}

const PAGE = 5000;

export async function exportProblems(
  ex: Executor,
  scope: Scope,
  filters: ProblemFilters,
): Promise<string> {
  const rows: unknown[][] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await listProblems(ex, scope, filters, { limit: PAGE, offset });
    rows.push(...page.rows.map(row));
    if (offset + PAGE >= page.total) break;
  }
  return toCsv(header, rows);
}
