// The map's style: a plain background that needs no internet, an optional raster basemap under
// everything, the city's own outline map (layers/outline.ts), and our data layers. No `glyphs`: maplibre then draws labels with local fonts.
import type { LayerSpecification, SourceSpecification, StyleSpecification } from "maplibre-gl";
import { dataLayers } from "./layers/index.ts";
import { outlineLayers, outlineSource, outlineSourceId } from "./layers/outline.ts";
import { emptySources } from "./sources.ts";
import { readingTiles, type TiledLayer, tileSources } from "./tile-sources.ts";
import { isPmtiles, vectorBasemapLayers, vectorBasemapSource } from "./vector-basemap.ts";

const background: LayerSpecification = {
  id: "background",
  type: "background",
  paint: { "background-color": "#eef2ee" },
};

/**
 * A basemap is a setting (GET /api/config): a raster template, e.g.
 * https://tiles.example/{z}/{x}/{y}.png, or the offline vector basemap as pmtiles://…
 */
function basemap(url: string): { source: SourceSpecification; layers: LayerSpecification[] } {
  if (isPmtiles(url)) return { source: vectorBasemapSource(url), layers: vectorBasemapLayers };
  return {
    source: { type: "raster", tiles: [url], tileSize: 256, maxzoom: 19 },
    layers: [
      { id: "basemap", type: "raster", source: "basemap", paint: { "raster-opacity": 0.85 } },
    ],
  };
}

/**
 * The style with the given data layers (the map page's by default, the editor's are fewer),
 * the `tiled` ones drawn from vector tiles.
 */
export function mapStyle(
  basemapUrl: string | null,
  layers: LayerSpecification[] = dataLayers,
  tiled: readonly TiledLayer[] = [],
): StyleSpecification {
  const base = basemapUrl ? basemap(basemapUrl) : null;
  return {
    version: 8,
    sources: {
      ...(base ? { basemap: base.source } : {}),
      [outlineSourceId]: outlineSource,
      ...emptySources(),
      ...tileSources(tiled),
    },
    layers: [
      background,
      ...(base ? base.layers : []),
      ...outlineLayers(base !== null),
      ...readingTiles(layers, tiled),
    ],
  };
}
