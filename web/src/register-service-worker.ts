// Registers the service worker that keeps the app shell for offline use (built apps only: the dev
// server's modules change on every edit).
/**
 * `onFirstControl` runs once when a newly installed worker takes charge of a page it did not load:
 * the page's first reads went out before the worker was there to keep them (the patrols of the
 * volunteer's grid, say, whose address the worker's warm-up cannot know), so they are read again
 * through it and kept for the next visit with no network.
 */
export function registerServiceWorker(onFirstControl: () => void) {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const hadController = navigator.serviceWorker.controller !== null;
  if (!hadController)
    navigator.serviceWorker.addEventListener("controllerchange", onFirstControl, { once: true });
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js").catch((error: unknown) => {
      console.warn("service worker not registered", error);
    });
  });
}
