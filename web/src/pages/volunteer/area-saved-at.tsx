// When the patrol area shown was fetched from the server: the service worker keeps the last
// answer for offline use (sw.ts), so offline this is the time of the last online visit. Read
// from that answer's own Date header in the worker's cache; the query's time without a worker.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../format.ts";
import { AREA_CACHE } from "../../offline/area-reads.ts";

async function savedAt(fallback: number): Promise<string> {
  const cached = await globalThis.caches
    ?.open(AREA_CACHE)
    .then((cache) => cache.match("/api/my-area"))
    .catch(() => undefined);
  const date = cached?.headers.get("date");
  return new Date(date ? Date.parse(date) : fallback).toISOString();
}

/** `updatedAt`: when the area's query last got an answer (ms), from the network or the cache. */
export function AreaSavedAt({ updatedAt }: { updatedAt: number }) {
  const { t, i18n } = useTranslation();
  const [at, setAt] = useState<string | null>(null);
  useEffect(() => {
    if (!updatedAt) return;
    let current = true;
    void savedAt(updatedAt).then((iso) => current && setAt(iso));
    return () => {
      current = false;
    };
  }, [updatedAt]);
  // the line is there (empty) from the start: filled in, it moves nothing below it (layout shift)
  return (
    <p className="muted area-saved-at" data-testid="area-saved-at">
      {at &&
        t(navigator.onLine ? "volunteer.areaUpdated" : "volunteer.areaOffline", {
          at: formatDateTime(at, i18n.language),
        })}
    </p>
  );
}
