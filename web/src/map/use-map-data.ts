// Feeds the map's GeoJSON sources from the query cache (the layers drawn from tiles fetch their
// own), fits the view, and marks the map ready.

import { useQuery } from "@tanstack/react-query";
import type { GeoJSON } from "geojson";
import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import { useEffect, useMemo, useRef } from "react";
import { queries } from "../api/queries.ts";
import { applyLeadUnitColours } from "./lead-unit-colours.ts";
import { markReadyWhenIdle } from "./readiness.ts";
import { type SourceId, sourceIds } from "./sources.ts";
import type { TiledLayer } from "./tile-sources.ts";
import { useLabelPoints } from "./use-label-points.ts";
import { useLeadUnits } from "./use-lead-units.ts";

/** Room for the overlays: the layer list and legend on the left, or above on a phone. */
export function fitPadding() {
  const wide = window.matchMedia("(min-width: 700px)").matches;
  return wide
    ? { top: 50, bottom: 40, left: 250, right: 50 }
    : { top: 110, bottom: 40, left: 20, right: 20 };
}

/** The query of each layer that can be drawn from tiles. */
const tiledLayerOf: Record<string, TiledLayer | undefined> = {
  grids: "grids",
  inspectionPoints: "points",
  problems: "problems",
};

/** Keeps one GeoJSON source showing `data` (nothing is sent while it is undefined). */
export function useSourceData(map: MapLibreMap | null, id: SourceId, data: GeoJSON | undefined) {
  useEffect(() => {
    if (map && data) void map.getSource<GeoJSONSource>(id)?.setData(data);
  }, [map, id, data]);
}

/**
 * `tiled` are the layers the map draws from vector tiles: their GeoJSON is never fetched
 * (nor any large layer's while `tiled` is still undefined, being decided).
 * Returns the first load error, if any, for the page to show.
 */
export function useMapData(
  map: MapLibreMap | null,
  tiled: readonly TiledLayer[] | undefined,
): { error: Error | null; retry: () => void } {
  const geojson = (layer: TiledLayer) => tiled !== undefined && !tiled.includes(layer);
  const results = {
    city: useQuery(queries.cityOutline()),
    communities: useQuery(queries.communities()),
    grids: useQuery({ ...queries.grids(), enabled: geojson("grids") }),
    units: useQuery(queries.units()),
    inspectionPoints: useQuery({ ...queries.inspectionPoints(), enabled: geojson("points") }),
    problems: useQuery({ ...queries.problems(), enabled: geojson("problems") }),
  };
  const communities = results.communities.data;
  // a list another page left in the cache is not sent to a source no layer reads
  const grids = geojson("grids") ? results.grids.data : undefined;
  const labels = useLabelPoints();
  const communityLabels = useMemo(
    () => (labels && communities ? labels.labelsAbove(communities) : undefined),
    [labels, communities],
  );
  const gridLabels = useMemo(
    () => (labels && grids ? labels.labelPoints(grids) : undefined),
    [labels, grids],
  );
  const leadUnits = useLeadUnits();

  useSourceData(map, sourceIds.city, results.city.data);
  useSourceData(map, sourceIds.communities, communities);
  useSourceData(map, sourceIds.communityLabels, communityLabels);
  useSourceData(map, sourceIds.grids, grids);
  useSourceData(map, sourceIds.gridLabels, gridLabels);
  useSourceData(map, sourceIds.units, results.units.data);
  useSourceData(
    map,
    sourceIds.inspectionPoints,
    geojson("points") ? results.inspectionPoints.data : undefined,
  );
  useSourceData(map, sourceIds.problems, geojson("problems") ? results.problems.data : undefined);

  useEffect(() => {
    if (map && leadUnits) applyLeadUnitColours(map, leadUnits);
  }, [map, leadUnits]);

  const fitted = useRef<MapLibreMap | null>(null);
  useEffect(() => {
    if (!map || !labels || !communities?.features.length || fitted.current === map) return;
    fitted.current = map;
    const [west, south, east, north] = labels.bbox(communities);
    map.fitBounds([west, south, east, north], { padding: fitPadding(), animate: false });
  }, [map, labels, communities]);

  // a layer drawn from tiles has nothing to wait for here: its tiles load before `idle`
  const allLoaded = Object.entries(results).every(
    ([name, result]) =>
      result.isSuccess || (tiled?.includes(tiledLayerOf[name] as TiledLayer) ?? false),
  );
  const ready = useRef<MapLibreMap | null>(null);
  useEffect(() => {
    if (!map || !allLoaded || !leadUnits || ready.current === map) return;
    ready.current = map;
    markReadyWhenIdle(map);
  }, [map, allLoaded, leadUnits]);

  const failed = Object.values(results).find((result) => result.isError);
  return {
    error: failed?.error ?? null,
    retry: () => {
      for (const result of Object.values(results)) if (result.isError) void result.refetch();
    },
  };
}
