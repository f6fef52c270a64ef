// Bulk loading problems from CSV (a city's backlog, another system's ledger, our own exported
// ledger read back): a first pass checks every row and names each bad one by its line, then, only
// if all are good, one transaction inserts them in batches and routes each batch to its grids in
// one spatial join (routeProblems). A million rows stream through; none is held in memory whole.
import {
  awaitingDispatch,
  daysToRectify,
  insideChina,
  parseChinaTime,
  workingDayDeadline,
} from "@civgrid/geo";
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/record.ts";
import { type Db, type Executor, selectRows } from "../db/client.ts";
import { analyze } from "../db/maintenance.ts";
import { problemSeverities, problemSources, problemStatuses } from "../db/schema/index.ts";
import { readCsv } from "../exports/csv-read.ts";
import { type Lang, type MessageKey, translate } from "../messages.ts";
import { routeProblems } from "./routing.ts";

/** Rows inserted and routed per statement. */
export const BATCH = 5_000;
/** A file with more bad rows than this stops being read: the first ones say what is wrong. */
const MAX_ERRORS = 50;

const languages: Lang[] = ["zh-CN", "en"];
/** A message in every language, lower-cased: how a header or a cell may name it. */
const wordsFor = (key: MessageKey) => languages.map((lang) => translate(key, lang).toLowerCase());

/**
 * The columns, found by the header our ledger export writes in either language ("上报时间（北京时间）",
 * "reported (China time)"), or by an English word ending the cell ("经度 lon", "lon", "Lon").
 */
const columns = {
  lon: ["lon", "longitude", ...wordsFor("ledger.lon")],
  lat: ["lat", "latitude", ...wordsFor("ledger.lat")],
  description: ["description", ...wordsFor("ledger.description")],
  reported: ["reported", "reported_at", ...wordsFor("ledger.reported")],
  item: ["item", ...wordsFor("ledger.item")],
  deduction: ["deduction", "points lost", ...wordsFor("ledger.deduction")],
  severity: ["severity", ...wordsFor("ledger.severity")],
  source: ["source", ...wordsFor("ledger.source")],
  status: ["status", ...wordsFor("ledger.status")],
} as const;
type Column = keyof typeof columns;
const required: Column[] = ["lon", "lat", "description"];

export interface ImportProgress {
  phase: "checking" | "importing";
  done: number;
  /** Known once the file has been checked. */
  of: number | null;
}

export interface ImportResult {
  imported: number;
  /** Routed to the grid containing them. */
  inGrid: number;
  /** Outside every grid: routed to the nearest, flagged for the coordinator. */
  nearest: number;
}

/** A bad file: every problem found, each with its line, in Chinese first. */
export class ImportRefused extends Error {
  constructor(readonly problems: { line: number; message: string }[]) {
    super(problems.map((p) => `第 ${p.line} 行 line ${p.line}: ${p.message}`).join("\n"));
  }
}

interface Row {
  lon: number;
  lat: number;
  description: string;
  reported_at: string | null;
  item_id: number | null;
  deduction: number;
  severity: (typeof problemSeverities)[number];
  source: (typeof problemSources)[number];
  status: (typeof problemStatuses)[number];
  /** By severity in working days from the report; none while it waits for dispatch. */
  deadline: string | null;
}

function headerIndex(cells: string[]): Partial<Record<Column, number>> {
  const found: Partial<Record<Column, number>> = {};
  cells.forEach((cell, i) => {
    const text = cell.trim().toLowerCase();
    for (const [column, words] of Object.entries(columns) as [Column, readonly string[]][]) {
      if (found[column] === undefined && words.some((w) => text === w || text.endsWith(` ${w}`))) {
        found[column] = i;
      }
    }
  });
  return found;
}

/**
 * A code from its cell: the code itself, its words in either language ("已销号", "closed"), or a
 * bilingual cell whose last word is the code ("已销号 closed").
 */
