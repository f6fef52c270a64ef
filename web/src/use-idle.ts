// A quiet moment of the main thread: what a page's first view does not need (the header's bell
// and campaign phase, the service worker, a tab's chunk, the map) waits for one, instead of
// running in the tasks that draw the page (issue 22: a phone's blocking time at load).
import { useIsFetching } from "@tanstack/react-query";
import { useEffect, useState } from "react";

/** Calls `callback` when the main thread is next idle (at the latest after `timeoutMs`); returns its cancel. */
export function whenIdle(callback: () => void, timeoutMs: number): () => void {
  // Safari has no requestIdleCallback: a frame's delay there
  if (!("requestIdleCallback" in window)) {
    const timer = setTimeout(callback, 50);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(callback, { timeout: timeoutMs });
  return () => cancelIdleCallback(handle);
}

/** True from the first idle moment once `ready` (or once `timeoutMs` have passed without it). */
export function useIdle(ready: boolean, timeoutMs: number): boolean {
  const [idle, setIdle] = useState(false);
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setWaited(true), timeoutMs);
    return () => clearTimeout(timer);
  }, [timeoutMs]);
  useEffect(() => {
    if (idle || !(ready || waited)) return;
    return whenIdle(() => setIdle(true), timeoutMs);
  }, [ready, waited, idle, timeoutMs]);
  return idle;
}

/** The longest a page's first view is waited for, in ms. */
const FIRST_VIEW_MS = 5000;

/** True once the page's reads have all answered and the main thread is idle: its first view is drawn. */
export function useFirstViewDrawn(): boolean {
  return useIdle(useIsFetching() === 0, FIRST_VIEW_MS);
}
