// The notice's hotspots: the clusters over everything the caller may read in the period, at the
// finest hexagons the area of those problems allows.
import { sql } from "drizzle-orm";
import { type Executor, selectRows } from "../db/client.ts";
import type { Bbox } from "../db/query-helpers.ts";
import type { Scope } from "../policy/scope.ts";
import { problemsWhere } from "../problems/queries.ts";
import { cellsInBbox, finerBand, hexBands, MAX_VIEWPORT_CELLS } from "./bands.ts";
import { type ClusterRow, DEFAULT_MIN_POINTS, problemClusters } from "./clusters.ts";
import { type AnalyticsFilters, asProblemFilters } from "./filters.ts";

export async function hotspots(
  ex: Executor,
  scope: Scope,
  filters: AnalyticsFilters,
): Promise<ClusterRow[]> {
  const [extent] = await selectRows<{ bbox: Bbox | null }>(
    ex,
    sql`SELECT CASE WHEN count(*) = 0 THEN NULL ELSE
        json_build_array(min(ST_X(p.location)), min(ST_Y(p.location)),
          max(ST_X(p.location)), max(ST_Y(p.location)))::text END AS bbox
      FROM problems p WHERE ${problemsWhere(scope, asProblemFilters(filters))}`,
  );
  if (!extent?.bbox) return [];
  const bbox = JSON.parse(String(extent.bbox)) as Bbox;
  // The 1 km view's clusters (of 250 m cells), or coarser when the problems spread wider.
  const view = hexBands.slice(1).find((b) => cellsInBbox(bbox, b) <= MAX_VIEWPORT_CELLS);
  if (!view) return [];
  return problemClusters(ex, scope, bbox, finerBand(view), filters, DEFAULT_MIN_POINTS);
}
