// Signing in and out, who is signed in (the `session` query), changing one's own password.
import { queryOptions } from "@tanstack/react-query";
import { ApiError, request } from "./client.ts";
import { firstReads } from "./first-reads.ts";
import type { Schemas } from "./types.ts";

export { type Role, roles } from "@civgrid/geo";

export type Me = Schemas["Me"];
/** What the signed-in user may see: the whole city, one unit's grids, or some grids. */
export type Scope = Me["scope"];

/** Nobody is signed in; `code` says why (e.g. "session_expired"), `message` in the user's words. */
export interface SignedOut {
  user: null;
  code: string;
  message: string;
}

export type Session = Me | SignedOut;

export const signedOut = (code = "signed_out", message = ""): SignedOut => ({
  user: null,
  code,
  message,
});

/**
 * The last session this browser saw, so that a phone opened with no network still shows the
 * signed-in pages (a volunteer's outbox among them); the API still checks every call.
 */
const lastSession = {
  key: "civgrid-last-session",
  save: (me: Me) => localStorage.setItem(lastSession.key, JSON.stringify(me)),
  read: (): Me | null => JSON.parse(localStorage.getItem(lastSession.key) ?? "null") as Me | null,
  forget: () => localStorage.removeItem(lastSession.key),
};

/** The session, or why there is none: a 401 is an answer here, not an error. */
async function session(): Promise<Session> {
  try {
    const me = await request<Me>("GET", firstReads.session);
    lastSession.save(me);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      lastSession.forget();
      return signedOut(error.code, error.message);
    }
    const offline = error instanceof ApiError && error.status === 0 ? lastSession.read() : null;
    if (offline) return offline;
    throw error;
  }
}

export const sessionQuery = () =>
  queryOptions({ queryKey: ["session"], queryFn: session, staleTime: Infinity });

export const authApi = {
  login: async (credentials: { username: string; password: string }) => {
    const me = await request<Me>("POST", "/api/auth/login", { json: credentials });
    lastSession.save(me);
    return me;
  },
  logout: () => {
    lastSession.forget();
    return request<void>("POST", "/api/auth/logout");
  },
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    request<void>("POST", "/api/auth/password", { json: body }),
};

/** Whether the signed-in user holds a permission, e.g. "users.manage"; the API decides anyway. */
export const can = (session: Session | undefined, permission: string) =>
  session?.user ? session.permissions.includes(permission) : false;
