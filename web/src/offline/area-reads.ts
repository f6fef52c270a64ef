// What the service worker keeps of the patrol area for offline use (sw.ts), named once for the
// worker, the page that reads the time of the last update, and the page's registration of the
// worker (which reads some of the page's reads again through it).
import { firstReads } from "../api/first-reads.ts";

export const AREA_CACHE = "civgrid-area";
export const TILE_CACHE = "civgrid-basemap-tiles";

/** The reads a volunteer's or grid leader's area page makes: kept from the last online visit. */
export const areaReads =
  /^\/api\/(?:auth\/me|config|basemap\/outline|my-area|my-reports|patrols|dedication-days|activities)(?:\/|$)/;

/**
 * Fetched into the cache as soon as the worker takes charge, so the first online visit is
 * enough: the page's own first reads went out before the worker was there to keep them.
 */
export const areaWarmUp = [...Object.values(firstReads), "/api/basemap/outline"];

/**
 * The page's queries (by their key's first part) behind the area reads the warm-up cannot name,
 * since their addresses carry a date: read again through a newly installed worker so that it
 * keeps them (service-worker-registration.tsx). Only these: reading everything again would race
 * the sign-in.
 */
export const areaQueryRoots: readonly string[] = ["dedication-days", "activities"];