const oneOf = <T extends string>(
  list: readonly T[],
  family: "status" | "severity" | "source",
  text: string,
  fallback: T,
): T | null => {
  const cell = text.trim().toLowerCase();
  if (!cell) return fallback;
  const word = cell.split(/\s+/).at(-1) ?? "";
  return (
    list.find(
      (code) =>
        code === cell ||
        code === word ||
        wordsFor(`${family}.${code}` as MessageKey).includes(cell),
    ) ?? null
  );
};

/** The row as the database takes it, or what is wrong with it. */
function checkRow(
  cells: string[],
  at: Partial<Record<Column, number>>,
  items: ItemCodes,
): Row | string {
  const get = (c: Column) => (at[c] === undefined ? "" : (cells[at[c] as number] ?? "").trim());
  const lon = Number(get("lon"));
  const lat = Number(get("lat"));
  if (!get("lon") || !get("lat") || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return "经纬度缺失或不是数字 lon/lat missing or not a number";
  }
  if (!insideChina([lon, lat])) return `位置 ${lon}, ${lat} 不在中国境内 outside China`;
  const description = get("description");
  if (!description || description.length > 2000) {
    return "问题描述须为 1–2000 字 description must be 1–2000 characters";
  }
  const reported = get("reported");
  const reportedAt = reported ? parseChinaTime(reported) : null;
  if (reported && !reportedAt) {
    return `上报时间“${reported}”无法识别 reported time not understood (China time, e.g. 2026-03-01 09:30)`;
  }
  const [code = "", ...title] = get("item").split(/\s+/);
  const candidates = code ? items.get(code) : [];
  if (!candidates) return `测评条目“${code}”不在启用的测评标准中 unknown item code`;
  // A code two standards share ("1.1") is told apart by the title after it, as the ledger has it.
  const item =
    candidates.length === 1 ? candidates[0] : candidates.find((c) => c.title === title.join(" "));
  if (code && !item) {
    return `测评条目“${code}”在多个启用的标准中都有，请在编号后写上条目名称 ambiguous item code: add its title`;
  }
  const deduction = get("deduction") ? Number(get("deduction")) : 0;
  if (!Number.isFinite(deduction) || deduction < 0 || deduction > 1000) {
    return "失分须为 0–1000 的数 points lost must be a number 0–1000";
  }
  const severity = oneOf(problemSeverities, "severity", get("severity"), "normal");
  const source = oneOf(problemSources, "source", get("source"), "patrol");
  const status = oneOf(problemStatuses, "status", get("status"), "reported");
  if (!severity) return `严重程度须为 ${problemSeverities.join("/")} severity`;
  if (!source) return `来源须为 ${problemSources.join("/")} source`;
  if (!status) return `状态须为 ${problemStatuses.join("/")} status`;
  return {
    lon,
    lat,
    description,
    reported_at: reportedAt?.toISOString() ?? null,
    item_id: item?.id ?? null,
    deduction,
    severity,
    source,
    status,
    deadline: awaitingDispatch.includes(status)
      ? null
      : workingDayDeadline(reportedAt ?? new Date(), daysToRectify[severity]).toISOString(),
  };
}

/** The items of the standards in force by code; standards may share a code. */
type ItemCodes = Map<string, { id: number; title: string }[]>;

async function itemCodes(ex: Executor, cityId: number): Promise<ItemCodes> {
  const rows = await selectRows<{ code: string; id: number; title: string }>(
    ex,
    sql`SELECT i.code, i.id, i.title
        FROM standard_items i JOIN standards s ON s.id = i.standard_id AND s.city_id = i.city_id
        WHERE i.city_id = ${cityId} AND s.status = 'active' ORDER BY i.id`,
  );
  const codes: ItemCodes = new Map();
  for (const { code, ...item } of rows) codes.set(code, [...(codes.get(code) ?? []), item]);
  return codes;
}

