// POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me, POST /api/auth/password.
import { roles } from "@civgrid/geo";
import { createRoute, z } from "@hono/zod-openapi";
import { SESSION_COOKIE, type SessionUser } from "../accounts/sessions.ts";
import { changeOwnPassword, signIn, signOut } from "../accounts/sign-in.ts";
import { passwordSchema } from "../accounts/user-rules.ts";
import { AppError, fieldMessage } from "../errors.ts";
import { readCookie, removeCookie, writeCookie } from "../middleware/client.ts";
import { clientAddress } from "../middleware/session.ts";
import { permissions } from "../policy/permissions.ts";
import type { Scope } from "../policy/scope.ts";
import { errorSchema, json, jsonBody, newRouter } from "./router.ts";

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
          ...jsonBody(
            z
              .object({
                username: z
                  .string()
                  .min(1, fieldMessage("field.required"))
                  .max(64, fieldMessage("field.text", { min: 1, max: 64 })),
                password: password.min(1, fieldMessage("field.required")),
              })
              .strict(),
          ),
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
        const device = readCookie(c, DEVICE_COOKIE);
        const outcome = await signIn(c.var.db.orm, {
          username,
          password,
          address: clientAddress(c),
          device,
          cityId: c.var.cityId,
          sessionHours,
        });
        if (outcome.kind === "throttled") {
          c.header("retry-after", String(outcome.seconds));
          throw new AppError(429, "throttled", {
            key: "auth.throttled",
            params: { seconds: outcome.seconds },
          });
        }
        const { token, deviceToken } = outcome;
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
        return c.json(describe(outcome.user, outcome.scope), 200);
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
        await signOut(c.var.db.orm, c.var.user, c.var.sessionToken);
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
          ...jsonBody(
            z
              .object({
                currentPassword: password.min(1, fieldMessage("field.required")),
                newPassword: passwordSchema,
              })
              .strict(),
          ),
        },
        responses: {
          204: { description: "Changed" },
          400: json(errorSchema, "The current password is wrong, or the new one too short"),
          401: json(errorSchema, "Not signed in"),
        },
      }),
      async (c) => {
        await changeOwnPassword(c.var.db.orm, c.var.user, c.var.sessionToken, c.req.valid("json"));
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
