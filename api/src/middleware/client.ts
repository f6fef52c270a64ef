// Who is on the other end of a request: the client's address and whether it came over https,
// believing X-Forwarded-For/-Proto only from the reverse proxies TRUST_PROXY names.
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { CookieOptions } from "hono/utils/cookie";
// proxy-addr (Express's) walks X-Forwarded-For from the nearest hop, trusting only listed proxies.
import proxyaddr from "proxy-addr";

export interface ClientOrigin {
  /** The client's address; "local" where there is no socket (in-process requests in tests). */
  address: string;
  /** Whether the client's own request was https (at the proxy, when a trusted proxy says so). */
  https: boolean;
}

declare module "hono" {
  interface ContextVariableMap {
    /** Set once per request by `clientOrigin`. */
    clientOrigin: ClientOrigin;
  }
}

/**
 * Works out the client's origin once per request. `trusted` is TRUST_PROXY: addresses, CIDR
 * ranges or proxy-addr's names (loopback, linklocal, uniquelocal); empty trusts no headers.
 */
export function clientOrigin(trusted: readonly string[]): MiddlewareHandler {
  const trust = proxyaddr.compile(trusted.length ? [...trusted] : []);
  return async (c, next) => {
    const peer = peerAddress(c);
    const byProxy = trusted.length > 0 && peer !== "local" && trust(peer, 0);
    const address = byProxy
      ? proxyaddr(
          {
            headers: { "x-forwarded-for": c.req.header("x-forwarded-for") },
            socket: { remoteAddress: peer },
          } as never,
          trust,
        )
      : peer;
    const forwardedProto = byProxy
      ? c.req.header("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase()
      : undefined;
    const https = (forwardedProto ?? new URL(c.req.url).protocol.replace(":", "")) === "https";
    c.set("clientOrigin", { address, https });
    await next();
  };
}

function peerAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "local";
  } catch {
    return "local";
  }
}

export function originOf(c: Context): ClientOrigin {
  return (
    c.get("clientOrigin") ?? {
      address: peerAddress(c),
      https: new URL(c.req.url).protocol === "https:",
    }
  );
}

/**
 * Cookies are Secure with the __Host- prefix (bound to this host, path /) when the client came
 * over https, and plain on http (development, tests).
 */
export function cookieName(c: Context, base: string) {
  return originOf(c).https ? `__Host-${base}` : base;
}

export function readCookie(c: Context, base: string): string | undefined {
  return getCookie(c, `__Host-${base}`) ?? getCookie(c, base);
}

export function writeCookie(
  c: Context,
  base: string,
  value: string,
  options: Omit<CookieOptions, "secure" | "path" | "domain" | "prefix">,
) {
  const secure = originOf(c).https;
  setCookie(c, cookieName(c, base), value, { ...options, path: "/", secure });
}

export function removeCookie(c: Context, base: string) {
  const secure = originOf(c).https;
  deleteCookie(c, cookieName(c, base), { path: "/", secure });
}
