// Expressions several layer families share.
import type {
  ExpressionSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from "maplibre-gl";

/** True for the feature the user selected (set as feature state by the map page). */
export const isSelected: ExpressionSpecification = [
  "boolean",
  ["feature-state", "selected"],
  false,
];

/** True where the boolean property `name` is true. */
export function isTrue(name: string): ExpressionSpecification {
  return ["boolean", ["get", name], false];
}

/** A label's paint: `colour` text on a white halo `haloWidth` px wide, readable over any fill. */
export function haloText(colour: string, haloWidth: number) {
  return {
    "text-color": colour,
    "text-halo-color": "#ffffff",
    "text-halo-width": haloWidth,
  } satisfies SymbolLayerSpecification["paint"];
}

/** An outline's paint: `colour` at `width` px, and `selectedColour` at `selectedWidth` px for the
 * feature the user selected. */
export function selectableLine(
  colour: string,
  width: number,
  selectedColour: string,
  selectedWidth: number,
) {
  return {
    "line-color": ["case", isSelected, selectedColour, colour],
    "line-width": ["case", isSelected, selectedWidth, width],
  } satisfies LineLayerSpecification["paint"];
}
