// Response headers that keep the browser on our side: the content security policy, and no caching
// of API answers, which carry personal data (names, mobiles, locations) for one caller only.
import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

/**
 * Scripts only from here (no inline script, no eval); the browser talks only to this server and to
 * the basemap's tile host (BASEMAP_URL), never to any https site. Styles keep 'unsafe-inline':
 * maplibre and React set style attributes, which cannot carry a nonce.
 */
export function securityHeaders(basemapUrl: string | null): SecureHeadersOptions {
  const basemap = basemapUrl ? basemapOrigin(basemapUrl) : null;
  const outside = basemap ? [basemap] : [];
  return {
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      fontSrc: ["'self'", "data:"],
      imgSrc: ["'self'", "data:", "blob:", ...outside],
      workerSrc: ["'self'", "blob:"],
      connectSrc: ["'self'", ...outside],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      // our own pages only: the material preview shows a PDF from /api/files in a frame
      frameAncestors: ["'self'"],
      formAction: ["'self'"],
    },
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * The origin tiles come from, for the CSP: a template's placeholders in the host (Tianditu's
 * t{s}.tianditu.gov.cn) widen that label to a wildcard.
 */
export function basemapOrigin(template: string): string | null {
  const match = template.match(/^(https?):\/\/([^/?#]+)/i);
  if (!match) return null;
  const [, scheme, host = ""] = match;
  const labels = host.split(".").map((label) => (/[{}]/.test(label) ? "*" : label));
  // A wildcard is allowed only as the leftmost label in a CSP host source.
  const first = labels.lastIndexOf("*");
  return `${scheme?.toLowerCase()}://${labels.slice(Math.max(first, 0)).join(".")}`;
}

/** How long the basemap's tile host is trusted before it is read again (a new choice in the UI). */
const BASEMAP_RECHECK_MS = 10_000;

/**
 * The security headers for the basemap chosen now: the administrator may pick another raster
 * host in the UI at any time, so its origin is read again every few seconds (the last one known
 * stays in force while the database cannot answer).
 */
export function contentSecurity(
  currentBasemapUrl: () => Promise<string | null>,
): MiddlewareHandler {
  const byUrl = new Map<string | null, MiddlewareHandler>();
  let known: { url: string | null; at: number } | null = null;
  return async (c, next) => {
    if (!known || Date.now() - known.at > BASEMAP_RECHECK_MS) {
      const url = await currentBasemapUrl().catch(() => known?.url ?? null);
      known = { url, at: Date.now() };
    }
    let headers = byUrl.get(known.url);
    if (!headers) {
      headers = secureHeaders(securityHeaders(known.url));
      byUrl.set(known.url, headers);
    }
    return headers(c, next);
  };
}

/** JSON answers are not stored by the browser or any cache, unless a route said otherwise. */
export const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  const type = c.res.headers.get("content-type") ?? "";
  if (!c.res.headers.has("cache-control") && /json/i.test(type)) {
    c.res.headers.set("cache-control", "no-store");
  }
};

/**
 * Answers any site may read and embed (Open311's public requests and their photos, which carry
 * CORS on GET): Cross-Origin-Resource-Policy cross-origin instead of the same-origin the security
 * headers set, so a city's own pages may show a request's photo. Registered before
 * contentSecurity, it runs after it on the way out.
 */
export const crossOriginReads: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.req.method === "GET" || c.req.method === "HEAD")
    c.res.headers.set("cross-origin-resource-policy", "cross-origin");
};
