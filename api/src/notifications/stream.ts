// The live stream's hub: one LISTEN per database handle, fanned out to the open streams of this
// process (each signed-in page holds one), so a notification or a problem change written by any
// app process reaches every page at once.
import type { Db } from "../db/client.ts";
import { STREAM_CHANNEL, type StreamSignal } from "./signal.ts";

export interface Listener {
  cityId: number;
  userId: number;
  /** The caller's news: `mine` when they have a new notification, `problemId` when one changed. */
  onSignal(news: { mine: boolean; problemId?: number }): void;
}

const hubs = new WeakMap<Db, Promise<Set<Listener>>>();

function hubOf(db: Db): Promise<Set<Listener>> {
  let hub = hubs.get(db);
  if (!hub) {
    const listeners = new Set<Listener>();
    hub = db
      .listen(STREAM_CHANNEL, (payload) => {
        let message: StreamSignal;
        try {
          message = JSON.parse(payload) as StreamSignal;
        } catch {
          return;
        }
        for (const listener of listeners) {
          if (listener.cityId !== message.cityId) continue;
          const mine = message.users.includes(listener.userId);
          if (mine || message.problemId) {
            listener.onSignal({ mine, ...(message.problemId && { problemId: message.problemId }) });
          }
        }
      })
      .then(() => listeners);
    hubs.set(db, hub);
  }
  return hub;
}

/** Starts hearing signals for one stream; the answer stops it. */
export async function subscribe(db: Db, listener: Listener): Promise<() => void> {
  const listeners = await hubOf(db);
  listeners.add(listener);
  return () => listeners.delete(listener);
}
