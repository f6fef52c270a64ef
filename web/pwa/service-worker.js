// The app shell offline: the build's files are cached when the worker installs (their list is
// written in by pwa/shell-plugin.ts), pages fall back to the cached index.html, and /api and
// /tiles are always the network's (reports made offline wait in the page's own IndexedDB outbox
// instead).
const SHELL = self.__CIVGRID_SHELL__;
const CACHE = `civgrid-shell-${SHELL.version}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL.files))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith("civgrid-shell-") && k !== CACHE)
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  // data, map tiles included, always from the network: it follows the signed-in user's scope
  if (["/api/", "/tiles/", "/open311/"].some((prefix) => url.pathname.startsWith(prefix))) return;
  if (request.mode === "navigate") {
    // A page: the network's newest when it answers, else the cached shell (the router takes over).
    event.respondWith(fetch(request).catch(() => caches.match("/index.html")));
    return;
  }
  event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request)));
});
