// The map's colours: fixed palettes for statuses and point kinds, and one colour per lead hospital.
import type { ExpressionSpecification } from "maplibre-gl";
import type { PointKind, ProblemStatus } from "../api/types.ts";

/** Open statuses are warm, waiting ones cool, finished ones green or grey. */
export const statusColours: Record<ProblemStatus, string> = {
  reported: "#f76707",
  dispatched: "#f59f00",
  rectifying: "#1c7ed6",
  submitted: "#7048e8",
  returned: "#d6336c",
  sent_back: "#0c8599",
  ledger: "#8d6e63",
  closed: "#2f9e44",
};

export const overdueColour = "#e03131";

export const pointKindColours: Record<PointKind, string> = {
  hospital_entrance: "#1864ab",
  waiting_hall: "#364fc7",
  hospital_window: "#5f3dc4",
  street: "#495057",
  stairwell: "#862e9c",
  garbage_point: "#5c940d",
  notice_board: "#e67700",
  public_toilet: "#0b7285",
  market: "#a61e4d",
};

/** Pale, distinct fills that keep dark labels readable; repeated past the twelfth hospital. */
export const leadUnitPalette = [
  "#8dd3c7",
  "#ffffb3",
  "#bebada",
  "#fb8072",
  "#80b1d3",
  "#fdb462",
  "#b3de69",
  "#fccde5",
  "#d9d9d9",
  "#bc80bd",
  "#ccebc5",
  "#ffed6f",
];

/** Fill for a grid whose lead unit is unknown or not yet assigned. */
export const noLeadUnitColour = "#f1f3f5";

export interface LeadUnitColour {
  unitId: number;
  colour: string;
}

/**
 * Gives each hospital that leads at least one grid a palette colour, in the order of `units`
 * (the API's stable order), so the same hospital keeps its colour between visits.
 * Example: units [7, 3, 9] leading grids of [3, 7] → [{7, palette[0]}, {3, palette[1]}].
 */
export function leadUnitColours(
  units: ReadonlyArray<{ id: number }>,
  leadUnitIds: Iterable<number | null>,
): LeadUnitColour[] {
  const leading = new Set(leadUnitIds);
  return units
    .filter((unit) => leading.has(unit.id))
    .map((unit, index) => ({
      unitId: unit.id,
      colour: leadUnitPalette[index % leadUnitPalette.length] ?? noLeadUnitColour,
    }));
}

/**
 * A data-driven colour: `match` on a property, one arm per pair. A `match` needs at least one
 * arm, so with no pairs the fallback colour stands alone.
 */
export function matchColour(
  property: string,
  pairs: ReadonlyArray<readonly [string | number, string]>,
  fallback: string,
): ExpressionSpecification | string {
  if (pairs.length === 0) return fallback;
  const arms = pairs.flat();
  // the spec's tuple type cannot count a variable number of arms, hence the cast
  return ["match", ["get", property], ...arms, fallback] as unknown as ExpressionSpecification;
}

/** Colours a feature by the lead hospital id held in `property`. */
export function leadUnitColourExpression(colours: readonly LeadUnitColour[], property: string) {
  return matchColour(
    property,
    colours.map(({ unitId, colour }) => [unitId, colour] as const),
    noLeadUnitColour,
  );
}

/** Colours a feature by one of a fixed set of string values. */
export function colourByValue(property: string, colours: Readonly<Record<string, string>>) {
  return matchColour(property, Object.entries(colours), "#868e96");
}
