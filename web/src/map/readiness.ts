// Tells browser tests the map is drawn: `data-map-ready` and the count of grids on screen.
import type { Map as MapLibreMap } from "maplibre-gl";
import { gridFillLayerId } from "./layers/grids.ts";

/** Distinct grids the fill layer draws; a grid cut by tile edges is still one grid. */
export function renderedGridCount(map: MapLibreMap): number {
  const features = map.queryRenderedFeatures({ layers: [gridFillLayerId] });
  return new Set(features.map((feature) => feature.id ?? feature.properties.id)).size;
}

/** Waits for the map to settle after the last `setData`, then marks the page ready. */
export function markReadyWhenIdle(map: MapLibreMap): void {
  map.once("idle", () => {
    document.body.dataset.gridCount = String(renderedGridCount(map));
    document.body.dataset.mapReady = "true";
  });
  map.triggerRepaint(); // an idle event only follows a frame; make sure one is drawn
}
