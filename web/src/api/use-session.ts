// The session in React: who is signed in (from the query cache), signing in and out, and what a
// 401 or 403 from any call means for it.
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMapUi } from "../state/map-ui.ts";
import { authApi, type Session, sessionQuery, signedOut } from "./auth.ts";
import { ApiError } from "./client.ts";

const sessionKey = sessionQuery().queryKey;

export const useSession = () => useQuery(sessionQuery());

/** A new user starts clean: nothing the previous one could see stays in the cache. */
export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: authApi.login,
    onSuccess: (me) => {
      client.removeQueries({
        predicate: (query) => !["session", "config"].includes(String(query.queryKey[0])),
      });
      useMapUi.getState().select(null);
      client.setQueryData<Session>(sessionKey, me);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: authApi.logout,
    // Signed out either way: a session that already ended answers 401.
    onSettled: () => client.setQueryData<Session>(sessionKey, signedOut()),
  });
}

/**
 * Called for every failed query and mutation: a 401 while signed in means the session ended
 * (expired, revoked, account disabled): back to the sign-in page with the API's reason; a 403
 * `password_change_required` means the session must be re-read so the password form shows.
 */
export function onApiError(client: QueryClient, error: unknown) {
  if (!(error instanceof ApiError)) return;
  const session = client.getQueryData<Session>(sessionKey);
  if (error.status === 401 && session?.user)
    client.setQueryData<Session>(sessionKey, signedOut(error.code, error.message));
  if (error.code === "password_change_required")
    void client.invalidateQueries({ queryKey: sessionKey });
}

/** Changing one's password clears "must change it", which the session then shows. */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: authApi.changePassword,
    onSuccess: () => client.invalidateQueries({ queryKey: sessionKey }),
  });
}
