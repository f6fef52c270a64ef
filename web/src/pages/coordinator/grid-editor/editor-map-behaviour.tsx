// What the editor's map does once it is drawn: the drawing tools, clicks on grids, and the checks'
// overlays. A chunk of its own, loaded with the map (issue 22): the editor's list and tools are
// drawn before it, and /grids' first paint does not carry it.
import type { Position } from "geojson";
import type { Map as MapLibreMap } from "maplibre-gl";
import type { GridFeature } from "../../../api/grids.ts";
import { useDrawing } from "../../../map/modes/use-drawing.ts";
import { useEditorInteraction } from "../../../map/use-editor-interaction.ts";
import { useEditorOverlays } from "../../../map/use-editor-overlays.ts";
import { useGridEditor } from "../../../state/grid-editor.ts";
import type { EditorCheck } from "./use-editor-check.ts";

interface Props {
  map: MapLibreMap;
  /** Rings a drawn vertex snaps to: the community's and the other grids'. */
  snapRings: Position[][];
  /** The grid whose outline is being edited, if any. */
  editedGrid: GridFeature | null;
  check: EditorCheck;
}

export function EditorMapBehaviour({ map, snapRings, editedGrid, check }: Props) {
  const mode = useGridEditor((state) => state.mode);
  const storedPreview = useGridEditor((state) => state.preview);
  useDrawing(map, snapRings, editedGrid);
  useEditorInteraction(map);
  useEditorOverlays(map, {
    ...check,
    preview: check.preview ?? storedPreview,
    replacing: mode === "partition",
  });
  return null;
}
