/// <reference lib="webworker" />
// The service worker (Workbox, built by vite-plugin-pwa's injectManifest): the app shell
// precached from this build's file list; pages fall back to the cached index.html offline; the
// volunteer's and grid leader's patrol area (their grids, points, contacts, the city outline,
// who is signed in) kept from the last online visit for use offline; basemap tiles viewed kept
// for a while. Reports, check-ins and patrol points made offline wait in the page's own
// IndexedDB outbox (use-report-queue.ts), not here.
import { clientsClaim } from "workbox-core";
import { ExpirationPlugin } from "workbox-expiration";
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { CacheFirst, NetworkFirst } from "workbox-strategies";
import { AREA_CACHE, areaReads, areaWarmUp, TILE_CACHE } from "./offline/area-reads.ts";

declare let self: ServiceWorkerGlobalScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
void self.skipWaiting();
clientsClaim();

// A page is the precached index.html, online or not (the router takes over); a new build's
// worker brings the new one and takes charge at once (skipWaiting, clientsClaim).
registerRoute(
  new NavigationRoute(createHandlerBoundToURL("/index.html"), {
    denylist: [/^\/(?:api|tiles|ogc|open311)\//],
  }),
);

// The patrol area's reads: the network first (fresh when online), the last answer offline.
registerRoute(
  ({ url, request }) =>
    request.method === "GET" && url.origin === self.location.origin && areaReads.test(url.pathname),
  new NetworkFirst({ cacheName: AREA_CACHE, networkTimeoutSeconds: 8 }),
);

// The first visit's area, kept at once (only what the signed-in user may read: a 401 is not kept).
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.open(AREA_CACHE).then((cache) =>
      Promise.all(
        areaWarmUp.map((path) =>
          fetch(path, { credentials: "same-origin" })
            .then((response) => (response.ok ? cache.put(path, response) : undefined))
            .catch(() => undefined),
        ),
      ),
    ),
  );
});

// Basemap tiles (raster templates, often another origin) as they are viewed: a patrol walks the
// same streets, so a week of them is kept.
registerRoute(
  ({ url }) => url.origin !== self.location.origin && /\/\d+\/\d+\/\d+|TILEMATRIX=/i.test(url.href),
  new CacheFirst({
    cacheName: TILE_CACHE,
    plugins: [new ExpirationPlugin({ maxEntries: 3000, maxAgeSeconds: 7 * 24 * 3600 })],
  }),
);

// Signing out forgets the area kept for offline use: it is that user's and no one else's.
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method === "POST" && url.pathname === "/api/auth/logout")
    event.waitUntil(caches.delete(AREA_CACHE));
});
