// Terra Draw on the editor's map: a polygon tool (new grids), a line tool (split lines) and a
// select tool (moving, inserting and deleting a grid's vertices), all snapping the pointer
// onto the community boundary and the neighbouring grids.
import type { Map as MapLibreMap } from "maplibre-gl";
import {
  type SnapToCustom,
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
} from "terra-draw";
import { TerraDrawMapLibreGLAdapter } from "terra-draw-maplibre-gl-adapter";
import { problemAreaLayerId } from "../layers/editing.ts";

const draftColour = "#1c7ed6";
const lineColour = "#c2255c";

/**
 * Creates and starts Terra Draw on `map`. Self-intersections are allowed while editing on
 * purpose: the live check marks where the polygon crosses itself, which says more than a
 * vertex that refuses to move.
 */
export function createDrawing(map: MapLibreMap, snap: SnapToCustom): TerraDraw {
  const snapping = { toCustom: snap };
  const draw = new TerraDraw({
    // under the problem highlights, so an overlap shows red on top of the draft
    adapter: new TerraDrawMapLibreGLAdapter({
      map,
      coordinatePrecision: 7,
      renderBelowLayerId: problemAreaLayerId,
    }),
    modes: [
      new TerraDrawPolygonMode({
        snapping,
        styles: {
          fillColor: draftColour,
          fillOpacity: 0.3,
          outlineColor: draftColour,
          outlineWidth: 3,
          closingPointColor: "#ffffff",
          closingPointOutlineColor: draftColour,
          closingPointWidth: 6,
          snappingPointColor: "#f08c00",
          snappingPointWidth: 6,
        },
      }),
      new TerraDrawLineStringMode({
        snapping,
        styles: { lineStringColor: lineColour, lineStringWidth: 4, closingPointColor: lineColour },
      }),
      new TerraDrawSelectMode({
        allowManualDeselection: false,
        flags: {
          polygon: {
            feature: {
              selfIntersectable: true,
              coordinates: {
                draggable: true,
                deletable: true,
                midpoints: true,
                snappable: snapping,
              },
            },
          },
        },
        styles: {
          selectedPolygonColor: draftColour,
          selectedPolygonFillOpacity: 0.3,
          selectedPolygonOutlineColor: draftColour,
          selectedPolygonOutlineWidth: 3,
          selectionPointColor: "#ffffff",
          selectionPointOutlineColor: draftColour,
          selectionPointWidth: 6,
          selectionPointOutlineWidth: 2,
          midPointColor: draftColour,
          midPointWidth: 4,
        },
      }),
    ],
  });
  draw.start();
  return draw;
}
