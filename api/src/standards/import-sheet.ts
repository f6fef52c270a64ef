// Reading a standard from an XLSX sheet (the layout export-sheet.ts writes), checking every row
// before anything is saved: all rows or none, each problem named by row and column.

import { issueMessage, type Message } from "../errors.ts";
import { openSheet } from "../exports/sheet.ts";
import {
  type CategoryInput,
  DEFAULT_DUPLICATE_RADIUS_M,
  type ItemInput,
  itemSchema,
  MAX_CATEGORIES,
  MAX_ITEMS_PER_CATEGORY,
  radiusSchema,
  type SheetColumn,
  sheetColumns,
} from "./rules.ts";

const required: SheetColumn[] = [
  "categorySeq",
  "category",
  "title",
  "checklist",
  "points",
  "evidence",
];

export type SheetResult =
  | { ok: true; categories: CategoryInput[] }
  | { ok: false; problems: Record<string, Message> };

const numeric = /^\d+(\.\d+)?$/;

interface Group {
  seq: number;
  name: string;
  firstRow: number;
  radius: number | undefined;
  items: ItemInput[];
}

export async function readStandardSheet(file: ArrayBuffer): Promise<SheetResult> {
  const labels = Object.fromEntries(
    Object.entries(sheetColumns).map(([name, c]) => [name, [c.header, ...c.aliases]]),
  ) as unknown as Record<SheetColumn, readonly string[]>;
  const opened = await openSheet(file, labels, required);
  if (!opened.ok) return opened;
  const { sheet, header, headerRow } = opened;

  const problems: Record<string, Message> = {};
  const flag = (row: number, column: SheetColumn, problem: Message) => {
    problems[`row ${row}`] ??= {
      key: "field.sheet_cell",
      params: { row, column: sheetColumns[column].header, problem },
    };
  };
  const groups = new Map<number, Group>();

  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    const cell = (column: SheetColumn) => {
      const col = header.get(column);
      return col ? row.getCell(col).text.trim() : "";
    };
    const seqText = cell("categorySeq");
    const seq = Number(seqText);
    if (!/^\d{1,3}$/.test(seqText) || seq < 1) {
      flag(r, "categorySeq", { key: "field.integer", params: { min: 1, max: 999 } });
      continue;
    }
    const name = cell("category");
    if (!name || name.length > 50) {
      flag(r, "category", { key: "field.text", params: { min: 1, max: 50 } });
      continue;
    }
    const code = cell("code");
    // The code is only checked, not kept: codes are renumbered from the rows' order.
    if (code && !code.startsWith(`${seqText}.`)) {
      flag(r, "code", { key: "field.item_code", params: { seq: seqText } });
      continue;
    }
    const pointsText = cell("points");
    if (!numeric.test(pointsText)) {
      flag(r, "points", { key: "field.points" });
      continue;
    }
    const parsed = itemSchema.safeParse({
      title: cell("title"),
      checklist: cell("checklist"),
      points: Number(pointsText),
      evidence: cell("evidence"),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      flag(r, (issue?.path[0] as SheetColumn | undefined) ?? "title", issueMessage(issue?.message));
      continue;
    }
    const radiusText = cell("radius");
    const radius = radiusText ? radiusSchema.safeParse(Number(radiusText)) : undefined;
    if (radius && !radius.success) {
      flag(r, "radius", issueMessage(radius.error.issues[0]?.message));
      continue;
    }
    let group = groups.get(seq);
    if (!group) {
      group = { seq, name, firstRow: r, radius: undefined, items: [] };
      groups.set(seq, group);
    }
    if (group.name !== name) {
      flag(r, "category", {
        key: "field.category_mismatch",
        params: { other: group.firstRow, name: group.name },
      });
      continue;
    }
    if (radius?.success) {
      if (group.radius !== undefined && group.radius !== radius.data) {
        flag(r, "radius", {
          key: "field.category_radius_mismatch",
          params: { other: group.firstRow },
        });
        continue;
      }
      group.radius = radius.data;
    }
    if (group.items.length >= MAX_ITEMS_PER_CATEGORY) {
      flag(r, "title", { key: "field.category_full", params: { max: MAX_ITEMS_PER_CATEGORY } });
      continue;
    }
    group.items.push(parsed.data);
  }
  if (Object.keys(problems).length) return { ok: false, problems };
  if (!groups.size) return { ok: false, problems: { file: { key: "field.sheet_empty" } } };
  if (groups.size > MAX_CATEGORIES) {
    return {
      ok: false,
      problems: { file: { key: "field.count", params: { min: 1, max: MAX_CATEGORIES } } },
    };
  }
  // Categories in the order of their numbers (1, 2, 4 → seq 1, 2, 3).
  const categories = [...groups.values()]
    .sort((a, b) => a.seq - b.seq)
    .map((g) => ({
      name: g.name,
      duplicateRadiusM: g.radius ?? DEFAULT_DUPLICATE_RADIUS_M,
      items: g.items,
    }));
  return { ok: true, categories };
}
