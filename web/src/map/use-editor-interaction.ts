// Clicks on the editor's map: in view mode a grid is selected, in merge mode grids are picked;
// the selected, picked and edited grids are marked with feature state for the grid layers.
import type { Map as MapLibreMap, MapMouseEvent } from "maplibre-gl";
import { useEffect } from "react";
import { useGridEditor } from "../state/grid-editor.ts";
import { gridFillLayerId } from "./layers/grids.ts";
import { sourceIds } from "./sources.ts";

function gridAt(map: MapLibreMap, event: MapMouseEvent): number | null {
  const [feature] = map.queryRenderedFeatures(event.point, { layers: [gridFillLayerId] });
  const id = Number(feature?.id ?? feature?.properties.id);
  return Number.isInteger(id) ? id : null;
}

export function useEditorInteraction(map: MapLibreMap | null) {
  const mode = useGridEditor((state) => state.mode);
  const selectedGridId = useGridEditor((state) => state.selectedGridId);
  const mergeIds = useGridEditor((state) => state.mergeIds);

  useEffect(() => {
    if (!map || (mode !== "view" && mode !== "merge")) return;
    const onClick = (event: MapMouseEvent) => {
      const id = gridAt(map, event);
      const { select, toggleMerge } = useGridEditor.getState();
      if (mode === "view") select(id);
      else if (id !== null) toggleMerge(id);
    };
    const onMove = (event: MapMouseEvent) => {
      map.getCanvas().style.cursor = gridAt(map, event) === null ? "" : "pointer";
    };
    map.on("click", onClick);
    map.on("mousemove", onMove);
    return () => {
      map.off("click", onClick);
      map.off("mousemove", onMove);
      map.getCanvas().style.cursor = "";
    };
  }, [map, mode]);

  useEffect(() => {
    if (!map) return;
    // the selected grid is what view, edit and split work on; the other modes ignore it
    const onSelected = mode === "view" || mode === "edit" || mode === "split";
    const marked =
      mode === "merge" ? mergeIds : onSelected && selectedGridId !== null ? [selectedGridId] : [];
    const state = { selected: true, editing: mode === "edit" };
    for (const id of marked) map.setFeatureState({ source: sourceIds.grids, id }, state);
    return () => {
      if (!map.style) return; // the page is leaving
      for (const id of marked) map.removeFeatureState({ source: sourceIds.grids, id });
    };
  }, [map, mode, mergeIds, selectedGridId]);
}
