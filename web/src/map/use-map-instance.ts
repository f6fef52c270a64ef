// Creates the map once the basemap setting is known, and removes it with the page.
import type { Map as MapLibreMap } from "maplibre-gl";
import { type RefObject, useEffect, useRef, useState } from "react";
import { createMap, type MapOptions } from "./map.ts";

/**
 * `basemapUrl` is `undefined` while the setting is still loading, `null` when there is none.
 * Returns the map once its style has loaded, so callers can set data and paint at once.
 * `options` are read when the map is made: a page passes a constant.
 */
export function useMapInstance(
  container: RefObject<HTMLDivElement | null>,
  basemapUrl: string | null | undefined,
  options?: MapOptions,
): MapLibreMap | null {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const initial = useRef(options);
  useEffect(() => {
    const element = container.current;
    if (!element || basemapUrl === undefined) return;
    const created = createMap(element, basemapUrl, initial.current);
    created.once("load", () => setMap(created));
    return () => {
      setMap(null);
      created.remove();
      if (window.__civgridMap === created) delete window.__civgridMap;
    };
  }, [container, basemapUrl]);
  return map;
}
