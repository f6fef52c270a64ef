// Task lists (任务清单) in and out of XLSX, in the columns offices already keep: 任务名称, 任务说明,
// 阶段, 截止日期, 责任单位 (names, or 全部医院), 责任网格 (codes). An import checks every row
// before anything is saved, naming each problem by row and column.

import { sql } from "drizzle-orm";
import type ExcelJS from "exceljs";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { phaseKinds } from "../db/schema/index.ts";
import type { Message } from "../errors.ts";
import { openSheet } from "../exports/sheet.ts";
import { newWorkbook } from "../exports/workbook.ts";
import { dateInChina } from "./china-time.ts";
import { hospitalKinds, type TaskInput, taskInputSchema } from "./rules.ts";

type Column = "title" | "description" | "phase" | "deadline" | "units" | "grids" | "progress";
const columns: Record<Column, { header: string; aliases: string[]; width: number }> = {
  title: { header: "任务名称", aliases: ["任务", "标题", "title"], width: 36 },
  description: { header: "任务说明", aliases: ["说明", "内容", "description"], width: 50 },
  phase: { header: "阶段", aliases: ["phase"], width: 12 },
  deadline: { header: "截止日期", aliases: ["完成时限", "deadline"], width: 14 },
  units: { header: "责任单位", aliases: ["units"], width: 40 },
  grids: { header: "责任网格", aliases: ["网格", "grids"], width: 24 },
  progress: { header: "完成情况", aliases: ["progress"], width: 14 },
};
const required: Column[] = ["title", "phase", "deadline", "units"];
/** What a cell of 责任单位 may say to mean every hospital. */
export const ALL_HOSPITALS = "全部医院";
export const phaseNames: Record<(typeof phaseKinds)[number], string> = {
  mobilisation: "宣传发动",
  implementation: "创建实施",
  assessment: "检查考核",
  consolidation: "巩固提高",
};

