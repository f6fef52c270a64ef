// The leaders' view: problem hexagons shaded by `level` (0–1, the page scales count or points lost
// to it), and hotspot clusters outlined with their problem count at the centre.
import type {
  ExpressionSpecification,
  LayerSpecification,
  LineLayerSpecification,
} from "maplibre-gl";
import { sourceIds } from "../sources.ts";
import { haloText, selectableLine } from "./expressions.ts";

export const hexagonFillLayerId = "hexagon-fill";
export const clusterFillLayerId = "cluster-fill";

/** Pale yellow to deep red: more problems, or more points lost, reads as hotter. */
export const heatRamp = ["#fff3bf", "#ffc078", "#ff8787", "#e03131", "#862e2e"] as const;

const heat: ExpressionSpecification = [
  "interpolate",
  ["linear"],
  ["get", "level"],
  ...heatRamp.flatMap((colour, i) => [i / (heatRamp.length - 1), colour]),
] as ExpressionSpecification;

/** An area shaded by its heat, and its outline (`selectableLine` colours). */
function heatedArea(
  name: "hexagon" | "cluster",
  source: string,
  opacity: number,
  outline: Pick<LineLayerSpecification, "paint" | "layout">,
): LayerSpecification[] {
  return [
    {
      id: `${name}-fill`,
      type: "fill",
      source,
      paint: { "fill-color": heat, "fill-opacity": opacity },
    },
    { id: `${name}-outline`, type: "line", source, ...outline },
  ];
}

export const hexagonLayers: LayerSpecification[] = [
  ...heatedArea("hexagon", sourceIds.hexagons, 0.72, {
    paint: selectableLine("#ffffff", 0.8, "#1c7ed6", 3),
  }),
  {
    id: "hexagon-count",
    type: "symbol",
    source: sourceIds.hexagons,
    layout: { "text-field": ["to-string", ["get", "label"]], "text-size": 11 },
    paint: haloText("#212529", 1.2),
  },
];

export const clusterLayers: LayerSpecification[] = [
  ...heatedArea("cluster", sourceIds.clusters, 0.55, {
    layout: { "line-join": "round" },
    paint: selectableLine("#c92a2a", 2, "#1c7ed6", 4),
  }),
  {
    id: "cluster-label",
    type: "symbol",
    source: sourceIds.clusterLabels,
    layout: {
      "text-field": ["get", "label"],
      "text-size": 13,
      "text-allow-overlap": true,
    },
    paint: haloText("#212529", 2),
  },
];
