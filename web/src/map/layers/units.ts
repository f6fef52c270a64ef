// Units (责任单位): hospitals and other health units as circles with their short names.
import type { LayerSpecification } from "maplibre-gl";
import { noLeadUnitColour } from "../colours.ts";
import { sourceIds } from "../sources.ts";
import { haloText, isSelected } from "./expressions.ts";

export const unitCircleLayerId = "unit-circle";

export const unitLayers: LayerSpecification[] = [
  {
    id: unitCircleLayerId,
    type: "circle",
    source: sourceIds.units,
    paint: {
      // recoloured with the same colour as the grids each hospital leads (lead-unit-colours.ts)
      "circle-color": noLeadUnitColour,
      "circle-radius": ["case", isSelected, 11, 8],
      "circle-stroke-color": "#12355b",
      "circle-stroke-width": ["case", isSelected, 3.5, 2.5],
    },
  },
  {
    id: "unit-label",
    type: "symbol",
    source: sourceIds.units,
    minzoom: 12,
    layout: {
      "text-field": ["get", "shortName"],
      "text-size": 12,
      "text-anchor": "top",
      "text-offset": [0, 0.9],
      "text-optional": true,
    },
    paint: haloText("#12355b", 1.5),
  },
];
