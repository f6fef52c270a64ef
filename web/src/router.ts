// A tiny router on the History API: the current location as React state, and navigate().
// Hand-written because the app has a handful of flat paths; react-router would be most of its size.
import { useSyncExternalStore } from "react";

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

/** Goes to a path of this app (e.g. "/admin/users?x=1") without reloading the page. */
export function navigate(to: string, { replace = false } = {}) {
  if (replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  for (const listener of listeners) listener();
}

const snapshot = () => location.pathname + location.search;

/** The current path and query; re-renders when either changes. */
export function useLocation(): { path: string; search: string; params: URLSearchParams } {
  const current = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(current, location.origin);
  return { path: url.pathname, search: url.search, params: url.searchParams };
}

/** A path to come back to after signing in: only paths of this app, never another site. */
export function safeReturnPath(value: string | null): string {
  return value?.startsWith("/") && !value.startsWith("//") ? value : "/";
}
