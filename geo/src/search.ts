// The map's search (issue 22): what it finds and how long its text may be, shared by the API
// that searches and the search box that shows the matches grouped by kind.

/** The kinds of CivGrid's own matches, in the order the search box groups them. */
export const searchKinds = ["community", "grid", "unit", "point", "problem"] as const;
/** A match from CivGrid's data, or an address from Tianditu's geocoder. */
export type SearchKind = (typeof searchKinds)[number] | "address";
/**
 * What a citizen's map (/report, no account) may find: the city's public places. Points and
 * problems are staff data, and people are never searched.
 */
export const publicSearchKinds = [
  "community",
  "grid",
  "unit",
] as const satisfies readonly (typeof searchKinds)[number][];

/** Longest search text, in characters. */
export const SEARCH_TEXT_MAX = 100;
/** Matches of each kind: how many the box asks for, and the most the API gives. */
export const SEARCH_PER_KIND = 5;
export const SEARCH_PER_KIND_MAX = 20;

export interface SearchHit {
  kind: SearchKind;
  /** The record's id; 0 for an address. */
  id: number;
  /** What the list shows first: the name, or the problem's number (#123). */
  label: string;
  /** A second line: a code, the community, a unit's short name, the problem's text. */
  detail: string | null;
  lon: number;
  lat: number;
  /** Where the map flies for an area (minLon, minLat, maxLon, maxLat); null for a place. */
  bbox: [number, number, number, number] | null;
}

/** Whether Tianditu was asked: off (no key, or a number was typed), found, none, failed. */
export type GeocoderOutcome = "off" | "found" | "none" | "failed";

export interface SearchAnswer {
  results: SearchHit[];
  geocoder: GeocoderOutcome;
}

/**
 * A problem's or point's number as people write it, "123" or "#123" (the number the pages
 * show), or null when the text is no number that fits an id.
 */
export function numberIn(text: string): number | null {
  const match = /^#?\s*([1-9]\d{0,9})$/.exec(text.trim());
  const n = match?.[1] ? Number(match[1]) : null;
  return n !== null && n <= 2_147_483_647 ? n : null;
}
