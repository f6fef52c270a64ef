// Expressions several layer families share.
import type { ExpressionSpecification } from "maplibre-gl";

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
