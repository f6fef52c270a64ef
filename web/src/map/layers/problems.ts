// Problems (问题): circles coloured by rectification status; overdue ones get a red ring.
import type { LayerSpecification } from "maplibre-gl";
import { colourByValue, overdueColour, statusColours } from "../colours.ts";
import { sourceIds } from "../sources.ts";
import { isSelected, isTrue } from "./expressions.ts";

export const problemCircleLayerId = "problem-circle";

const overdue = isTrue("overdue");

export const problemLayers: LayerSpecification[] = [
  {
    id: problemCircleLayerId,
    type: "circle",
    source: sourceIds.problems,
    // overdue problems drawn last, so their rings are never hidden under others
    layout: { "circle-sort-key": ["case", overdue, 1, 0] },
    paint: {
      "circle-color": colourByValue("status", statusColours),
      "circle-radius": ["case", isSelected, 9, 6],
      "circle-stroke-color": ["case", overdue, overdueColour, "#ffffff"],
      "circle-stroke-width": ["case", overdue, 3, isSelected, 3, 1.5],
    },
  },
];
