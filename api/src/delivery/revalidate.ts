// ETags on the reads a page asks for again and again (settings, the outline, standards, regions,
// communities, points): an unchanged answer comes back as a bodyless 304. The
// tag is a hash of the answer (hono/etag), so it is right whatever changed the data; the browser
// is told to ask every time (no-cache), since the answer follows the signed-in user's scope.
import type { MiddlewareHandler } from "hono";
import { etag } from "hono/etag";

/**
 * The API's reads that answer small, repeatable JSON (not downloads, exports or photos) and carry
 * no personal data: grids, units and the patrol area name people and their mobiles, so they stay
 * no-store (middleware/security-headers.ts; the service worker keeps the patrol area for offline use).
 */
const REVALIDATED =
  /^\/api\/(?:config|basemap\/outline|standards|regions|communities|points)(?:\/\d+)?\/?$/;

export function revalidatedReads(): MiddlewareHandler {
  // weak: the same JSON may travel as brotli, gzip or plain
  const tag = etag({ weak: true });
  return async (c, next) => {
    if (c.req.method !== "GET" || !REVALIDATED.test(c.req.path)) return next();
    await tag(c, next);
    if (c.res.status === 200 || c.res.status === 304)
      c.res.headers.set("Cache-Control", "private, no-cache");
  };
}
