// The notice's hotspots: the clusters over everything the caller may read in the period, seen
// over the whole city, in the finest hexagons (250 m or more) that allows.
import { sql } from "drizzle-orm";
import { type Executor, selectRows } from "../db/client.ts";
import type { Bbox } from "../db/query-helpers.ts";
import type { Scope } from "../policy/scope.ts";
import { problemsWhere } from "../problems/queries.ts";
import { cellsInBbox, hexBands, MAX_VIEWPORT_CELLS } from "./bands.ts";
import { type ClusterRow, DEFAULT_MIN_POINTS, problemClusters } from "./clusters.ts";
import { type AnalyticsFilters, asProblemFilters } from "./filters.ts";

export async function hotspots(
  ex: Executor,
  scope: Scope,
  filters: AnalyticsFilters,
): Promise<ClusterRow[]> {
  // The city's outline with the problems' extent: hotspots stand out against the whole city.
  const [extent] = await selectRows<{ bbox: Bbox | null }>(
    ex,
    sql`WITH e AS (
        SELECT ST_Extent(p.location)::geometry AS g FROM problems p
        WHERE ${problemsWhere(scope, asProblemFilters(filters))}
        UNION ALL
        SELECT ST_Extent(geom)::geometry FROM regions WHERE city_id = ${scope.cityId} AND level = 'city')
      SELECT CASE WHEN (SELECT g FROM e LIMIT 1) IS NULL THEN NULL ELSE
        json_build_array(ST_XMin(x), ST_YMin(x), ST_XMax(x), ST_YMax(x))::text END AS bbox
      FROM (SELECT ST_Extent(g) AS x FROM e) u`,
  );
  if (!extent?.bbox) return [];
  const bbox = JSON.parse(String(extent.bbox)) as Bbox;
  // Clusters of 250 m cells, or coarser ones when the city is too wide for them.
  const band = hexBands.slice(1).find((b) => cellsInBbox(bbox, b) <= MAX_VIEWPORT_CELLS);
  if (!band) return [];
  return problemClusters(ex, scope, bbox, band, filters, DEFAULT_MIN_POINTS);
}
