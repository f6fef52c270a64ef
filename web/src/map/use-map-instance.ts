// Creates the map once the basemap setting is known, and removes it with the page. maplibre (and
// its worker) is loaded here, after the page around the map is drawn: the form or list comes
// first and the map fills in (issue 22's budget for what a page needs before its first paint).
import type { Map as MapLibreMap } from "maplibre-gl";
import { type RefObject, useEffect, useRef, useState } from "react";
import type { MapOptions } from "./map.ts";

/**
 * `basemapUrl` is `undefined` while the setting is still loading, `null` when there is none;
 * `options` is `null` while the page is still deciding them (which layers come as tiles).
 * Returns the map once its style has loaded, so callers can set data and paint at once.
 * `options` are read when the map is made: later changes do not remake it.
 */
export function useMapInstance(
  container: RefObject<HTMLDivElement | null>,
  basemapUrl: string | null | undefined,
  options: MapOptions | null = {},
): MapLibreMap | null {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const latest = useRef(options);
  latest.current = options;
  const decided = options !== null;
  useEffect(() => {
    const element = container.current;
    if (!element || basemapUrl === undefined || !decided) return;
    let created: MapLibreMap | null = null;
    let gone = false;
    void import("./map.ts").then(({ createMap }) => {
      if (gone) return;
      const made = createMap(element, basemapUrl, latest.current ?? {});
      created = made;
      made.once("load", () => setMap(made));
    });
    return () => {
      gone = true;
      setMap(null);
      created?.remove();
      if (created && window.__civgridMap === created) delete window.__civgridMap;
    };
  }, [container, basemapUrl, decided]);
  return map;
}
