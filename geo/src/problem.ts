// What the geometry rules report: a keyed problem the api and web turn into a message.
import type { MultiPolygon, Polygon } from "geojson";
import type { GridMessageKey } from "./messages.ts";

export interface Problem {
  /** Stable machine code, e.g. "selfIntersection". */
  code: string;
  /**
   * The message key, e.g. "grid.selfIntersection": one of gridMessages for the problems geo
   * finds; callers may add problems (and messages) of their own under other keys.
   */
  key: GridMessageKey | (string & {});
  /** Values for the message's placeholders. */
  params?: Record<string, string | number>;
  /** Where it is, [lon, lat]. */
  at?: [number, number];
  /** How much, m². */
  area?: number;
  /** What to highlight on the map. */
  geometry?: Polygon | MultiPolygon;
}

/** A geometry either accepted (normalised to a MultiPolygon) or refused with its problems. */
export type Verdict = { ok: true; geometry: MultiPolygon } | { ok: false; problems: Problem[] };

/**
 * A problem whose code is its key in snake case without the prefix ("grid.selfIntersection" →
 * "self_intersection"). `at` is copied into params as lon/lat with six decimals (about 0.1 m).
 */
export function gridProblem(
  key: GridMessageKey,
  details: Omit<Problem, "code" | "key"> = {},
): Problem {
  const code = key.replace(/^[a-zA-Z]+\./, "").replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const { at } = details;
  if (!at) return { code, key, ...details };
  const where = { lon: at[0].toFixed(6), lat: at[1].toFixed(6) };
  return { code, key, ...details, params: { ...where, ...details.params } };
}
