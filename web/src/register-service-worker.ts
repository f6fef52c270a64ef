// Registers the service worker that keeps the app shell for offline use (built apps only: the dev
// server's modules change on every edit).
export function registerServiceWorker() {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js").catch((error: unknown) => {
      console.warn("service worker not registered", error);
    });
  });
}
