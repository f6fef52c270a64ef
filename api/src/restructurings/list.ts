// A community's restructurings, newest first: kind, who, when, grids before and after, undoable.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { isoTime } from "../db/query-helpers.ts";
import { changesSince } from "./changed-since.ts";
import type { UndoData } from "./restructure.ts";

export interface RestructuringRow {
  id: number;
  kind: string;
  by: string | null;
  at: string;
  gridsBefore: { id: number; code: string }[];
  gridsAfter: { id: number; code: string }[];
  undone: boolean;
  undoable: boolean;
}

/** The codes of the restructuring r's grids in `ids` (one of its columns). */
const codes = (ids: ReturnType<typeof sql>) =>
  sql`coalesce((SELECT json_agg(json_build_object('id', g.id, 'code', g.code) ORDER BY g.code)
      FROM grids g WHERE g.id = ANY(${ids}) AND g.city_id = r.city_id), '[]'::json)::text`;

export async function listRestructurings(
  ex: Executor,
  cityId: number,
  communityId: number,
  limit: number,
): Promise<RestructuringRow[]> {
  const rows = await selectRows<
    Omit<RestructuringRow, "gridsBefore" | "gridsAfter" | "undoable"> & {
      gridsBefore: string;
      gridsAfter: string;
      undo: UndoData | string | null;
    }
  >(
    ex,
    sql`SELECT r.id, r.kind, u.display_name AS by, ${isoTime(sql`r.created_at`)} AS at,
          ${codes(sql`r.grids_before`)} AS "gridsBefore", ${codes(sql`r.grids_after`)} AS "gridsAfter",
          r.undone_at IS NOT NULL AS undone, CASE WHEN r.undone_at IS NULL THEN r.undo END AS undo
        FROM restructurings r LEFT JOIN users u ON u.id = r.created_by AND u.city_id = r.city_id
        WHERE r.city_id = ${cityId} AND r.community_id = ${communityId}
        ORDER BY r.id DESC LIMIT ${limit}`,
  );
  // Undoable by the same judgement as undo itself (grids, re-routed problems, moved work).
  const answers: RestructuringRow[] = [];
  for (const { undo, ...r } of rows) {
    const data: UndoData | null = typeof undo === "string" ? JSON.parse(undo) : undo;
    answers.push({
      ...r,
      gridsBefore: JSON.parse(r.gridsBefore),
      gridsAfter: JSON.parse(r.gridsAfter),
      undoable: data !== null && (await changesSince(ex, data)).length === 0,
    });
  }
  return answers;
}
