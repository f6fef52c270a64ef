// How much of a community its grids cover: the uncovered area (gaps) as m², a percentage and shapes.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { SLIVER_M2 } from "../grids/postgis-checks.ts";

export interface Coverage {
  communityAreaM2: number;
  gapAreaM2: number;
  gapPercent: number;
  /** The uncovered parts above the sliver tolerance, for highlighting; null when fully covered. */
  gaps: unknown | null;
}

export async function communityCoverage(ex: Executor, communityId: number): Promise<Coverage> {
  const [row] = await selectRows<{
    communityAreaM2: number;
    gapAreaM2: number;
    gaps: string | null;
  }>(
    ex,
    sql`WITH c AS (SELECT geom FROM communities WHERE id = ${communityId}),
         covered AS (SELECT ST_Union(geom) AS geom FROM grids WHERE community_id = ${communityId} AND deleted_at IS NULL),
         gap AS (SELECT CASE WHEN covered.geom IS NULL THEN c.geom ELSE ST_Difference(c.geom, covered.geom) END AS geom
                 FROM c LEFT JOIN covered ON true),
         parts AS (SELECT (ST_Dump(geom)).geom AS geom FROM gap)
       SELECT ST_Area(c.geom::geography)::float8 AS "communityAreaM2",
         coalesce((SELECT sum(ST_Area(geom::geography)) FROM parts WHERE ST_Area(geom::geography) > ${SLIVER_M2}), 0)::float8 AS "gapAreaM2",
         (SELECT ST_AsGeoJSON(ST_Collect(geom), 7) FROM parts WHERE ST_Area(geom::geography) > ${SLIVER_M2}) AS gaps
       FROM c`,
  );
  if (!row) return { communityAreaM2: 0, gapAreaM2: 0, gapPercent: 0, gaps: null };
  return {
    communityAreaM2: Math.round(row.communityAreaM2),
    gapAreaM2: Math.round(row.gapAreaM2),
    gapPercent: row.communityAreaM2
      ? Math.round((row.gapAreaM2 / row.communityAreaM2) * 10000) / 100
      : 0,
    gaps: row.gaps ? JSON.parse(row.gaps) : null,
  };
}
