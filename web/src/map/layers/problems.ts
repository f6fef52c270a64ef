// Problems (问题): circles coloured by rectification status; overdue ones get a red ring. Drawn from
// tiles at city zoom they come as cells (how many problems, how many open and overdue) instead.
import type { ExpressionSpecification, LayerSpecification } from "maplibre-gl";
import { colourByValue, overdueColour, statusColours } from "../colours.ts";
import { sourceIds } from "../sources.ts";
import { isSelected, isTrue } from "./expressions.ts";

export const problemCircleLayerId = "problem-circle";
export const problemCellLayerId = "problem-cell";

/**
 * The zoom from which the problem tiles hold single problems (PROBLEM_POINTS_MIN_ZOOM in
 * api/src/tiles/layers.ts): clicking a cell zooms here.
 */
export const problemPointsMinZoom = 13;

const overdue = isTrue("overdue");
/** A tile's cell of problems carries `count`; a single problem never does. */
const isCell: ExpressionSpecification = ["has", "count"];

export const problemLayers: LayerSpecification[] = [
  {
    id: problemCircleLayerId,
    type: "circle",
    source: sourceIds.problems,
    filter: ["!", isCell],
    // overdue problems drawn last, so their rings are never hidden under others
    layout: { "circle-sort-key": ["case", overdue, 1, 0] },
    paint: {
      "circle-color": colourByValue("status", statusColours),
      "circle-radius": ["case", isSelected, 9, 6],
      "circle-stroke-color": ["case", overdue, overdueColour, "#ffffff"],
      "circle-stroke-width": ["case", overdue, 3, isSelected, 3, 1.5],
    },
  },
  {
    id: problemCellLayerId,
    type: "circle",
    source: sourceIds.problems,
    filter: isCell,
    paint: {
      // warm while any is open, green once all are closed; red ring while any is overdue
      "circle-color": [
        "case",
        [">", ["get", "openCount"], 0],
        statusColours.reported,
        statusColours.closed,
      ],
      "circle-opacity": 0.85,
      "circle-radius": ["interpolate", ["linear"], ["sqrt", ["get", "count"]], 1, 7, 30, 22],
      "circle-stroke-color": ["case", [">", ["get", "overdueCount"], 0], overdueColour, "#ffffff"],
      "circle-stroke-width": ["case", [">", ["get", "overdueCount"], 0], 3, 1.5],
    },
  },
  {
    id: "problem-cell-count",
    type: "symbol",
    source: sourceIds.problems,
    filter: isCell,
    layout: { "text-field": ["to-string", ["get", "count"]], "text-size": 11 },
    paint: { "text-color": "#ffffff", "text-halo-color": "#495057", "text-halo-width": 1 },
  },
];
