// Small SQL builders every feature's queries share: filters, bounding boxes, paging.
import { type Column, type SQL, sql } from "drizzle-orm";
import { type Executor, selectRows } from "./client.ts";

export type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** `column && envelope`: uses the GiST index on the geometry column. */
export function intersectsBbox(column: SQL, bbox: Bbox | undefined): SQL | undefined {
  if (!bbox) return undefined;
  const [minLon, minLat, maxLon, maxLat] = bbox;
  return sql`${column} && ST_MakeEnvelope(${minLon}, ${minLat}, ${maxLon}, ${maxLat}, 4326)`;
}

/** A table in a join: its alias in raw SQL ("g" or sql`g`), or a drizzle table with a city. */
export type CityTable = string | SQL | { cityId: Column };

/**
 * `a.city_id = b.city_id [AND a.city_id = c.city_id …]`: what every join of two city tables
 * carries (issue 24). A database distributed by city_id (docs/scaling.md) answers such a join on
 * the one node holding the city; without it the join fans out to every node, or is refused (an
 * outer join). tests/support/city-joins.ts holds every statement the suite sends to this rule.
 * Use it in ON (`JOIN grids g ON g.id = p.grid_id AND ${sameCity("g", "p")}`) or in a correlated
 * subquery's WHERE; with drizzle tables, in a join's condition.
 */
export function sameCity(first: CityTable, ...others: CityTable[]): SQL {
  const column = (t: CityTable) =>
    typeof t === "string"
      ? sql.raw(`${t}.city_id`)
      : "cityId" in t
        ? sql`${t.cityId}`
        : sql`${t}.city_id`;
  return sql.join(
    others.map((other) => sql`${column(other)} = ${column(first)}`),
    sql` AND `,
  );
}

/** AND of the given conditions, skipping the absent ones; `true` when none is given. */
export function whereAll(conditions: (SQL | undefined | false)[]): SQL {
  const present = conditions.filter((c): c is SQL => Boolean(c));
  return present.length ? sql.join(present, sql` AND `) : sql`true`;
}

/** Which rows of a list: at most `limit`, after skipping `offset`. */
export interface Page {
  limit: number;
  offset: number;
}

export interface PageQuery extends Page {
  /** The select list, without SELECT. */
  columns: SQL;
  /** FROM … JOIN …, without FROM. */
  from: SQL;
  where: SQL;
  /** Must end in a unique key so pages are stable. */
  orderBy: SQL;
  /** A cheaper query for the same number (SELECT … AS total), where the feature keeps one. */
  count?: SQL | undefined;
}

/** One page of rows and the number of all matching rows. */
export async function queryPage<R>(
  ex: Executor,
  q: PageQuery,
): Promise<{ rows: R[]; total: number }> {
  const [counted] = await selectRows<{ total: number }>(
    ex,
    q.count ?? sql`SELECT count(*)::int AS total FROM ${q.from} WHERE ${q.where}`,
  );
  const rows = await selectRows<R>(
    ex,
    sql`SELECT ${q.columns} FROM ${q.from} WHERE ${q.where} ORDER BY ${q.orderBy} LIMIT ${q.limit} OFFSET ${q.offset}`,
  );
  return { rows, total: counted?.total ?? 0 };
}

/**
 * A timestamptz as ISO 8601 in UTC. Both drivers hand raw timestamps back as text in the
 * session's time zone, which differs between engines; formatting in SQL makes them agree.
 */
export function isoTime(column: SQL): SQL {
  return sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
