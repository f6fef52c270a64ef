// Creates the page's one maplibre map, and exposes it to browser tests.
import {
  addProtocol,
  type FitBoundsOptions,
  type LayerSpecification,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
} from "maplibre-gl";
import { Protocol } from "pmtiles";
import "maplibre-gl/dist/maplibre-gl.css";
import { mapStyle } from "./style.ts";
import type { TiledLayer } from "./tile-sources.ts";

// maplibre-gl 5's UMD build (its package's main) carries its worker's code in the same file and
// starts the worker from a blob (CSP: worker-src 'self' blob:): the map costs one download of
// ~300 KB gzip, where 6.x's ES module and its separate worker file cost ~440 KB (issue 22).
// The offline vector basemap (pmtiles://…): read from CivGrid's own file by byte ranges.
addProtocol("pmtiles", new Protocol().tile);

declare global {
  interface Window {
    __civgridMap?: MapLibreMap;
  }
}

/** Tengzhou's centre, shown until the assigned communities are loaded and fitted. */
const initialView = { center: [117.165, 35.084] as [number, number], zoom: 12 };

export interface MapOptions {
  /** The data layers to draw (the map page's by default). */
  layers?: LayerSpecification[];
  /** The layers to draw from vector tiles (see use-tiled-layers.ts); GeoJSON sources otherwise. */
  tiled?: readonly TiledLayer[];
  /**
   * Where to open, when known before the map is made: a map drawn from tiles then fetches no
   * tiles for the default view it would leave at once.
   */
  bounds?: { box: [number, number, number, number]; padding: FitBoundsOptions["padding"] };
  /** Keep the drawn frame readable, so the canvas can be printed (costs some speed). */
  printable?: boolean;
}

export function createMap(
  container: HTMLElement,
  basemapUrl: string | null,
  { layers, tiled, bounds, printable = false }: MapOptions = {},
): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: mapStyle(basemapUrl, layers, tiled),
    canvasContextAttributes: { preserveDrawingBuffer: printable },
    ...(bounds
      ? { bounds: bounds.box, fitBoundsOptions: { padding: bounds.padding } }
      : initialView),
    maxZoom: 20,
    attributionControl: false,
    dragRotate: false,
  });
  map.touchZoomRotate.disableRotation();
  // maplibre logs every error to the console unless someone listens. A tile or data read that
  // finds no network (offline, status 0) is expected on a phone: the page already says it shows
  // the saved area. Everything else is still reported, as maplibre would.
  map.on("error", ({ error }: { error?: Error & { status?: number } }) => {
    if (!navigator.onLine || error?.status === 0) return;
    console.error(error);
  });
  map.addControl(new NavigationControl({ showCompass: false }), "bottom-right");
  map.addControl(new ScaleControl({ unit: "metric" }), "bottom-left");
  window.__civgridMap = map;
  return map;
}
