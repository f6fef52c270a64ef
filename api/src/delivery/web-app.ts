// Serves the built web app: the files vite precompressed (.br, .gz beside each) as the browser
// asks, hashed assets cached for a year, and the files that name them (index.html, the service
// worker, the manifest) revalidated on every visit so a new build is seen at once; the citizens'
// pages and the patrol area get the copy of index.html that preloads their chunk.
import path from "node:path";
import { pageHtmlAt } from "@civgrid/geo";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import type { AppEnv } from "../routes/router.ts";

/** Vite writes every bundled file under /assets/ with a content hash in its name. */
const HASHED = /^\/assets\//;
export const IMMUTABLE = "public, max-age=31536000, immutable";

/** Registered after the API's routes: only what none of them answered reaches these. */
export function serveWebApp(app: Hono<AppEnv>, webDist: string) {
  app.use("/*", async (c, next) => {
    await next();
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return;
    if (!c.res.ok) return;
    // a page's address is index.html, however deep: only real assets are hashed
    c.res.headers.set("Cache-Control", HASHED.test(c.req.path) ? IMMUTABLE : "no-cache");
    // whether or not this client took a compressed copy, a shared cache must key on what it asked
    if (!c.res.headers.get("Vary")) c.res.headers.set("Vary", "Accept-Encoding");
  });
  app.use("/*", serveStatic({ root: webDist, precompressed: true }));
  // The citizens' pages and the patrol area: index.html's copy that preloads their page's chunk
  // (a build without it: index.html)
  app.get("/*", (c, next) => {
    const page = pageHtmlAt(c.req.path);
    return page
      ? serveStatic({ path: path.join(webDist, page), precompressed: true })(c, next)
      : next();
  });
  // Any other path is a page of the single-page app.
  app.get("/*", serveStatic({ path: path.join(webDist, "index.html"), precompressed: true }));
}
