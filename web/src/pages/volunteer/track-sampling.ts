// Which of the phone's fixes go into a patrol's track, and when a batch is sent: the watch reports
// far more often than a walk needs, and a phone on a bad network must not lose its track.
import type { TrackPoint } from "../../api/volunteers.ts";
import type { Fix } from "./use-position.ts";

/** A fix this much worse than this is too loose to draw a street with. */
export const TRACK_MAX_ACCURACY_M = 100;
/** Keep a fix when the walker moved this far… */
export const MIN_STEP_M = 5;
/** …or this long passed since the last kept one. */
export const MIN_INTERVAL_MS = 30_000;
/** Send when this many positions wait, or when the oldest waited this long. */
export const BATCH_SIZE = 10;
export const BATCH_MS = 60_000;

/** Metres between two nearby WGS84 positions (equirectangular; exact enough for a walk). */
export function metresBetween(a: { lon: number; lat: number }, b: { lon: number; lat: number }) {
  const k = 111_320;
  const dx = (a.lon - b.lon) * k * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  return Math.hypot(dx, (a.lat - b.lat) * k);
}

/** Whether a new fix joins the track after `last` (the last kept point, if any). */
export function keepFix(fix: Fix, last: TrackPoint | undefined): boolean {
  if (fix.accuracyM > TRACK_MAX_ACCURACY_M) return false;
  if (!last) return true;
  const elapsed = Date.parse(fix.at) - Date.parse(last.at);
  if (elapsed <= 0) return false; // an old fix delivered late would send time backwards
  return metresBetween(fix, last) >= MIN_STEP_M || elapsed >= MIN_INTERVAL_MS;
}

/** Whether the waiting points should go now. */
export function batchDue(waiting: readonly TrackPoint[], now: number): boolean {
  const first = waiting[0];
  return (
    waiting.length >= BATCH_SIZE || (first !== undefined && now - Date.parse(first.at) >= BATCH_MS)
  );
}

export const toTrackPoint = (fix: Fix): TrackPoint => ({
  lon: fix.lon,
  lat: fix.lat,
  at: fix.at,
  accuracyM: fix.accuracyM,
});
