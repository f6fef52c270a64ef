// The leaders' map: problem hexagons that follow the zoom, or the hotspot clusters, over the
// grids; clicking a hexagon or a cluster selects its cells for the problem list.
import type { SearchHit } from "@civgrid/geo";
import { useQuery } from "@tanstack/react-query";
import bbox from "@turf/bbox";
import type { MapLayerMouseEvent, Map as MapLibreMap } from "maplibre-gl";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AnalyticsFilters,
  analyticsQueries,
  type CellSelection,
  type Viewport,
} from "../../api/analytics.ts";
import { errorText } from "../../api/client.ts";
import { queries } from "../../api/queries.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { MapSearchLoader } from "../../components/map-search/map-search-loader.tsx";
import { gridLayers } from "../../map/layers/grids.ts";
import {
  clusterFillLayerId,
  clusterLayers,
  hexagonFillLayerId,
  hexagonLayers,
} from "../../map/layers/hexagons.ts";
import type { MapOptions } from "../../map/map.ts";
import { markReadyWhenIdle } from "../../map/readiness.ts";
import { sourceIds } from "../../map/sources.ts";
import { useSourceData } from "../../map/use-map-data.ts";
import { useMapInstance } from "../../map/use-map-instance.ts";
import { useTiledLayers } from "../../map/use-tiled-layers.ts";
import { useDebounced } from "../../use-debounced.ts";
import { clusterLabels, shadeHexagons } from "./shading.ts";

export type MapMode = "hexagons" | "clusters";
export type Metric = "count" | "pointsLost";

// Printable: the notice copies the map's canvas.
const options: MapOptions = {
  layers: [...gridLayers, ...hexagonLayers, ...clusterLayers],
  printable: true,
};
/** The whole city's grids under the hexagons: drawn from tiles once there are many. */
const largeLayers = ["grids"] as const;
/** No overlays cover this map: the same room on every side. */
const padding = 40;
/** Below this the viewport may hold more hexagons than the API answers. */
const MIN_ZOOM = 5;

interface Props {
  basemapUrl: string | null | undefined;
  filters: AnalyticsFilters;
  mode: MapMode;
  metric: Metric;
  onSelect: (selection: CellSelection | null) => void;
  onMap: (map: MapLibreMap | null) => void;
  /** Bumped to fit the map to these filters' problems (a ranking row was clicked). */
  fitRequest: number;
  /** A match chosen in the map's search box, after the map has flown to it. */
  onSearchChoose: (hit: SearchHit) => void;
}

