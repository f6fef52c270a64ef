// The leaders' view: hexagons and clusters of problems in a viewport, the problems of a clicked
// hexagon or cluster, and weekly trends (GET /api/analytics/*).
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { Polygon } from "geojson";
import { getJson, queryString } from "./client.ts";
import type { Located, ProblemCollection, ProblemStatus, Schemas } from "./types.ts";

export interface AnalyticsFilters {
  /** YYYY-MM-DD; the API defaults to the last 30 days. */
  from?: string | undefined;
  to?: string | undefined;
  categoryId?: number | undefined;
  status?: ProblemStatus[] | undefined;
  unitId?: number | undefined;
  gridId?: number | undefined;
}

export interface Viewport {
  /** minLon,minLat,maxLon,maxLat, rounded so small moves reuse the cache. */
  bbox: string;
  zoom: number;
}

export type HexagonCollection = Located<Schemas["HexagonCollection"], Polygon>;
type Clusters = Schemas["ClusterCollection"];
export type ClusterCollection = Located<Clusters, Polygon>;
export type Named = NonNullable<Clusters["features"][number]["properties"]["category"]>;
export type Trends = Schemas["Trends"];
export type TrendWeek = Trends["series"][number]["weeks"][number];

/** Cells of one size, as a click on a hexagon or a cluster picks them. */
export interface CellSelection {
  cellSize: number;
  cells: number[];
  /** What the list is titled with. */
  label: string;
}

const params = (filters: AnalyticsFilters) => ({
  ...filters,
  status: filters.status?.join(","),
});

/** The hexagons or clusters in a viewport; the last answer stays on the map while the next comes. */
const inViewport = <T>(
  kind: "hexagons" | "clusters",
  viewport: Viewport,
  filters: AnalyticsFilters,
) =>
  queryOptions({
    queryKey: ["analytics", kind, viewport, filters],
    queryFn: () =>
      getJson<T>(`/api/analytics/${kind}${queryString({ ...viewport, ...params(filters) })}`),
    placeholderData: keepPreviousData,
  });

export const analyticsQueries = {
  hexagons: (viewport: Viewport, filters: AnalyticsFilters) =>
    inViewport<HexagonCollection>("hexagons", viewport, filters),
  clusters: (viewport: Viewport, filters: AnalyticsFilters) =>
    inViewport<ClusterCollection>("clusters", viewport, filters),
  cellProblems: (selection: CellSelection, filters: AnalyticsFilters) =>
    queryOptions({
      queryKey: ["analytics", "problems", selection.cellSize, selection.cells, filters],
      queryFn: () =>
        getJson<ProblemCollection>(
          `/api/analytics/problems${queryString({
            cellSize: selection.cellSize,
            cells: selection.cells.join(","),
            limit: 200,
            ...params(filters),
          })}`,
        ),
    }),
  trends: (by: Trends["by"], filters: AnalyticsFilters) =>
    queryOptions({
      queryKey: ["analytics", "trends", by, filters],
      queryFn: () =>
        getJson<Trends>(`/api/analytics/trends${queryString({ by, ...params(filters) })}`),
      placeholderData: keepPreviousData,
    }),
};
