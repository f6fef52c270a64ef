// The map's style: a plain background that needs no internet, an optional raster basemap under
// everything, and our data layers. No `glyphs`: maplibre then draws labels with local fonts.
import type { LayerSpecification, SourceSpecification, StyleSpecification } from "maplibre-gl";
import { dataLayers } from "./layers/index.ts";
import { emptySources } from "./sources.ts";
import { readingTiles, type TiledLayer, tileSources } from "./tile-sources.ts";

const background: LayerSpecification = {
  id: "background",
  type: "background",
  paint: { "background-color": "#eef2ee" },
};

/** A basemap is a setting (GET /api/config), e.g. https://tiles.example/{z}/{x}/{y}.png */
function basemap(url: string): { source: SourceSpecification; layer: LayerSpecification } {
  return {
    source: { type: "raster", tiles: [url], tileSize: 256, maxzoom: 19 },
    layer: { id: "basemap", type: "raster", source: "basemap", paint: { "raster-opacity": 0.85 } },
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
  const raster = basemapUrl ? basemap(basemapUrl) : null;
  return {
    version: 8,
    sources: {
      ...(raster ? { basemap: raster.source } : {}),
      ...emptySources(),
      ...tileSources(tiled),
    },
    layers: [background, ...(raster ? [raster.layer] : []), ...readingTiles(layers, tiled)],
  };
}
