// Clicks on the map select a problem, a unit or a grid; the selected one is highlighted. A click
// on a cell of problems (tiles at city zoom) zooms in to where they are single problems.
import type { FeatureIdentifier, Map as MapLibreMap, MapMouseEvent, PointLike } from "maplibre-gl";
import { useEffect } from "react";
import { type FeatureRef, type Selection, type SelectionKind, useMapUi } from "../state/map-ui.ts";
import { gridFillLayerId } from "./layers/grids.ts";
import {
  problemCellLayerId,
  problemCircleLayerId,
  problemPointsMinZoom,
} from "./layers/problems.ts";
import { unitCircleLayerId } from "./layers/units.ts";

/** Layers a click can select, topmost first, so a problem wins over the grid beneath it. */
const selectable: Record<string, SelectionKind> = {
  [problemCircleLayerId]: "problem",
  [unitCircleLayerId]: "unit",
  [gridFillLayerId]: "grid",
};

const layerOf: Record<SelectionKind, string> = {
  problem: problemCircleLayerId,
  unit: unitCircleLayerId,
  grid: gridFillLayerId,
};

/** The feature as its layer reads it: a GeoJSON source, or a tile source and its layer. */
function featureTarget(map: MapLibreMap, { kind, id }: FeatureRef): FeatureIdentifier | null {
  const layer = map.getLayer(layerOf[kind]);
  return layer ? { source: layer.source, sourceLayer: layer.sourceLayer, id } : null;
}

/** Half the side of the box a click searches: markers are small, fingers are not. */
const tolerance = 6;

/** Distinct selectable features at a point or in a box, topmost first. */
function featuresAt(map: MapLibreMap, where: PointLike | [PointLike, PointLike]): FeatureRef[] {
  const refs = new Map<string, FeatureRef>();
  for (const feature of map.queryRenderedFeatures(where, { layers: Object.keys(selectable) })) {
    const kind = selectable[feature.layer.id];
    const id = Number(feature.id ?? feature.properties.id);
    if (kind && Number.isInteger(id)) refs.set(`${kind}:${id}`, { kind, id });
  }
  return [...refs.values()];
}

function around({ x, y }: { x: number; y: number }): [PointLike, PointLike] {
  return [
    [x - tolerance, y - tolerance],
    [x + tolerance, y + tolerance],
  ];
}

/**
 * Markers are found within a finger's reach, grids exactly under the pointer (a box would
 * straddle two grids at their border). Stacked markers become a choice, a hospital first:
 * the problems stacked on it are usually its own window problems.
 */
function selectionAt(map: MapLibreMap, event: MapMouseEvent): Selection | null {
  const nearby = featuresAt(map, around(event.point));
  const markers = [
    ...nearby.filter((feature) => feature.kind === "unit"),
    ...nearby.filter((feature) => feature.kind === "problem"),
  ];
  if (markers.length > 1) return { kind: "choice", candidates: markers };
  const grid = featuresAt(map, event.point).find((feature) => feature.kind === "grid");
  return markers[0] ?? grid ?? null;
}

/** Zooms in on a cell of problems under the pointer; false when there is none. */
function zoomIntoCell(map: MapLibreMap, event: MapMouseEvent): boolean {
  if (!map.getLayer(problemCellLayerId)) return false;
  const [cell] = map.queryRenderedFeatures(around(event.point), { layers: [problemCellLayerId] });
  if (!cell) return false;
  map.easeTo({ center: event.lngLat, zoom: Math.max(problemPointsMinZoom, map.getZoom() + 1) });
  return true;
}

export function useMapInteraction(map: MapLibreMap | null) {
  const select = useMapUi((state) => state.select);
  const selection = useMapUi((state) => state.selection);

  useEffect(() => {
    if (!map) return;
    const onClick = (event: MapMouseEvent) => {
      if (!zoomIntoCell(map, event)) select(selectionAt(map, event));
    };
    const onMove = (event: MapMouseEvent) => {
      map.getCanvas().style.cursor = featuresAt(map, around(event.point)).length ? "pointer" : "";
    };
    map.on("click", onClick);
    map.on("mousemove", onMove);
    return () => {
      map.off("click", onClick);
      map.off("mousemove", onMove);
    };
  }, [map, select]);

  useEffect(() => {
    if (!map || !selection || selection.kind === "choice") return;
    const target = featureTarget(map, selection);
    if (!target) return;
    map.setFeatureState(target, { selected: true });
    return () => {
      // the page may be leaving: a removed map has no style left to clear
      if (map.style) map.removeFeatureState(target, "selected");
    };
  }, [map, selection]);
}
