// Assigned communities (帮包社区): a strong outline and the community's name above it.
import type { LayerSpecification } from "maplibre-gl";
import { sourceIds } from "../sources.ts";
import { haloText } from "./expressions.ts";

const ink = "#12355b";

export const communityLayers: LayerSpecification[] = [
  {
    id: "community-outline",
    type: "line",
    source: sourceIds.communities,
    layout: { "line-join": "round" },
    paint: { "line-color": ink, "line-width": 3.5 },
  },
  {
    id: "community-label",
    type: "symbol",
    source: sourceIds.communityLabels,
    maxzoom: 15.5,
    layout: {
      "text-field": ["get", "name"],
      "text-size": 17,
      "text-anchor": "bottom",
      "text-offset": [0, -0.3],
      "text-allow-overlap": true,
    },
    paint: haloText(ink, 2),
  },
];