export function HotspotMap({
  basemapUrl,
  filters,
  mode,
  metric,
  onSelect,
  onMap,
  fitRequest,
  onSearchChoose,
}: Props) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const tiled = useTiledLayers(largeLayers);
  const map = useMapInstance(container, basemapUrl, tiled ? { ...options, tiled } : null);
  const [moved, setMoved] = useState<Viewport | null>(null);
  const viewport = useDebounced(moved, 250);
  const gridsFromTiles = tiled?.includes("grids") ?? true;
  const grids = useQuery({ ...queries.grids(), enabled: !gridsFromTiles });
  const communities = useQuery(queries.communities());
  const hexagons = useQuery({
    ...analyticsQueries.hexagons(viewport ?? { bbox: "", zoom: 0 }, filters),
    enabled: viewport !== null && mode === "hexagons",
  });
  const clusters = useQuery({
    ...analyticsQueries.clusters(viewport ?? { bbox: "", zoom: 0 }, filters),
    enabled: viewport !== null && mode === "clusters",
  });
  const shaded = useMemo(
    () => hexagons.data && shadeHexagons(hexagons.data, metric),
    [hexagons.data, metric],
  );
  const clusterShapes = useMemo(
    () => clusters.data && shadeHexagons(clusters.data, metric),
    [clusters.data, metric],
  );
  const labels = useMemo(
    () => clusters.data && clusterLabels(clusters.data, t),
    [clusters.data, t],
  );
  const empty = { type: "FeatureCollection" as const, features: [] };
  useSourceData(map, sourceIds.grids, gridsFromTiles ? undefined : grids.data);
  useSourceData(map, sourceIds.hexagons, mode === "hexagons" ? shaded : empty);
  useSourceData(map, sourceIds.clusters, mode === "clusters" ? clusterShapes : empty);
  useSourceData(map, sourceIds.clusterLabels, mode === "clusters" ? labels : empty);

  useEffect(() => onMap(map), [map, onMap]);

  // The viewport the API is asked about follows the map, rounded so small moves reuse the cache.
  useEffect(() => {
    if (!map) return;
    map.setMinZoom(MIN_ZOOM);
    const follow = () => {
      const b = map.getBounds();
      const r = (n: number) => Math.round(n * 1000) / 1000;
      setMoved({
        bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(r).join(","),
        zoom: Math.round(map.getZoom() * 10) / 10,
      });
    };
    map.on("moveend", follow);
    follow();
    return () => void map.off("moveend", follow);
  }, [map]);

  const fitted = useRef<MapLibreMap | null>(null);
  useEffect(() => {
    if (!map || !communities.data?.features.length || fitted.current === map) return;
    fitted.current = map;
    const [w, s, e, n] = bbox(communities.data);
    map.fitBounds([w, s, e, n], { padding, animate: false });
  }, [map, communities.data]);

  useFitToFilters(map, filters, fitRequest);

  // Clicking selects a hexagon or a cluster (its cells), shown in the list and outlined here.
  const selected = useRef<{ source: string; id: number } | null>(null);
  useEffect(() => {
    if (!map) return;
    const pick = (event: MapLayerMouseEvent) => {
      const feature = event.features?.[0];
      if (selected.current) map.setFeatureState(selected.current, { selected: false });
      selected.current = null;
      if (!feature || typeof feature.id !== "number") return onSelect(null);
      const source = feature.source;
      selected.current = { source, id: feature.id };
      map.setFeatureState(selected.current, { selected: true });
      const p = feature.properties;
      const clustered = source === sourceIds.clusters;
      onSelect({
        cellSize: Number(p.cellSize),
        cells: clustered ? (JSON.parse(p.cells) as number[]) : [feature.id],
        label: clustered
          ? t("leader.clusterLabel", { rank: feature.id, count: p.count })
          : t("leader.hexagonLabel", { count: p.count }),
      });
    };
    const layers = [hexagonFillLayerId, clusterFillLayerId];
    for (const layer of layers) map.on("click", layer, pick);
    return () => {
      for (const layer of layers) map.off("click", layer, pick);
    };
  }, [map, onSelect, t]);

  const ready = useRef(false);
  useEffect(() => {
    if (map && !ready.current && (hexagons.isSuccess || clusters.isSuccess)) {
      ready.current = true;
      markReadyWhenIdle(map);
    }
  }, [map, hexagons.isSuccess, clusters.isSuccess]);

  const error = mode === "hexagons" ? hexagons.error : clusters.error;
  const summary =
    mode === "hexagons"
      ? hexagons.data &&
        t("leader.hexagonSummary", { count: hexagons.data.count, size: hexagons.data.cellSize })
      : clusters.data && t("leader.clusterSummary", { count: clusters.data.features.length });
  return (
    <div className="leader-map-wrap">
      <div ref={container} className="leader-map" data-testid="leader-map" />
      <MapSearchLoader map={map} placement="corner" padding={padding} onChoose={onSearchChoose} />
      {summary && <p className="leader-map-summary">{summary}</p>}
      {error && <ErrorBanner message={errorText(error)} />}
    </div>
  );
}

/** On request, fits the map to where the filtered problems are (the city at a coarse band). */
function useFitToFilters(map: MapLibreMap | null, filters: AnalyticsFilters, request: number) {
  const city = useQuery(queries.cityOutline());
  const cityBox = city.data?.features.length ? bbox(city.data).join(",") : undefined;
  const wide = useQuery({
    ...analyticsQueries.hexagons({ bbox: cityBox ?? "", zoom: 11 }, filters),
    enabled: request > 0 && cityBox !== undefined,
  });
  const done = useRef(0);
  useEffect(() => {
    if (!map || !wide.data || wide.isPlaceholderData || done.current === request) return;
    done.current = request;
    if (!wide.data.features.length) return;
    const [w, s, e, n] = bbox(wide.data);
    map.fitBounds([w, s, e, n], { padding, maxZoom: 15 });
  }, [map, wide.data, wide.isPlaceholderData, request]);
}
