// Turning shapes into the editor's preview layer: each with a colour and a label of its area.
import area from "@turf/area";
import type { MultiPolygon, Polygon } from "geojson";
import type { Preview, PreviewProperties } from "../state/grid-editor.ts";
import { leadUnitPalette } from "./colours.ts";

export const badPreviewColour = "#ff8787";

/**
 * One preview feature per shape, in a palette colour unless `colour` says otherwise, labelled
 * by `label(index, m²)`.
 *
 * @example previewOf(parts, (i, m2) => `${i + 1}\n${m2} m²`)
 */
export function previewOf(
  shapes: ReadonlyArray<Polygon | MultiPolygon>,
  label: (index: number, areaM2: number) => string,
  colour: (index: number) => string = (index) =>
    leadUnitPalette[index % leadUnitPalette.length] ?? "#ced4da",
): Preview {
  return {
    type: "FeatureCollection",
    features: shapes.map((geometry, index) => ({
      type: "Feature",
      id: index,
      geometry,
      properties: {
        label: label(index, area(geometry)),
        colour: colour(index),
      } satisfies PreviewProperties,
    })),
  };
}