const split = (text: string) =>
  text
    .split(/[、,，;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

function dateText(cell: ExcelJS.Cell): string {
  // A date cell holds midnight UTC of the day shown.
  if (cell.value instanceof Date) return cell.value.toISOString().slice(0, 10);
  return cell.text
    .trim()
    .replace(/\//g, "-")
    .replace(/-(\d)(?!\d)/g, "-0$1");
}

export async function readTaskSheet(
  ex: Executor,
  cityId: number,
  campaignId: number,
  file: ArrayBuffer,
): Promise<
  | { ok: true; rows: { row: number; input: TaskInput }[] }
  | { ok: false; problems: Record<string, Message> }
> {
  const labels = Object.fromEntries(
    Object.entries(columns).map(([k, c]) => [k, [c.header, ...c.aliases]]),
  ) as Record<Column, string[]>;
  const opened = await openSheet(file, labels, required);
  if (!opened.ok) return opened;
  const { sheet, header, headerRow } = opened;
  const units = await selectRows<{ id: number; name: string; shortName: string | null }>(
    ex,
    sql`SELECT id, name, short_name AS "shortName" FROM units WHERE city_id = ${cityId}`,
  );
  const grids = await selectRows<{ id: number; code: string }>(
    ex,
    sql`SELECT id, code FROM grids WHERE city_id = ${cityId} AND deleted_at IS NULL`,
  );
  const problems: Record<string, Message> = {};
  const flag = (row: number, column: Column, problem: Message) => {
    problems[`row ${row}`] ??= {
      key: "field.sheet_cell",
      params: { row, column: columns[column].header, problem },
    };
  };
  const rows: { row: number; input: TaskInput }[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    const cell = (c: Column) => {
      const col = header.get(c);
      return col ? row.getCell(col) : null;
    };
    const text = (c: Column) => cell(c)?.text.trim() ?? "";
    const phaseText = text("phase");
    const phase = phaseKinds.find((k) => k === phaseText || phaseNames[k] === phaseText);
    if (!phase) {
      flag(r, "phase", {
        key: "field.one_of",
        params: { values: Object.values(phaseNames).join("、") },
      });
      continue;
    }
    const unitNames = split(text("units"));
    const unknown = unitNames.filter(
      (n) => n !== ALL_HOSPITALS && !units.some((u) => u.name === n || u.shortName === n),
    );
    if (unknown.length) {
      flag(r, "units", { key: "task.unknown_units", params: { names: unknown.join("、") } });
      continue;
    }
    const codes = split(text("grids"));
    const unknownCodes = codes.filter((c) => !grids.some((g) => g.code === c));
    if (unknownCodes.length) {
      flag(r, "grids", { key: "task.unknown_grids", params: { codes: unknownCodes.join("、") } });
      continue;
    }
    const deadlineCell = cell("deadline");
    const parsed = taskInputSchema.safeParse({
      campaignId,
      phase,
      title: text("title"),
      description: text("description"),
      deadline: deadlineCell ? dateText(deadlineCell) : "",
      assignees: {
        unitIds: units
          .filter(
            (u) => unitNames.includes(u.name) || (u.shortName && unitNames.includes(u.shortName)),
          )
          .map((u) => u.id),
        gridIds: grids.filter((g) => codes.includes(g.code)).map((g) => g.id),
        ...(unitNames.includes(ALL_HOSPITALS) && { unitKinds: [...hospitalKinds] }),
      },
    });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? "title");
      const column: Column =
        field === "deadline" ? "deadline" : field === "description" ? "description" : "title";
      flag(r, column, {
        key: column === "deadline" ? "field.date" : "field.text",
        params: { min: 1, max: column === "description" ? 4000 : 200 },
      });
      continue;
    }
    if (!unitNames.length && !codes.length) {
      flag(r, "units", { key: "task.no_assignee" });
      continue;
    }
    rows.push({ row: r, input: parsed.data });
  }
  if (Object.keys(problems).length) return { ok: false, problems };
  if (!rows.length) return { ok: false, problems: { file: { key: "field.sheet_empty" } } };
  return { ok: true, rows };
}

export interface ExportedTask {
  title: string;
  description: string;
  phase: (typeof phaseKinds)[number];
  deadline: string;
  units: string[];
  grids: string[];
  done: number;
  total: number;
}

/** The campaign's tasks as one sheet that imports back as it is. */
export async function taskWorkbook(name: string, tasks: ExportedTask[]): Promise<ArrayBuffer> {
  const book = await newWorkbook();
  book.title = name;
  const sheet = book.addWorksheet("任务清单", { views: [{ state: "frozen", ySplit: 1 }] });
  const order = Object.keys(columns) as Column[];
  sheet.columns = order.map((key) => ({ key, width: columns[key].width }));
  sheet.addRow(order.map((k) => columns[k].header)).font = { bold: true };
  for (const t of tasks) {
    sheet.addRow({
      title: t.title,
      description: t.description,
      phase: phaseNames[t.phase],
      deadline: dateInChina(new Date(t.deadline)),
      units: t.units.join("、"),
      grids: t.grids.join("、"),
      progress: `${t.done}/${t.total}`,
    });
  }
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}

/** The rows of the export: each task with its assignees' names and codes. */
export function tasksForExport(ex: Executor, cityId: number, campaignId: number) {
  return selectRows<ExportedTask>(
    ex,
    sql`SELECT t.title, t.description, t.phase,
          to_char(t.deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS deadline,
          coalesce(array_agg(u.name ORDER BY u.id) FILTER (WHERE u.id IS NOT NULL), '{}') AS units,
          coalesce(array_agg(g.code ORDER BY g.code) FILTER (WHERE g.id IS NOT NULL), '{}') AS grids,
          count(*) FILTER (WHERE a.status = 'done')::int AS done, count(*)::int AS total
        FROM tasks t JOIN task_assignments a ON a.task_id = t.id AND a.city_id = t.city_id
          LEFT JOIN units u ON u.id = a.unit_id AND u.city_id = a.city_id
          LEFT JOIN grids g ON g.id = a.grid_id AND g.city_id = a.city_id
        WHERE t.city_id = ${cityId} AND t.campaign_id = ${campaignId}
        GROUP BY t.city_id, t.id ORDER BY t.deadline, t.id`,
  );
}
