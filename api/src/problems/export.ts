// The problem ledger (问题台账) as CSV: every problem the scope may read, page by page.
import { chinaDateTime } from "@civgrid/geo";
import type { Executor } from "../db/client.ts";
import type { problemSeverities, problemSources } from "../db/schema/index.ts";
import { toCsv } from "../exports/csv.ts";
import { type Lang, translate } from "../messages.ts";
import type { Scope } from "../policy/scope.ts";
import { listProblems, type ProblemFilters, type ProblemRow } from "./queries.ts";

/** The ledger's columns, in order; each header is `ledger.<column>` in the reader's language. */
export const LEDGER_COLUMNS = [
  "id",
  "status",
  "severity",
  "source",
  "description",
  "grid",
  "unit",
  "item",
  "deduction",
  "deadline",
  "overdue",
  "reported",
  "lon",
  "lat",
] as const;

/** One problem as the reader reads it: words for its codes, China time for its moments. */
function row(p: ProblemRow, lang: Lang): unknown[] {
  const [lon, lat] = (JSON.parse(p.geometry) as { coordinates: [number, number] }).coordinates;
  return [
    p.id,
    translate(`status.${p.status}`, lang),
    translate(`severity.${p.severity as ProblemSeverity}`, lang),
    translate(`source.${p.source as ProblemSource}`, lang),
    p.description,
    p.gridCode,
    p.unitName,
    p.itemCode ? `${p.itemCode} ${p.itemTitle ?? ""}`.trim() : "",
    p.deduction,
    p.deadline && chinaDateTime(p.deadline),
    p.overdue ? translate("ledger.yes", lang) : "",
    chinaDateTime(p.reportedAt),
    lon,
    lat,
  ];
}

type ProblemSeverity = (typeof problemSeverities)[number];
type ProblemSource = (typeof problemSources)[number];

const PAGE = 5000;

export async function exportProblems(
  ex: Executor,
  scope: Scope,
  filters: ProblemFilters,
  lang: Lang,
): Promise<string> {
  const rows: unknown[][] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await listProblems(ex, scope, filters, { limit: PAGE, offset });
    rows.push(...page.rows.map((p) => row(p, lang)));
    if (offset + PAGE >= page.total) break;
  }
  const header = LEDGER_COLUMNS.map((c) => translate(`ledger.${c}`, lang));
  return toCsv(header, rows);
}
