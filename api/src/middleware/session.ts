// Who is calling: the session cookie → user and scope, for every /api route but the public ones.
import type { Context, MiddlewareHandler } from "hono";
import { findAccessToken } from "../accounts/access-tokens.ts";
import { recallSession, rememberSession } from "../accounts/recent-sessions.ts";
import { findSession, SESSION_COOKIE } from "../accounts/sessions.ts";
import { Throttle } from "../accounts/throttle.ts";
import { AppError } from "../errors.ts";
import { type Action, can } from "../policy/permissions.ts";
import { scopeOf } from "../policy/scope.ts";
import type { AppEnv } from "../routes/router.ts";
import { originOf, readCookie } from "./client.ts";

/**
 * The liveness and readiness probes: answered without a session lookup or the public limit, both
 * of which read the database, so that they still answer (and say why) while the database is away.
 */
const probePaths = ["/api/health", "/api/ready"];

/** Paths anyone may call without signing in (prefixes under /api): the probes and these. */
const publicPaths = [
  ...probePaths,
  "/api/config",
  "/api/auth/login",
  "/api/docs",
  "/api/openapi.json",
  // A citizen's report looked up by its number (issue 15): no account.
  "/api/public",
  // the map's own base (issue 22): public boundaries, drawn on the citizens' page too
  "/api/basemap/outline",
  "/api/basemap/city.pmtiles",
];

export const isPublic = (path: string) =>
  publicPaths.some((p) => path === p || path.startsWith(`${p}/`));

/** The caller's address (the real client's behind a trusted proxy); "local" in in-process tests. */
export function clientAddress(c: Context): string {
  return originOf(c).address;
}

/** Unauthenticated callers get 120 requests a minute per address, counted across processes. */
const publicThrottle = new Throttle("public", 120, 60_000);

/** A GIS client's personal access token: reads only, with its owner's scope. */
const bearerAuthenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const bearer = c.req.header("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? "";
  if (c.req.method !== "GET" && c.req.method !== "HEAD") {
    throw new AppError(403, "token_read_only", { key: "auth.token_read_only" });
  }
  const found = await findAccessToken(c.var.db.orm, bearer);
  if (found.state !== "valid")
    throw new AppError(401, "token_invalid", { key: "auth.token_invalid" });
  if (found.user.mustChangePassword) {
    throw new AppError(403, "password_change_required", { key: "auth.password_change_required" });
  }
  c.set("user", found.user);
  c.set("sessionToken", "");
  c.set("scope", await scopeOf(c.var.db.orm, found.user));
  await next();
};

export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (probePaths.includes(c.req.path)) return next();
  if (c.req.header("authorization")?.toLowerCase().startsWith("bearer ")) {
    return bearerAuthenticate(c, next);
  }
  const token = readCookie(c, SESSION_COOKIE);
  const session = token ? await findSession(c.var.db.orm, token) : null;
  if (!token || !session || session.state !== "valid") {
    // A made-up cookie is no session: a public path is throttled as any anonymous call.
    if (isPublic(c.req.path)) {
      const address = clientAddress(c);
      const wait = await publicThrottle.take(c.var.db.orm, address);
      if (wait) {
        c.header("retry-after", String(wait));
        throw new AppError(429, "throttled", { key: "error.throttled", params: { seconds: wait } });
      }
      return next();
    }
    if (!session) throw new AppError(401, "not_signed_in", { key: "auth.required" });
    if (session.state === "disabled")
      throw new AppError(401, "account_disabled", { key: "auth.disabled" });
    throw new AppError(401, "session_expired", { key: "auth.expired" });
  }
  c.set("user", session.user);
  c.set("sessionToken", token);
  c.set("scope", await scopeOf(c.var.db.orm, session.user));
  const changingPassword = c.req.path.startsWith("/api/auth/");
  if (session.user.mustChangePassword && !changingPassword && !isPublic(c.req.path)) {
    throw new AppError(403, "password_change_required", { key: "auth.password_change_required" });
  }
  await next();
};

/**
 * For tiles and OGC reads, which come many at a time: a session signed in a moment ago is taken
 * from memory (accounts/recent-sessions.ts) without a round trip; otherwise as `authenticate`.
 */
export const authenticateReads: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = c.req.header("authorization") ? undefined : readCookie(c, SESSION_COOKIE);
  const known = token ? recallSession(token) : undefined;
  if (token && known) {
    c.set("user", known.user);
    c.set("sessionToken", token);
    c.set("scope", known.scope);
    return next();
  }
  return authenticate(c, async () => {
    // Reached only by a valid session not held to change its password.
    if (token && c.var.sessionToken === token) rememberSession(token, c.var.user, c.var.scope);
    await next();
  });
};

/** Refuses the request unless the caller's role may take the action. */
export function requirePermission(action: Action): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const role = c.var.user.role;
    if (!can(role, action)) {
      throw new AppError(403, "forbidden", {
        key: "auth.forbidden",
        params: { role: `role.${role}` },
      });
    }
    await next();
  };
}
