// The volunteer's patrol area: their grids outlined strongly, this week's walks, the walk under
// way, inspection points and open problems, and where they are (with the fix's accuracy).
import type { LayerSpecification } from "maplibre-gl";
import { sourceIds } from "../sources.ts";
import { inspectionPointLayers } from "./points.ts";
import { problemLayers } from "./problems.ts";

export const patrolAreaLayers: LayerSpecification[] = [
  {
    id: "area-grid-fill",
    type: "fill",
    source: sourceIds.grids,
    paint: { "fill-color": "#1c7ed6", "fill-opacity": 0.12 },
  },
  {
    id: "area-grid-outline",
    type: "line",
    source: sourceIds.grids,
    layout: { "line-join": "round" },
    paint: { "line-color": "#1864ab", "line-width": 3 },
  },
  {
    id: "patrol-track",
    type: "line",
    source: sourceIds.patrolTracks,
    layout: { "line-join": "round", "line-cap": "round" },
    paint: { "line-color": "#2b8a3e", "line-width": 3, "line-opacity": 0.7 },
  },
  {
    id: "live-track",
    type: "line",
    source: sourceIds.liveTrack,
    layout: { "line-join": "round", "line-cap": "round" },
    paint: { "line-color": "#e8590c", "line-width": 4, "line-dasharray": [2, 1] },
  },
  ...inspectionPointLayers,
  ...problemLayers,
  {
    id: "my-position-accuracy",
    type: "circle",
    source: sourceIds.myPosition,
    paint: {
      // the accuracy circle at about its true size in metres, at Tengzhou's latitude
      "circle-radius": [
        "interpolate",
        ["exponential", 2],
        ["zoom"],
        10,
        ["/", ["get", "accuracyM"], 125],
        20,
        ["/", ["get", "accuracyM"], 0.122],
      ],
      "circle-color": "#1c7ed6",
      "circle-opacity": 0.15,
    },
  },
  {
    id: "my-position",
    type: "circle",
    source: sourceIds.myPosition,
    paint: {
      "circle-radius": 7,
      "circle-color": "#1c7ed6",
      "circle-stroke-color": "#ffffff",
      "circle-stroke-width": 2,
    },
  },
];
