// Puts Terra Draw in the tool the editing mode needs and reports the work back to the store:
// the drawn or edited polygon as the draft, the finished line as the split line.
import type { LineString, Position } from "geojson";
import type { Map as MapLibreMap } from "maplibre-gl";
import { useEffect, useRef, useState } from "react";
import type { GeoJSONStoreFeatures, TerraDraw } from "terra-draw";
import type { GridFeature } from "../../api/grids.ts";
import { useGridEditor } from "../../state/grid-editor.ts";
import { draftOf } from "./draft.ts";
import { snapPosition } from "./snap.ts";
import { tools } from "./tools.ts";

/**
 * `snapRings`: the lines new vertices snap to (community boundary, the other grids);
 * `editedGrid`: the grid whose vertices edit mode moves.
 */
export function useDrawing(
  map: MapLibreMap | null,
  snapRings: Position[][],
  editedGrid: GridFeature | null,
) {
  const mode = useGridEditor((state) => state.mode);
  const attempt = useGridEditor((state) => state.attempt);
  const [draw, setDraw] = useState<TerraDraw | null>(null);
  const rings = useRef(snapRings); // read at each pointer move, so always the latest
  rings.current = snapRings;

  useEffect(() => {
    if (!map) return;
    let started: TerraDraw | null = null;
    let gone = false;
    // Terra Draw is loaded with the editor's map, not with the page (issue 22)
    void import("./drawing.ts").then(({ createDrawing }) => {
      if (gone) return;
      started = start(createDrawing, map, rings);
      setDraw(started);
    });
    return () => {
      gone = true;
      setDraw(null);
      if (started && map.style) started.stop(); // the page may be leaving: a removed map has nothing to clear
    };
  }, [map]);

  const editedKey = editedGrid ? `${editedGrid.id}:${editedGrid.properties.version}` : null;
  const editedRef = useRef(editedGrid);
  editedRef.current = editedGrid;
  // biome-ignore lint/correctness/useExhaustiveDependencies: choosing the mode again (a new attempt) restarts the tool
  useEffect(() => {
    if (!draw) return;
    draw.clear();
    if (mode === "draw") draw.setMode(tools.polygon);
    else if (mode === "split") draw.setMode(tools.line);
    else if (mode === "edit" && editedKey && editedRef.current) edit(draw, editedRef.current);
    else draw.setMode(tools.none);
  }, [draw, mode, attempt, editedKey]);
}

/** Starts Terra Draw on the map, its drafts and split lines going to the editor's store. */
function start(
  createDrawing: typeof import("./drawing.ts").createDrawing,
  map: MapLibreMap,
  rings: { current: Position[][] },
): TerraDraw {
  const draw = createDrawing(map, (event) =>
    snapPosition({ x: event.containerX, y: event.containerY }, rings.current, (lng, lat) =>
      map.project([lng, lat]),
    ),
  );
  const { setDraft, setSplitLine } = useGridEditor.getState();
  draw.on("change", () => setDraft(draftOf(draw.getSnapshot())));
  draw.on("finish", (id, context) => {
    if (context.mode === tools.polygon) {
      // a closed polygon becomes editable at once: vertices can be dragged before saving
      draw.setMode(tools.select);
      draw.selectFeature(id);
    }
    if (context.mode === tools.line) {
      const line = draw.getSnapshotFeature(id)?.geometry;
      if (line?.type === "LineString") setSplitLine(line as LineString);
      draw.setMode(tools.none);
    }
  });
  return draw;
}

/** Loads the grid's polygons into Terra Draw and selects the first, showing its vertices. */
function edit(draw: TerraDraw, grid: GridFeature) {
  draw.setMode(tools.select);
  const features = grid.geometry.coordinates.map(
    (rings): GeoJSONStoreFeatures => ({
      type: "Feature",
      id: draw.getFeatureId(),
      geometry: { type: "Polygon", coordinates: rings },
      properties: { mode: tools.polygon },
    }),
  );
  draw.addFeatures(features);
  const first = features[0]?.id;
  if (first !== undefined) draw.selectFeature(first);
  useGridEditor.getState().setDraft(draftOf(draw.getSnapshot()));
}
