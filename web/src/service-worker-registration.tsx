// Registers the service worker that keeps the app shell and the patrol area for offline use (built
// apps only: the dev server's modules change on every edit) once the page's first view is drawn
// (main.tsx): its precache (the whole app) and warm-up reads then follow the page's own reads and
// rendering instead of racing them on a phone's link and CPU (issue 22).
import { useEffect } from "react";
import { apiHeaders } from "./api/client.ts";
import { areaReads, areaWarmUp } from "./offline/area-reads.ts";

/**
 * The page's reads of the patrol area so far, read again through a newly installed worker, which
 * keeps them: they went out before it was there, and its warm-up reads only the addresses it can
 * know (not the patrols of the volunteer's grid, say). Straight through fetch, not the query
 * cache: the same answers again re-render nothing.
 */
function keepAreaReadsSoFar() {
  const urls = new Set<string>();
  for (const entry of performance.getEntriesByType("resource") as PerformanceResourceTiming[]) {
    const url = new URL(entry.name);
    const read = url.origin === location.origin && areaReads.test(url.pathname);
    if (read && entry.initiatorType === "fetch" && !areaWarmUp.includes(url.pathname + url.search))
      urls.add(url.href);
  }
  for (const url of urls) void fetch(url, { headers: apiHeaders() }).catch(() => undefined);
}

export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
    if (navigator.serviceWorker.controller === null)
      navigator.serviceWorker.addEventListener("controllerchange", keepAreaReadsSoFar, {
        once: true,
      });
    navigator.serviceWorker.register("/sw.js").catch((error: unknown) => {
      console.warn("service worker not registered", error);
    });
  }, []);
  return null;
}
