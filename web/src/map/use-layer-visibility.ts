// Shows or hides each layer family as its toggle says.
import type { Map as MapLibreMap } from "maplibre-gl";
import { useEffect } from "react";
import { useMapUi } from "../state/map-ui.ts";
import { layerFamilies, layerFamilyNames } from "./layers/index.ts";

export function useLayerVisibility(map: MapLibreMap | null) {
  const visibleFamilies = useMapUi((state) => state.visibleFamilies);
  useEffect(() => {
    if (!map) return;
    for (const family of layerFamilyNames) {
      const visibility = visibleFamilies[family] ? "visible" : "none";
      for (const layer of layerFamilies[family]) {
        map.setLayoutProperty(layer.id, "visibility", visibility);
      }
    }
  }, [map, visibleFamilies]);
}
