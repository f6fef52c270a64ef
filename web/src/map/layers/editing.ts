// The grid editor's overlays: uncovered parts of the community, previews (partition parts, split
// pieces, imported features, an old version), and the problems found, highlighted and marked.
import type { LayerSpecification } from "maplibre-gl";
import { sourceIds } from "../sources.ts";
import { haloText } from "./expressions.ts";

export const problemColour = "#e03131";
export const problemAreaLayerId = "problem-area-fill";
const gapColour = "#f08c00";

export const editingLayers: LayerSpecification[] = [
  {
    id: "gap-fill",
    type: "fill",
    source: sourceIds.gaps,
    paint: { "fill-color": gapColour, "fill-opacity": 0.35 },
  },
  {
    id: "gap-outline",
    type: "line",
    source: sourceIds.gaps,
    paint: { "line-color": gapColour, "line-width": 2, "line-dasharray": [2, 1.5] },
  },
  {
    id: "preview-fill",
    type: "fill",
    source: sourceIds.preview,
    paint: { "fill-color": ["get", "colour"], "fill-opacity": 0.55 },
  },
  {
    id: "preview-outline",
    type: "line",
    source: sourceIds.preview,
    layout: { "line-join": "round" },
    paint: { "line-color": "#343a40", "line-width": 1.8 },
  },
  {
    id: problemAreaLayerId,
    type: "fill",
    source: sourceIds.problemAreas,
    paint: { "fill-color": problemColour, "fill-opacity": 0.45 },
  },
  {
    id: "problem-area-outline",
    type: "line",
    source: sourceIds.problemAreas,
    paint: { "line-color": problemColour, "line-width": 2.5 },
  },
  {
    id: "problem-marker",
    type: "circle",
    source: sourceIds.problemMarkers,
    paint: {
      "circle-color": "#ffffff",
      "circle-radius": 9,
      "circle-stroke-color": problemColour,
      "circle-stroke-width": 4,
    },
  },
  {
    id: "preview-label",
    type: "symbol",
    source: sourceIds.previewLabels,
    layout: {
      "text-field": ["get", "label"],
      "text-size": 13,
      "text-line-height": 1.3,
      "text-allow-overlap": true,
    },
    paint: haloText("#212529", 2),
  },
];
