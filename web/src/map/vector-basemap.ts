// The offline vector basemap (issue 22): a PMTiles file the administrator uploaded, served by
// CivGrid, read through the pmtiles protocol. Styled here in the colours of our own outline map,
// for the Protomaps basemap layers (earth, landuse, water, roads, buildings, places) that
// `pmtiles extract` cuts from a Protomaps build; other schemas draw nothing but our outline.
import type { LayerSpecification, SourceSpecification } from "maplibre-gl";

export const vectorBasemapSourceId = "basemap";

/** maplibre reads `pmtiles://<address>` through the protocol registered in map.ts. */
export const isPmtiles = (url: string) => url.startsWith("pmtiles://");

export function vectorBasemapSource(url: string): SourceSpecification {
  return { type: "vector", url };
}

const source = vectorBasemapSourceId;
const kind = (...kinds: string[]) => ["in", ["get", "kind"], ["literal", kinds]] as never;

export const vectorBasemapLayers: LayerSpecification[] = [
  {
    id: "vb-earth",
    type: "fill",
    source,
    "source-layer": "earth",
    paint: { "fill-color": "#f4f1ea" },
  },
  {
    id: "vb-park",
    type: "fill",
    source,
    "source-layer": "landuse",
    filter: kind("park", "forest", "wood", "grass", "garden", "farmland"),
    paint: { "fill-color": "#e3eedd" },
  },
  {
    id: "vb-hospital",
    type: "fill",
    source,
    "source-layer": "landuse",
    filter: kind("hospital", "school", "university"),
    paint: { "fill-color": "#f3e6e6" },
  },
  {
    id: "vb-water",
    type: "fill",
    source,
    "source-layer": "water",
    paint: { "fill-color": "#cfe0ee" },
  },
  {
    id: "vb-buildings",
    type: "fill",
    source,
    "source-layer": "buildings",
    minzoom: 14,
    paint: { "fill-color": "#e4ddd0", "fill-outline-color": "#d3c9b7" },
  },
  {
    id: "vb-minor-roads",
    type: "line",
    source,
    "source-layer": "roads",
    minzoom: 13,
    filter: kind("minor_road", "path", "other"),
    paint: {
      "line-color": "#ffffff",
      "line-width": ["interpolate", ["linear"], ["zoom"], 13, 0.5, 18, 6],
    },
  },
  {
    id: "vb-major-roads",
    type: "line",
    source,
    "source-layer": "roads",
    filter: kind("major_road", "highway", "medium_road"),
    paint: {
      "line-color": "#fbe3b5",
      "line-width": ["interpolate", ["linear"], ["zoom"], 10, 1, 18, 12],
    },
  },
  {
    id: "vb-road-names",
    type: "symbol",
    source,
    "source-layer": "roads",
    minzoom: 14,
    layout: { "symbol-placement": "line", "text-field": ["get", "name"], "text-size": 11 },
    paint: { "text-color": "#6b5d45", "text-halo-color": "#ffffff", "text-halo-width": 1.5 },
  },
  {
    id: "vb-place-names",
    type: "symbol",
    source,
    "source-layer": "places",
    minzoom: 12,
    layout: { "text-field": ["get", "name"], "text-size": 12 },
    paint: { "text-color": "#4d4536", "text-halo-color": "#ffffff", "text-halo-width": 1.5 },
  },
];
