// Colours grids and hospital markers by lead hospital: in the layers a map is made with, when the
// hospitals are known by then, and on a map already drawn when they change.
import type { LayerSpecification, Map as MapLibreMap } from "maplibre-gl";
import { type LeadUnitColour, leadUnitColourExpression } from "./colours.ts";
import { gridFillLayerId } from "./layers/grids.ts";
import { unitCircleLayerId } from "./layers/units.ts";

/** A grid carries its hospital in `leadUnitId`, a hospital marker its own `id`. */
const coloured = [
  { layer: gridFillLayerId, paint: "fill-color", property: "leadUnitId" },
  { layer: unitCircleLayerId, paint: "circle-color", property: "id" },
] as const;

/**
 * The layers with the colours already in their paint: a map made with them draws its grids once,
 * where recolouring after it loaded lays out every grid tile again.
 */
export function withLeadUnitColours(
  layers: readonly LayerSpecification[],
  colours: readonly LeadUnitColour[],
): LayerSpecification[] {
  return layers.map((layer) => {
    const rule = coloured.find((c) => c.layer === layer.id);
    if (!rule || !("paint" in layer)) return layer;
    const paint = {
      ...layer.paint,
      [rule.paint]: leadUnitColourExpression(colours, rule.property),
    };
    return { ...layer, paint } as LayerSpecification;
  });
}

/** Recolours a drawn map; one without hospital markers (the grid editor) recolours its grids. */
export function applyLeadUnitColours(map: MapLibreMap, colours: readonly LeadUnitColour[]) {
  for (const rule of coloured)
    if (map.getLayer(rule.layer))
      map.setPaintProperty(
        rule.layer,
        rule.paint,
        leadUnitColourExpression(colours, rule.property),
      );
}
