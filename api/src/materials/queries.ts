// Reading materials as the caller may see them: a filtered list, and the completeness board
// (units × weeks: on time / late / missing against the weekly deadline).
import type { MaterialBoardStatus } from "@civgrid/geo";
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { isoTime, type Page, queryPage, whereAll } from "../db/query-helpers.ts";
import { materialsReadable } from "../policy/read-scope.ts";
import type { Scope } from "../policy/scope.ts";
import { addDays } from "../tasks/china-time.ts";
import { type MaterialCategory, weekDeadline } from "./rules.ts";

export interface MaterialFilters {
  id?: number | undefined;
  unitId?: number | undefined;
  gridId?: number | undefined;
  taskId?: number | undefined;
  week?: string | undefined;
  category?: MaterialCategory | undefined;
  status?: ("submitted" | "accepted" | "returned")[] | undefined;
  /** Weeks within the campaign's phases. */
  campaignId?: number | undefined;
}

export function materialConditions(scope: Scope, f: MaterialFilters): SQL {
  return whereAll([
    materialsReadable(scope),
    f.id !== undefined && sql`m.id = ${f.id}`,
    f.unitId !== undefined && sql`m.unit_id = ${f.unitId}`,
    f.gridId !== undefined && sql`m.grid_id = ${f.gridId}`,
    f.taskId !== undefined && sql`m.task_id = ${f.taskId}`,
    f.week !== undefined && sql`m.week = ${f.week}::date`,
    f.category !== undefined && sql`m.category = ${f.category}`,
    f.status !== undefined &&
      f.status.length > 0 &&
      sql`m.status IN (${sql.join(
        f.status.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    f.campaignId !== undefined &&
      sql`m.week BETWEEN (SELECT min(starts_on) FROM campaign_phases WHERE campaign_id = ${f.campaignId})
        AND (SELECT max(ends_on) FROM campaign_phases WHERE campaign_id = ${f.campaignId})`,
  ]);
}

export const materialColumns = sql`m.id, m.unit_id AS "unitId", u.name AS "unitName",
  m.week::text AS week, m.category, m.title, m.status, m.task_id AS "taskId", m.grid_id AS "gridId",
  m.item_id AS "itemId", m.review_note AS "reviewNote", ${isoTime(sql`m.submitted_at`)} AS "submittedAt",
  ${isoTime(sql`m.reviewed_at`)} AS "reviewedAt", coalesce(su.display_name, su.username) AS "submittedBy",
  f.id AS "fileId", coalesce(m.file_name, f.original_name) AS "fileName", f.mime, f.size::float8 AS size, f.sha256`;
export const materialFrom = sql`materials m JOIN units u ON u.id = m.unit_id AND u.city_id = m.city_id
  LEFT JOIN files f ON f.id = m.file_id AND f.city_id = m.city_id
  LEFT JOIN users su ON su.id = m.submitted_by AND su.city_id = m.city_id`;

export interface MaterialRow {
  id: number;
  unitId: number;
  unitName: string;
  week: string;
  category: MaterialCategory;
  title: string;
  status: "submitted" | "accepted" | "returned";
  taskId: number | null;
  gridId: number | null;
  itemId: number | null;
  reviewNote: string | null;
  submittedAt: string;
  reviewedAt: string | null;
  submittedBy: string | null;
  fileId: number | null;
  fileName: string | null;
  mime: string | null;
  size: number | null;
  sha256: string | null;
}

export function listMaterials(ex: Executor, scope: Scope, f: MaterialFilters, page: Page) {
  return queryPage<MaterialRow>(ex, {
    columns: materialColumns,
    from: materialFrom,
    where: materialConditions(scope, f),
    orderBy: sql`m.week DESC, m.submitted_at DESC, m.id DESC`,
    ...page,
  });
}

export type BoardStatus = MaterialBoardStatus;

export interface BoardCell {
  week: string;
  status: BoardStatus;
  /** When the first material that still counts came in. */
  submittedAt: string | null;
  materials: BoardMaterial[];
}

/** A material on the board, with what the reviewer opens before accepting or returning it. */
export interface BoardMaterial {
  id: number;
  title: string;
  category: string;
  status: string;
  /** Same-origin, shown inline (an image or a PDF previews in the browser); null without a file. */
  url: string | null;
  mime: string | null;
  fileName: string | null;
}

/**
 * Units × the `count` weeks ending with `lastWeek`. A week counts as submitted when a material
 * not returned came in; on time when the first such came in by the deadline. Before the deadline
 * an empty week is pending, after it missing. Units with the most missing, then late, weeks first.
 */
export async function materialBoard(
  ex: Executor,
  scope: Scope,
  lastWeek: string,
  count: number,
  now = new Date(),
) {
  const weeks = Array.from({ length: count }, (_, i) => addDays(lastWeek, -7 * (count - 1 - i)));
  const units = await selectRows<{ id: number; name: string }>(
    ex,
    // The units that take part: given a task or having reported before. The bureau itself and
    // units outside the campaign would otherwise stand out as "missing" every week.
    sql`SELECT u.id, u.name FROM units u WHERE u.city_id = ${scope.cityId}
        ${scope.kind === "unit" ? sql`AND u.id = ${scope.unitId}` : sql``}
        ${scope.kind === "grids" ? sql`AND false` : sql``}
        AND (EXISTS (SELECT 1 FROM task_assignments a WHERE a.unit_id = u.id AND a.city_id = u.city_id)
          OR EXISTS (SELECT 1 FROM materials m WHERE m.unit_id = u.id AND m.city_id = u.city_id))
        ORDER BY u.id`,
  );
  const rows = await selectRows<{
    id: number;
    unitId: number;
    week: string;
    title: string;
    category: string;
    status: string;
    submittedAt: string;
    fileId: number | null;
    mime: string | null;
    fileName: string | null;
  }>(
    ex,
    sql`SELECT m.id, m.unit_id AS "unitId", m.week::text AS week, m.title, m.category, m.status,
          ${isoTime(sql`m.submitted_at`)} AS "submittedAt", m.file_id AS "fileId", f.mime,
          coalesce(m.file_name, f.original_name) AS "fileName"
        FROM materials m LEFT JOIN files f ON f.id = m.file_id AND f.city_id = m.city_id
        WHERE ${materialsReadable(scope)} AND m.week BETWEEN ${weeks[0]}::date AND ${lastWeek}::date
        ORDER BY m.submitted_at, m.id`,
  );
  const board = units.map((unit) => {
    const cells: BoardCell[] = weeks.map((week) => {
      const mine = rows.filter((r) => r.unitId === unit.id && r.week === week);
      const counting = mine.filter((r) => r.status !== "returned");
      const deadline = weekDeadline(week);
      const first = counting[0];
      const status: BoardStatus = first
        ? new Date(first.submittedAt) <= deadline
          ? "on_time"
          : "late"
        : mine.length
          ? "returned"
          : now > deadline
            ? "missing"
            : "pending";
      return {
        week,
        status,
        submittedAt: first?.submittedAt ?? null,
        materials: mine.map(({ id, title, category, status: s, fileId, mime, fileName }) => ({
          id,
          title,
          category,
          status: s,
          url: fileId ? `/api/files/${fileId}` : null,
          mime,
          fileName,
        })),
      };
    });
    const missing = cells.filter((c) => c.status === "missing" || c.status === "returned").length;
    const late = cells.filter((c) => c.status === "late").length;
    return { id: unit.id, name: unit.name, missing, late, cells };
  });
  board.sort((a, b) => b.missing - a.missing || b.late - a.late || a.id - b.id);
  return {
    weeks: weeks.map((week) => ({ week, deadline: weekDeadline(week).toISOString() })),
    units: board,
  };
}
