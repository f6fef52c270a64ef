// POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me, POST /api/auth/password.
import { randomBytes } from "node:crypto";
import { roles } from "@civgrid/geo";
import { createRoute, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { decoyHash, hashPassword, verifyPassword } from "../accounts/passwords.ts";
import {
  createSession,
  revokeSession,
  revokeUserSessions,
  SESSION_COOKIE,
  type SessionUser,
} from "../accounts/sessions.ts";
import {
  countAttempt,
  forgiveAttempt,
  knownSignIn,
  rememberSignIn,
  signInKeys,
} from "../accounts/sign-in-throttle.ts";
import { passwordSchema } from "../accounts/user-rules.ts";
import { findLogin } from "../accounts/users.ts";
import { recordAudit } from "../audit/record.ts";
import { AppError, fieldMessage } from "../errors.ts";
import { permissions } from "../policy/permissions.ts";
import { type Scope, scopeOf } from "../policy/scope.ts";
import { readCookie, removeCookie, writeCookie } from "./client.ts";
import { errorSchema, json, newRouter } from "./router.ts";
import { clientAddress } from "./session.ts";

/** A long-lived random cookie naming this browser: its user's sign-ins from it are not held up by others' guesses. */
const DEVICE_COOKIE = "civgrid_device";

const meSchema = z
  .object({
    user: z.object({
      id: z.number().int(),
      username: z.string(),
      displayName: z.string(),
      role: z.enum(roles),
      unitId: z.number().int().nullable(),
      personId: z.number().int().nullable(),
      mustChangePassword: z.boolean(),
    }),
    scope: z.object({
      kind: z.enum(["city", "unit", "grids"]),
      unitId: z.number().int().optional(),
      gridIds: z.array(z.number().int()).optional(),
    }),
    permissions: z.array(z.string()),
  })
  .openapi("Me");

const password = z.string().max(256, fieldMessage("field.text", { min: 1, max: 256 }));

export function authRoutes(sessionHours: number) {
  return newRouter()
    .openapi(
      createRoute({
        method: "post",
        path: "/login",
        tags: ["auth"],
        summary: "Sign in with username (or mobile number) and password",
        request: {
          body: {
            required: true,
            content: {
              "application/json": {
                schema: z
                  .object({
                    username: z
                      .string()
                      .min(1, fieldMessage("field.required"))
                      .max(64, fieldMessage("field.text", { min: 1, max: 64 })),
                    password: password.min(1, fieldMessage("field.required")),
                  })
                  .strict(),
              },
            },
          },
        },
        responses: {
          200: json(meSchema, "Signed in; the session cookie is set"),
          400: json(errorSchema, "A field is missing"),
          401: json(errorSchema, "Wrong name or password, or a disabled account"),
          429: json(errorSchema, "Too many failed attempts; see Retry-After"),
        },
      }),
      async (c) => {
        const { username, password } = c.req.valid("json");
        const { orm } = c.var.db;
        const address = clientAddress(c);
        const device = readCookie(c, DEVICE_COOKIE);
        const user = await findLogin(orm, username);
        // Looked up for unknown names too, so that the time taken does not tell them apart.
        const knownAs = await knownSignIn(orm, user?.id ?? 0, device, address);
        const keys = signInKeys({ username, address, knownAs });
        // Counted before the password is checked: concurrent guesses cannot slip past the count.
        const wait = await countAttempt(orm, keys);
        if (wait) {
          c.header("retry-after", String(wait));
          throw new AppError(429, "throttled", {
            key: "auth.throttled",
            params: { seconds: wait },
          });
        }
        // An unknown name is checked against a decoy, so both refusals take the same time.
        const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
        if (!user || !ok) {
          await recordAudit(orm, {
            cityId: user?.cityId ?? c.var.cityId,
            userId: user?.id ?? null,
            action: "login_failed",
            entity: "session",
            entityId: user?.id ?? null,
            after: { username, address },
          });
          throw new AppError(401, "bad_credentials", { key: "auth.bad_credentials" });
        }
        if (user.disabled) throw new AppError(401, "account_disabled", { key: "auth.disabled" });
        await forgiveAttempt(orm, keys);
        const { passwordHash: _, ...sessionUser } = user;
        const deviceToken = device ?? randomBytes(32).toString("base64url");
        const token = await orm.transaction(async (tx) => {
          const created = await createSession(tx, sessionUser, sessionHours);
          await rememberSignIn(tx, user.id, deviceToken, address);
          await recordAudit(tx, {
            cityId: user.cityId,
            userId: user.id,
            action: "login",
            entity: "session",
            entityId: user.id,
          });
          return created;
        });
        writeCookie(c, SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: "Lax",
          maxAge: sessionHours * 3600,
        });
        writeCookie(c, DEVICE_COOKIE, deviceToken, {
          httpOnly: true,
          sameSite: "Lax",
          maxAge: 365 * 24 * 3600,
        });
        return c.json(describe(sessionUser, await scopeOf(orm, sessionUser)), 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/logout",
        tags: ["auth"],
        summary: "Sign out: the session is revoked on the server",
        responses: { 204: { description: "Signed out" }, 401: json(errorSchema, "Not signed in") },
      }),
      async (c) => {
        await c.var.db.orm.transaction(async (tx) => {
          await revokeSession(tx, c.var.sessionToken);
          await recordAudit(tx, {
            cityId: c.var.user.cityId,
            userId: c.var.user.id,
            action: "logout",
            entity: "session",
            entityId: c.var.user.id,
          });
        });
        removeCookie(c, SESSION_COOKIE);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/me",
        tags: ["auth"],
        summary: "Who is signed in, their role and what they may see",
        responses: {
          200: json(meSchema, "The signed-in user"),
          401: json(errorSchema, "Not signed in"),
        },
      }),
      (c) => c.json(describe(c.var.user, c.var.scope), 200),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/password",
        tags: ["auth"],
        summary: "Change one's own password (other sessions are signed out)",
        request: {
          body: {
            required: true,
            content: {
              "application/json": {
                schema: z
                  .object({
                    currentPassword: password.min(1, fieldMessage("field.required")),
                    newPassword: passwordSchema,
                  })
                  .strict(),
              },
            },
          },
        },
        responses: {
          204: { description: "Changed" },
          400: json(errorSchema, "The current password is wrong, or the new one too short"),
          401: json(errorSchema, "Not signed in"),
        },
      }),
      async (c) => {
        const { currentPassword, newPassword } = c.req.valid("json");
        const { orm } = c.var.db;
        const user = await findLogin(orm, c.var.user.username);
        if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
          throw new AppError(
            400,
            "invalid_request",
            { key: "error.validation" },
            { currentPassword: { key: "field.password_wrong" } },
          );
        }
        if (currentPassword === newPassword) {
          throw new AppError(
            400,
            "invalid_request",
            { key: "error.validation" },
            { newPassword: { key: "field.password_same" } },
          );
        }
        const hash = await hashPassword(newPassword);
        await orm.transaction(async (tx) => {
          await tx.execute(
            sql`UPDATE users SET password_hash = ${hash}, must_change_password = false WHERE id = ${user.id}`,
          );
          await revokeUserSessions(tx, user.id, c.var.sessionToken);
          await recordAudit(tx, {
            cityId: user.cityId,
            userId: user.id,
            action: "change_password",
            entity: "user",
            entityId: user.id,
          });
        });
        return c.body(null, 204);
      },
    );
}

/** What /me and a sign-in answer: the user (without the city, which is implied) and their reach. */
function describe(user: SessionUser, scope: Scope) {
  // Named field by field: the login row carries more (mobile, flags) than a session shows.
  const visible = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
    personId: user.personId,
    mustChangePassword: user.mustChangePassword,
  };
  const shownScope =
    scope.kind === "city"
      ? { kind: scope.kind }
      : scope.kind === "unit"
        ? { kind: scope.kind, unitId: scope.unitId }
        : { kind: scope.kind, gridIds: scope.gridIds };
  return { user: visible, scope: shownScope, permissions: [...permissions[user.role]] };
}
