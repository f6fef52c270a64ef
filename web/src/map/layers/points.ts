// Inspection points (点位): small markers coloured by kind.
import type { LayerSpecification } from "maplibre-gl";
import { colourByValue, pointKindColours } from "../colours.ts";
import { sourceIds } from "../sources.ts";

export const inspectionPointLayers: LayerSpecification[] = [
  {
    id: "point-marker",
    type: "circle",
    source: sourceIds.inspectionPoints,
    minzoom: 12,
    paint: {
      "circle-color": colourByValue("kind", pointKindColours),
      "circle-radius": 4,
      "circle-stroke-color": "#ffffff",
      "circle-stroke-width": 1,
    },
  },
];
