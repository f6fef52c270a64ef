// Recolours grids and hospital markers once the lead hospitals are known.
import type { Map as MapLibreMap } from "maplibre-gl";
import { type LeadUnitColour, leadUnitColourExpression } from "./colours.ts";
import { gridFillLayerId } from "./layers/grids.ts";
import { unitCircleLayerId } from "./layers/units.ts";

/**
 * A grid carries its hospital in `leadUnitId`, a hospital marker its own `id`. A map without
 * hospital markers (the grid editor) recolours its grids only.
 */
export function applyLeadUnitColours(map: MapLibreMap, colours: readonly LeadUnitColour[]) {
  map.setPaintProperty(
    gridFillLayerId,
    "fill-color",
    leadUnitColourExpression(colours, "leadUnitId"),
  );
  if (map.getLayer(unitCircleLayerId))
    map.setPaintProperty(
      unitCircleLayerId,
      "circle-color",
      leadUnitColourExpression(colours, "id"),
    );
}
