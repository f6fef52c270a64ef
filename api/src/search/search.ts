// Search on every map (issue 22): communities, grids (code or name), units, inspection points
// and problems (by number) that the caller may read, each kind capped, best matches first.
import { numberIn, type SearchHit, searchKinds } from "@civgrid/geo";
import { type SQL, sql } from "drizzle-orm";
import { type Executor, selectRows } from "../db/client.ts";
import {
  communitiesReadable,
  gridsReadable,
  pointsReadable,
  problemsReadable,
  unitsReadable,
} from "../policy/read-scope.ts";
import type { Scope } from "../policy/scope.ts";

/** A `LIKE` pattern matching `text` literally anywhere (contains) or at the start (prefix). */
function likeOf(text: string, where: "contains" | "prefix"): string {
  const escaped = text.replace(/[\\%_]/g, (m) => `\\${m}`);
  return where === "contains" ? `%${escaped}%` : `${escaped}%`;
}

const areaColumns = (alias: string) =>
  sql.raw(`ST_X(ST_PointOnSurface(${alias}.geom)) AS lon, ST_Y(ST_PointOnSurface(${alias}.geom)) AS lat,
    ARRAY[ST_XMin(${alias}.geom), ST_YMin(${alias}.geom), ST_XMax(${alias}.geom), ST_YMax(${alias}.geom)] AS bbox`);

type OwnKind = (typeof searchKinds)[number];

/**
 * The caller's matches for `text` among `kinds` (all when absent), at most `perKind` of each
 * kind, in the order of searchKinds: an exact code or name first, then those starting with the
 * text, then the rest by name.
 */
export async function search(
  ex: Executor,
  scope: Scope,
  text: string,
  perKind: number,
  kinds: readonly OwnKind[] = searchKinds,
): Promise<SearchHit[]> {
  const contains = likeOf(text, "contains");
  const prefix = likeOf(text, "prefix");
  const number = numberIn(text);
  const rank = (label: SQL) =>
    sql`CASE WHEN ${label} = ${text} THEN 0 WHEN ${label} LIKE ${prefix} THEN 1 ELSE 2 END`;
  const parts: Partial<Record<OwnKind, SQL>> = {
    community: sql`(SELECT 'community' AS kind, c.id, c.name AS label, c.code AS detail, ${areaColumns("c")}
      FROM communities c WHERE ${communitiesReadable(scope)}
        AND (c.code LIKE ${prefix} OR c.name ILIKE ${contains})
      ORDER BY LEAST(${rank(sql`c.code`)}, ${rank(sql`c.name`)}), c.name, c.id LIMIT ${perKind})`,
    grid: sql`(SELECT 'grid' AS kind, g.id, g.name AS label, g.code || ' · ' || gc.name AS detail, ${areaColumns("g")}
      FROM grids g JOIN communities gc ON gc.id = g.community_id AND gc.city_id = g.city_id
      WHERE g.deleted_at IS NULL AND ${gridsReadable(scope)}
        AND (g.code LIKE ${prefix} OR g.name ILIKE ${contains})
      ORDER BY LEAST(${rank(sql`g.code`)}, ${rank(sql`g.name`)}), g.code, g.id LIMIT ${perKind})`,
    unit: sql`(SELECT 'unit' AS kind, u.id, u.name AS label, u.short_name AS detail,
        ST_X(u.location) AS lon, ST_Y(u.location) AS lat, NULL::float8[] AS bbox
      FROM units u WHERE ${unitsReadable(scope)} AND u.location IS NOT NULL
        AND (u.name ILIKE ${contains} OR u.short_name ILIKE ${contains})
      ORDER BY LEAST(${rank(sql`u.name`)}, ${rank(sql`u.short_name`)}), u.name, u.id LIMIT ${perKind})`,
    point: sql`(SELECT 'point' AS kind, p.id, p.name AS label, p.address AS detail,
        ST_X(p.location) AS lon, ST_Y(p.location) AS lat, NULL::float8[] AS bbox
      FROM inspection_points p WHERE ${pointsReadable(scope)}
        AND (p.name ILIKE ${contains} OR p.id = ${number ?? 0})
      ORDER BY CASE WHEN p.id = ${number ?? 0} THEN -1 ELSE ${rank(sql`p.name`)} END, p.name, p.id
      LIMIT ${perKind})`,
  };
  // A problem is found by its number only: its text is a citizen's words, not a name.
  if (number !== null)
    parts.problem = sql`(SELECT 'problem' AS kind, p.id, '#' || p.id AS label, left(p.description, 80) AS detail,
        ST_X(p.location) AS lon, ST_Y(p.location) AS lat, NULL::float8[] AS bbox
      FROM problems p WHERE ${problemsReadable(scope)} AND p.id = ${number})`;
  const asked = kinds.flatMap((kind) => parts[kind] ?? []);
  if (!asked.length) return [];
  const rows = await selectRows<SearchHit>(ex, sql.join(asked, sql` UNION ALL `));
  // UNION ALL keeps each part's order; the kinds are put in their fixed order here.
  const order = (hit: SearchHit) => searchKinds.indexOf(hit.kind as (typeof searchKinds)[number]);
  rows.sort((a, b) => order(a) - order(b));
  return rows.map((row) => ({
    ...row,
    id: Number(row.id),
    lon: Number(row.lon),
    lat: Number(row.lat),
    bbox: row.bbox ? (row.bbox.map(Number) as SearchHit["bbox"]) : null,
  }));
}
