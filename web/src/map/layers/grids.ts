// Grids (网格): filled by lead hospital, outlined, labelled with their code and lead unit.
import type { LayerSpecification } from "maplibre-gl";
import { noLeadUnitColour } from "../colours.ts";
import { sourceIds } from "../sources.ts";
import { haloText, selectableLine } from "./expressions.ts";

export const gridFillLayerId = "grid-fill";

export const gridLayers: LayerSpecification[] = [
  {
    id: gridFillLayerId,
    type: "fill",
    source: sourceIds.grids,
    // recoloured per lead hospital once the units are known (see lead-unit-colours.ts)
    paint: {
      "fill-color": noLeadUnitColour,
      // the grid editor fades the grid whose vertices are being moved: its draft is drawn on top
      "fill-opacity": ["case", ["boolean", ["feature-state", "editing"], false], 0.15, 0.6],
    },
  },
  {
    id: "grid-outline",
    type: "line",
    source: sourceIds.grids,
    layout: { "line-join": "round" },
    paint: selectableLine("#495057", 1.2, "#e8590c", 4),
  },
  {
    id: "grid-label",
    type: "symbol",
    source: sourceIds.gridLabels,
    minzoom: 14, // below this a 15-digit code is wider than a grid
    // Drawn from tiles, a grid is labelled in the one tile holding its label point (labelHere),
    // not in every tile its outline crosses; label points from GeoJSON carry no such flag.
    filter: ["!=", ["get", "labelHere"], false],
    layout: {
      "text-field": [
        "format",
        ["get", "code"],
        { "font-scale": 0.85 },
        "\n",
        {},
        ["coalesce", ["get", "leadUnitShortName"], ""],
        {},
      ],
      "text-size": 12,
      "text-line-height": 1.3,
    },
    paint: haloText("#212529", 1.5),
  },
];
