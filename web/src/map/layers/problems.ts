// Problems (问题): circles coloured by rectification status; overdue ones get a red ring. Drawn from
// tiles at city zoom they come as cells (how many problems, how many open and overdue) instead,
// drawn as dots too close together for a count to be read: a click zooms in to the problems.
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
    // Cells sit 1/64 of a tile apart (8 px on screen): small dots, sized by how many problems,
    // red while any is overdue, warm while any is open, green once all are closed.
    id: problemCellLayerId,
    type: "circle",
    source: sourceIds.problems,
    filter: isCell,
    paint: {
      "circle-color": [
        "case",
        [">", ["get", "overdueCount"], 0],
        overdueColour,
        [">", ["get", "openCount"], 0],
        statusColours.reported,
        statusColours.closed,
      ],
      "circle-opacity": 0.8,
      "circle-radius": ["interpolate", ["linear"], ["sqrt", ["get", "count"]], 1, 2.5, 8, 6],
    },
  },
];
