// What the service worker keeps of the patrol area for offline use (sw.ts), named once for the
// worker, the page that reads the time of the last update, and the page's registration of the
// worker (which reads the page's first reads again through it).
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
