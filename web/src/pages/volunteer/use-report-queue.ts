// Sends the outbox: at once, when the browser says it is back online, and every half minute.
// A network failure leaves a report queued; a refusal (4xx) marks it so the volunteer sees why.
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, errorText } from "../../api/client.ts";
import { filesApi } from "../../api/files.ts";
import { volunteersApi } from "../../api/volunteers.ts";
import { type QueuedReport, reportQueue } from "./report-queue.ts";

const RETRY_MS = 30_000;

/** Sends one report; true when it is on the server (or refused for good and marked). */
async function send(entry: QueuedReport): Promise<void> {
  let current = entry;
  if (current.photo) {
    const stored = await filesApi.upload(
      new File([current.photo.blob], current.photo.name, { type: current.photo.blob.type }),
    );
    current = {
      ...current,
      photo: undefined,
      report: {
        ...current.report,
        properties: {
          ...current.report.properties,
          photoIds: [...(current.report.properties.photoIds ?? []), stored.id],
        },
      },
    };
    // The photo is uploaded: a retry sends the report only (the same bytes are one file anyway).
    await reportQueue.put(current);
  }
  await volunteersApi.report(current.report, current.key);
}

/** Retried later: no network, or the server had a moment (5xx). */
const transient = (error: unknown) =>
  !(error instanceof ApiError) || error.status === 0 || error.status >= 500;

export function useReportQueue() {
  const client = useQueryClient();
  const [queued, setQueued] = useState<QueuedReport[]>([]);
  const [sending, setSending] = useState(false);
  const busy = useRef(false);

  const refresh = useCallback(async () => setQueued(await reportQueue.all()), []);

  const flush = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setSending(true);
    let sent = 0;
    try {
      for (const entry of await reportQueue.all()) {
        if (entry.failure) continue;
        try {
          await send(entry);
          await reportQueue.remove(entry.key);
          sent++;
        } catch (error) {
          if (transient(error)) break; // still offline: the rest would fail the same way
          await reportQueue.put({ ...entry, failure: errorText(error as Error) });
        }
      }
    } finally {
      busy.current = false;
      setSending(false);
      await refresh();
      if (sent) {
        void client.invalidateQueries({ queryKey: ["my-area"] });
        void client.invalidateQueries({ queryKey: ["my-reports"] });
      }
    }
  }, [client, refresh]);

  useEffect(() => {
    void refresh().then(flush);
    const online = () => void flush();
    window.addEventListener("online", online);
    const timer = window.setInterval(online, RETRY_MS);
    return () => {
      window.removeEventListener("online", online);
      window.clearInterval(timer);
    };
  }, [refresh, flush]);

  const enqueue = useCallback(
    async (entry: QueuedReport) => {
      await reportQueue.put(entry);
      await refresh();
      void flush();
    },
    [refresh, flush],
  );
  const discard = useCallback(
    async (key: string) => {
      await reportQueue.remove(key);
      await refresh();
    },
    [refresh],
  );
  return { queued, sending, enqueue, discard, flush };
}
