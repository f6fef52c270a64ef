// How far from the city a place may be and still be the city's business: a problem filed beyond
// the margin of the city's outline, or an outline imported far from it, is a mistake to refuse.

/** A problem may lie this far outside the city's outline (GPS error, a street on the border). */
export const CITY_MARGIN_M = 2000;

/**
 * The largest community (帮包社区) an import accepts: urban communities are a few km², rural ones
 * some tens; a larger outline is a district or a whole file in the wrong units.
 */
export const COMMUNITY_MAX_AREA_M2 = 60_000_000;

/** Whole kilometres (one decimal below 10 km) for a message. */
export function formatKm(metres: number): string {
  const km = metres / 1000;
  return km < 10 ? km.toFixed(1) : String(Math.round(km));
}
