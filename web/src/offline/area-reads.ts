// What the service worker keeps of the patrol area for offline use (sw.ts), named once for the
// worker and the page that reads the time of the last update.

export const AREA_CACHE = "civgrid-area";
export const TILE_CACHE = "civgrid-basemap-tiles";

/** The reads a volunteer's or grid leader's area page makes: kept from the last online visit. */
export const areaReads =
  /^\/api\/(?:auth\/me|config|basemap\/outline|my-area|my-reports|patrols|dedication-days|activities)(?:\/|$)/;

/**
 * Fetched into the cache as soon as the worker takes charge, so the first online visit is
 * enough: the page's own first reads went out before the worker was there to keep them.
 */
export const areaWarmUp = ["/api/auth/me", "/api/config", "/api/basemap/outline", "/api/my-area"];

/**
 * The page's queries (by their key's first part) behind the area reads the warm-up cannot name,
 * since their addresses carry the grid, a date or a page size: read again through a newly
 * installed worker so that it keeps them (main.tsx). Only these: reading everything again would
 * race the sign-in.
 */
export const areaQueryRoots: readonly string[] = [
  "patrols",
  "my-reports",
  "dedication-days",
  "activities",
];
