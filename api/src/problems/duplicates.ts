// Possible duplicates: open problems of the same standard item near a new report — within the
// item's category radius (50 m unless the standard says otherwise), nearest first, at most five.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import type { Message } from "../errors.ts";
import { isOpen } from "./open.ts";

export interface PossibleDuplicate {
  id: number;
  description: string;
  status: string;
  distanceM: number;
}

export async function nearbyOpenProblems(
  ex: Executor,
  cityId: number,
  problemId: number,
): Promise<PossibleDuplicate[]> {
  return selectRows<PossibleDuplicate>(
    ex,
    sql`SELECT o.id, o.description, o.status, round(ST_Distance(o.location::geography, p.location::geography))::float8 AS "distanceM"
        FROM problems p
        JOIN standard_items i ON i.id = p.item_id AND i.city_id = p.city_id
        JOIN standard_categories c ON c.id = i.category_id AND c.city_id = i.city_id
        JOIN problems o ON o.item_id = p.item_id AND o.id <> p.id AND o.city_id = p.city_id
        WHERE p.city_id = ${cityId} AND p.id = ${problemId} AND ${isOpen(sql`o.status`)}
          AND ST_DWithin(o.location::geography, p.location::geography, c.duplicate_radius_m)
        ORDER BY ST_Distance(o.location::geography, p.location::geography), o.id
        LIMIT 5`,
  );
}

/**
 * What is wrong with closing problem `id` as a duplicate of `target`, or null: not itself, a
 * problem of the same city, not a duplicate itself (point at the one carrying the work), and when
 * already closed, of the same category of the standard.
 */
export async function duplicateProblem(
  ex: Executor,
  cityId: number,
  id: number,
  target: number | undefined,
): Promise<Message | null> {
  if (target === undefined) return { key: "field.required" };
  if (target === id) return { key: "problem.duplicate_self" };
  const [row] = await selectRows<{
    status: string;
    duplicateOf: number | null;
    sameCategory: boolean;
  }>(
    ex,
    sql`SELECT o.status, o.duplicate_of AS "duplicateOf",
          coalesce(oc.category_id IS NOT DISTINCT FROM pc.category_id, false) AS "sameCategory"
        FROM problems o
        JOIN problems p ON p.id = ${id} AND p.city_id = o.city_id
        LEFT JOIN standard_items oc ON oc.id = o.item_id AND oc.city_id = o.city_id
        LEFT JOIN standard_items pc ON pc.id = p.item_id AND pc.city_id = p.city_id
        WHERE o.id = ${target} AND o.city_id = ${cityId}`,
  );
  if (!row) return { key: "problem.duplicate_unknown", params: { id: target } };
  if (row.duplicateOf !== null)
    return { key: "problem.duplicate_of_duplicate", params: { id: target, of: row.duplicateOf } };
  if (row.status === "closed" && !row.sameCategory)
    return { key: "problem.duplicate_other_category", params: { id: target } };
  return null;
}
