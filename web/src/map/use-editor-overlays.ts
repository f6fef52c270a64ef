// Shows the editor's findings on the map: gaps, previews, and each problem's area and marker.
import type { Feature, FeatureCollection, Point } from "geojson";
import type { Map as MapLibreMap } from "maplibre-gl";
import { useEffect, useMemo } from "react";
import type { Preview, ShownProblem } from "../state/grid-editor.ts";
import { gridLayers } from "./layers/grids.ts";
import type { Gaps } from "./modes/checks.ts";
import { sourceIds } from "./sources.ts";
import { useLabelPoints } from "./use-label-points.ts";
import { useSourceData } from "./use-map-data.ts";

const none: FeatureCollection = { type: "FeatureCollection", features: [] };

interface Findings {
  problems: readonly ShownProblem[];
  gaps: Gaps | null;
  preview: Preview | null;
  /** The preview replaces the grids (a partition): the grids step aside meanwhile. */
  replacing: boolean;
}

export function useEditorOverlays(
  map: MapLibreMap | null,
  { problems, gaps, preview, replacing }: Findings,
) {
  useEffect(() => {
    for (const { id } of gridLayers)
      map?.setLayoutProperty(id, "visibility", replacing ? "none" : "visible");
  }, [map, replacing]);
  const gapShapes = useMemo(
    (): FeatureCollection =>
      gaps?.geometry
        ? {
            type: "FeatureCollection",
            features: [{ type: "Feature", geometry: gaps.geometry, properties: {} }],
          }
        : none,
    [gaps],
  );
  const areas = useMemo(
    (): FeatureCollection => ({
      type: "FeatureCollection",
      features: problems.flatMap((problem) =>
        problem.geometry
          ? [
              {
                type: "Feature",
                geometry: problem.geometry,
                properties: { message: problem.message },
              },
            ]
          : [],
      ),
    }),
    [problems],
  );
  const markers = useMemo(
    (): FeatureCollection<Point> => ({
      type: "FeatureCollection",
      features: problems.flatMap((problem): Feature<Point>[] =>
        problem.at
          ? [
              {
                type: "Feature",
                geometry: { type: "Point", coordinates: problem.at },
                properties: {},
              },
            ]
          : [],
      ),
    }),
    [problems],
  );
  const labelModule = useLabelPoints();
  const labels = useMemo(
    () => (preview && labelModule ? labelModule.labelPoints(preview) : none),
    [preview, labelModule],
  );

  useSourceData(map, sourceIds.gaps, gapShapes);
  useSourceData(map, sourceIds.problemAreas, areas);
  useSourceData(map, sourceIds.problemMarkers, markers);
  useSourceData(map, sourceIds.preview, preview ?? none);
  useSourceData(map, sourceIds.previewLabels, labels);
}
