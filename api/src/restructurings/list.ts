// A community's restructurings, newest first: kind, who, when, grids before and after, undoable.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { isoTime } from "../db/query-helpers.ts";

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

const codes = (ids: ReturnType<typeof sql>) =>
  sql`coalesce((SELECT json_agg(json_build_object('id', g.id, 'code', g.code) ORDER BY g.code)
      FROM grids g WHERE g.id = ANY(${ids})), '[]'::json)::text`;

export async function listRestructurings(
  ex: Executor,
  cityId: number,
  communityId: number,
  limit: number,
): Promise<RestructuringRow[]> {
  const rows = await selectRows<
    Omit<RestructuringRow, "gridsBefore" | "gridsAfter"> & {
      gridsBefore: string;
      gridsAfter: string;
    }
  >(
    ex,
    sql`SELECT r.id, r.kind, u.display_name AS by, ${isoTime(sql`r.created_at`)} AS at,
          ${codes(sql`r.grids_before`)} AS "gridsBefore", ${codes(sql`r.grids_after`)} AS "gridsAfter",
          r.undone_at IS NOT NULL AS undone,
          r.undone_at IS NULL AND NOT EXISTS (
            SELECT 1 FROM jsonb_each_text(r.undo->'versions') v JOIN grids g ON g.id = v.key::int
            WHERE g.version <> v.value::int) AS undoable
        FROM restructurings r LEFT JOIN users u ON u.id = r.created_by
        WHERE r.city_id = ${cityId} AND r.community_id = ${communityId}
        ORDER BY r.id DESC LIMIT ${limit}`,
  );
  return rows.map((r) => ({
    ...r,
    gridsBefore: JSON.parse(r.gridsBefore),
    gridsAfter: JSON.parse(r.gridsAfter),
  }));
}
