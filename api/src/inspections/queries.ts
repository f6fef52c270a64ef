// Reading inspections: who, when, which kind, how many points lost and problems found.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { isoTime, type Page, queryPage, whereAll } from "../db/query-helpers.ts";

export interface InspectionRow {
  id: number;
  kind: string;
  standardName: string;
  inspector: string | null;
  startedAt: string;
  pointsVisited: number;
  failed: number;
  pointsLost: number;
  problemIds: number[];
}

const columns = sql`i.id, i.kind, s.name AS "standardName", u.display_name AS inspector, ${isoTime(sql`i.started_at`)} AS "startedAt",
  (SELECT count(DISTINCT point_id) FROM inspection_results r WHERE r.inspection_id = i.id
     AND r.city_id = i.city_id)::int AS "pointsVisited",
  (SELECT count(*) FROM inspection_results r WHERE r.inspection_id = i.id AND r.city_id = i.city_id
     AND r.passed = 'fail')::int AS failed,
  (SELECT coalesce(sum(deduction), 0) FROM inspection_results r WHERE r.inspection_id = i.id
     AND r.city_id = i.city_id)::float8 AS "pointsLost",
  coalesce((SELECT array_agg(p.id ORDER BY p.id) FROM problems p WHERE p.inspection_id = i.id
     AND p.city_id = i.city_id), '{}') AS "problemIds"`;
const from = sql`inspections i JOIN standards s ON s.id = i.standard_id AND s.city_id = i.city_id
  LEFT JOIN users u ON u.id = i.inspector_user_id AND u.city_id = i.city_id`;

export function listInspections(ex: Executor, cityId: number, page: Page) {
  return queryPage<InspectionRow>(ex, {
    columns,
    from,
    where: whereAll([sql`i.city_id = ${cityId}`]),
    orderBy: sql`i.started_at DESC, i.id DESC`,
    ...page,
  });
}

export async function getInspection(ex: Executor, cityId: number, id: number) {
  const [row] = await selectRows<InspectionRow>(
    ex,
    sql`SELECT ${columns} FROM ${from} WHERE i.city_id = ${cityId} AND i.id = ${id}`,
  );
  if (!row) return null;
  const results = await selectRows<{
    pointId: number;
    pointName: string;
    itemCode: string;
    itemTitle: string;
    result: string;
    deduction: number;
    note: string | null;
  }>(
    ex,
    sql`SELECT r.point_id AS "pointId", p.name AS "pointName", it.code AS "itemCode", it.title AS "itemTitle",
          r.passed AS result, r.deduction::float8 AS deduction, r.note
        FROM inspection_results r JOIN inspection_points p ON p.id = r.point_id AND p.city_id = r.city_id
          JOIN standard_items it ON it.id = r.item_id AND it.city_id = r.city_id
        WHERE r.inspection_id = ${id} ORDER BY r.id`,
  );
  return { ...row, results };
}
