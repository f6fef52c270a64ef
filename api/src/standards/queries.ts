// Reading evaluation standards: the list with their sizes, and one standard in print order.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectOne, selectRows } from "../db/client.ts";
import { isoTime, type Page, queryPage } from "../db/query-helpers.ts";
import type { standardStatuses } from "../db/schema/index.ts";

export type StandardStatus = (typeof standardStatuses)[number];

export interface StandardSummary {
  id: number;
  name: string;
  year: number;
  version: number;
  scope: string;
  status: StandardStatus;
  categoryCount: number;
  itemCount: number;
  totalPoints: number;
  createdAt: string;
}

export interface StandardItemRow {
  id: number;
  code: string;
  title: string;
  checklist: string;
  points: number;
  evidence: string;
}

export interface StandardCategoryRow {
  id: number;
  seq: number;
  name: string;
  duplicateRadiusM: number;
  items: StandardItemRow[];
}

export interface StandardDetail extends StandardSummary {
  categories: StandardCategoryRow[];
}

const columns = sql`s.id, s.name, s.year, s.version, s.scope, s.status,
  (SELECT count(*) FROM standard_categories c WHERE c.standard_id = s.id
     AND c.city_id = s.city_id)::int AS "categoryCount",
  (SELECT count(*) FROM standard_items i WHERE i.standard_id = s.id AND i.city_id = s.city_id)::int AS "itemCount",
  (SELECT coalesce(sum(i.points), 0) FROM standard_items i WHERE i.standard_id = s.id
     AND i.city_id = s.city_id)::float8 AS "totalPoints",
  ${isoTime(sql`s.created_at`)} AS "createdAt"`;

export function listStandards(ex: Executor, cityId: number, page: Page) {
  // COLLATE "C": the two engines' default collations order Chinese names differently.
  return queryPage<StandardSummary>(ex, {
    columns,
    from: sql`standards s`,
    where: sql`s.city_id = ${cityId}`,
    orderBy: sql`s.name COLLATE "C", s.version DESC, s.id`,
    ...page,
  });
}

export async function getStandardSummary(
  ex: Executor,
  cityId: number,
  id: number,
): Promise<StandardSummary | null> {
  return selectOne<StandardSummary>(
    ex,
    sql`SELECT ${columns} FROM standards s WHERE s.id = ${id} AND s.city_id = ${cityId}`,
  );
}

export async function getStandard(
  ex: Executor,
  cityId: number,
  id: number,
): Promise<StandardDetail | null> {
  const summary = await getStandardSummary(ex, cityId, id);
  if (!summary) return null;
  const categories = await selectRows<Omit<StandardCategoryRow, "items">>(
    ex,
    sql`SELECT id, seq, name, duplicate_radius_m AS "duplicateRadiusM"
        FROM standard_categories WHERE standard_id = ${id} ORDER BY seq`,
  );
  // Codes are always "<category seq>.<item seq>" (we write them), so they sort as integer pairs.
  const items = await selectRows<StandardItemRow & { categoryId: number }>(
    ex,
    sql`SELECT id, category_id AS "categoryId", code, title, checklist, points::float8 AS points, evidence
        FROM standard_items WHERE standard_id = ${id}
        ORDER BY string_to_array(code, '.')::int[], id`,
  );
  return {
    ...summary,
    categories: categories.map((c) => ({
      ...c,
      items: items.filter((i) => i.categoryId === c.id).map(({ categoryId: _, ...item }) => item),
    })),
  };
}
