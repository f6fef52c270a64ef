// The city's outline (regions at level "city"), drawn above the basemap and under the grids.
import type { LayerSpecification } from "maplibre-gl";
import { sourceIds } from "../sources.ts";

export const cityLayers: LayerSpecification[] = [
  {
    id: "city-outline",
    type: "line",
    source: sourceIds.city,
    paint: { "line-color": "#4263eb", "line-width": 2, "line-dasharray": [4, 2] },
  },
];