/** The file's rows, each checked: the row for the database, or what is wrong with it. */
async function* checkedRows(path: string, items: ItemCodes) {
  let at: Partial<Record<Column, number>> | null = null;
  for await (const record of readCsv(path)) {
    if (!at) {
      at = headerIndex(record.cells);
      const missing = required.filter((c) => at?.[c] === undefined);
      if (missing.length) {
        throw new ImportRefused([
          {
            line: record.line,
            message: `表头缺少列 missing columns: ${missing.join(", ")}（表头须含 lon, lat, description）`,
          },
        ]);
      }
      continue;
    }
    yield { line: record.line, row: checkRow(record.cells, at, items) };
  }
  if (!at) throw new ImportRefused([{ line: 1, message: "文件是空的 the file is empty" }]);
}

export async function importProblems(
  db: Db,
  cityId: number,
  path: string,
  progress: (p: ImportProgress) => void = () => {},
  userId: number | null = null,
): Promise<ImportResult> {
  const items = await itemCodes(db.orm, cityId);
  // Pass 1: every row checked; nothing is written unless all are good.
  const errors: { line: number; message: string }[] = [];
  let total = 0;
  for await (const { line, row } of checkedRows(path, items)) {
    if (typeof row === "string") {
      errors.push({ line, message: row });
      if (errors.length >= MAX_ERRORS) break;
      continue;
    }
    total++;
    if (total % BATCH === 0) progress({ phase: "checking", done: total, of: null });
  }
  if (errors.length) throw new ImportRefused(errors);
  if (total === 0) throw new ImportRefused([{ line: 2, message: "没有问题行 no rows" }]);

  // Pass 2: insert and route, batch by batch, in one transaction.
  const imported = await db.orm.transaction(async (tx) => {
    const result: ImportResult = { imported: 0, inGrid: 0, nearest: 0 };
    let batch: Row[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const ids = await insertBatch(tx, cityId, batch);
      const routed = await routeProblems(tx, cityId, ids);
      result.imported += ids.length;
      result.inGrid += routed.contained;
      result.nearest += routed.nearest;
      batch = [];
      progress({ phase: "importing", done: result.imported, of: total });
    };
    for await (const { line, row } of checkedRows(path, items)) {
      if (typeof row === "string") {
        // Checked good a moment ago: the file was changed while it was being imported.
        throw new ImportRefused([
          { line, message: `文件在导入过程中被改动 the file changed: ${row}` },
        ]);
      }
      batch.push(row);
      if (batch.length === BATCH) await flush();
    }
    await flush();
    await recordAudit(tx, {
      cityId,
      userId,
      action: "import",
      entity: "problem",
      entityId: null,
      after: { file: path.split("/").at(-1), ...result },
    });
    return result;
  });
  // The planner's statistics for what was just loaded, before the first read plans on stale ones.
  await analyze(db, ["problems", "problem_cell_days"]);
  return imported;
}

/** One statement for the batch: the rows go as one JSON parameter, which both engines read. */
async function insertBatch(tx: Executor, cityId: number, rows: Row[]) {
  const inserted = await selectRows<{ id: number }>(
    tx,
    sql`INSERT INTO problems (city_id, source, severity, status, description, location, item_id,
          deduction, reported_at, deadline, closed_at)
        SELECT ${cityId}, r.source, r.severity, r.status, r.description,
          ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326), r.item_id, r.deduction,
          coalesce(r.reported_at, now()),
          r.deadline,
          -- A problem imported as closed was closed by the time it was reported here, at the latest.
          CASE WHEN r.status = 'closed' THEN coalesce(r.reported_at, now()) END
        FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(lon float8, lat float8,
          description text, reported_at timestamptz, item_id int, deduction numeric,
          severity text, source text, status text, deadline timestamptz)
        RETURNING id`,
  );
  return inserted.map((r) => r.id);
}
