// Registers the service worker that keeps the app shell and the patrol area for offline use (built
// apps only: the dev server's modules change on every edit) once the page's first view is drawn
// (main.tsx): its precache (the whole app) and warm-up reads then follow the page's own reads and
// rendering instead of racing them on a phone's link and CPU (issue 22).
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { areaQueryRoots } from "./offline/area-reads.ts";

export function ServiceWorkerRegistration() {
  const client = useQueryClient();
  useEffect(() => {
    if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
    // Once a newly installed worker takes charge of this page: the area's reads the page made
    // before it was there and its warm-up cannot name (the dedication days from a date, say),
    // read again through it so that it keeps them. The same answers re-render nothing.
    if (navigator.serviceWorker.controller === null)
      navigator.serviceWorker.addEventListener(
        "controllerchange",
        () =>
          void client.refetchQueries({
            type: "active",
            predicate: (query) => areaQueryRoots.includes(String(query.queryKey[0])),
          }),
        { once: true },
      );
    navigator.serviceWorker.register("/sw.js").catch((error: unknown) => {
      console.warn("service worker not registered", error);
    });
  }, [client]);
  return null;
}
