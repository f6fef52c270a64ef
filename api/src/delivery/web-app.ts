// Serves the built web app: the files vite precompressed (.br, .gz beside each) as the browser
// asks, hashed assets cached for a year, and the files that name them (index.html, the service
// worker, the manifest) revalidated on every visit so a new build is seen at once; the citizens'
// pages and the patrol area get the copy of index.html that preloads their chunk.
import path from "node:path";
import { MY_AREA_PAGE_HTML, pageHtmlAt } from "@civgrid/geo";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Context, Hono } from "hono";
import { findSession, SESSION_COOKIE } from "../accounts/sessions.ts";
import type { Db } from "../db/client.ts";
import { readCookie } from "../middleware/client.ts";
import { can } from "../policy/permissions.ts";
import type { AppEnv } from "../routes/router.ts";

/** Vite writes every bundled file under /assets/ with a content hash in its name. */
const HASHED = /^\/assets\//;
export const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * Whether the caller may open their patrol area, as the page's shell decides (a valid session of
 * a patrolling user who need not change their password first): only then is /my-area sent the
 * copy that preloads the area's reads, which would answer anyone else 401 or 403.
 */
async function mayPatrol(db: Db, c: Context): Promise<boolean> {
  const token = readCookie(c, SESSION_COOKIE);
  const session = token ? await findSession(db.orm, token) : null;
  return (
    session?.state === "valid" &&
    !session.user.mustChangePassword &&
    can(session.user.role, "patrols.write")
  );
}

/** Registered after the API's routes: only what none of them answered reaches these. */
export function serveWebApp(app: Hono<AppEnv>, webDist: string, db: Db) {
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
  app.get("/*", async (c, next) => {
    const page = pageHtmlAt(c.req.path);
    if (!page || (page === MY_AREA_PAGE_HTML && !(await mayPatrol(db, c)))) return next();
    return serveStatic({ path: path.join(webDist, page), precompressed: true })(c, next);
  });
  // Any other path is a page of the single-page app.
  app.get("/*", serveStatic({ path: path.join(webDist, "index.html"), precompressed: true }));
}
