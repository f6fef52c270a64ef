// Possible duplicates: open problems of the same standard item near a new report — within the
// item's category radius (50 m unless the standard says otherwise), nearest first, at most five.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";

export interface PossibleDuplicate {
  id: number;
  description: string;
  status: string;
  distanceM: number;
}

export async function nearbyOpenProblems(
  ex: Executor,
  problemId: number,
): Promise<PossibleDuplicate[]> {
  return selectRows<PossibleDuplicate>(
    ex,
    sql`SELECT o.id, o.description, o.status, round(ST_Distance(o.location::geography, p.location::geography))::float8 AS "distanceM"
        FROM problems p
        JOIN standard_items i ON i.id = p.item_id
        JOIN standard_categories c ON c.id = i.category_id
        JOIN problems o ON o.item_id = p.item_id AND o.id <> p.id AND o.city_id = p.city_id
        WHERE p.id = ${problemId} AND o.status NOT IN ('closed', 'ledger')
          AND ST_DWithin(o.location::geography, p.location::geography, c.duplicate_radius_m)
        ORDER BY ST_Distance(o.location::geography, p.location::geography), o.id
        LIMIT 5`,
  );
}
