// The layers large enough to be drawn from vector tiles (/tiles/{layer}/{z}/{x}/{y}.mvt), and how a
// style's GeoJSON-reading layers are turned into the same layers reading those tiles.
import type {
  LayerSpecification,
  SourceSpecification,
  VectorSourceSpecification,
} from "maplibre-gl";
import { type SourceId, sourceIds } from "./sources.ts";

/** Layers that grow with the city (5,000 grids, 1,000,000 problems); the API's list and tile names. */
export const tiledLayers = ["grids", "points", "problems"] as const;
export type TiledLayer = (typeof tiledLayers)[number];

/** Which tile layer feeds what each GeoJSON source held: a grid's label sits on its own polygon. */
const tiledFrom: Partial<Record<SourceId, TiledLayer>> = {
  [sourceIds.grids]: "grids",
  [sourceIds.gridLabels]: "grids",
  [sourceIds.inspectionPoints]: "points",
  [sourceIds.problems]: "problems",
};

export const tileSourceId = (layer: TiledLayer) => `${layer}-tiles`;

/**
 * Deeper than this the map scales the z16 tiles up: they are exact to a few decimetres, and
 * problems come as single points from z13 (the API aggregates them into cells below).
 */
const deepestTileZoom = 16;

function vectorSource(layer: TiledLayer): VectorSourceSpecification {
  return {
    type: "vector",
    // maplibre fetches tiles from a worker, which needs a whole address; the cookie goes along.
    tiles: [`${window.location.origin}/tiles/${layer}/{z}/{x}/{y}.mvt`],
    maxzoom: deepestTileZoom,
  };
}

/** The vector sources for the tiled layers. */
export function tileSources(tiled: readonly TiledLayer[]): Record<string, SourceSpecification> {
  return Object.fromEntries(tiled.map((layer) => [tileSourceId(layer), vectorSource(layer)]));
}

/** The same layers, those on a tiled layer's GeoJSON source reading its tiles instead. */
export function readingTiles(
  layers: readonly LayerSpecification[],
  tiled: readonly TiledLayer[],
): LayerSpecification[] {
  return layers.map((layer) => {
    if (!("source" in layer)) return layer;
    const from = tiledFrom[layer.source as SourceId];
    if (!from || !tiled.includes(from)) return layer;
    return { ...layer, source: tileSourceId(from), "source-layer": from } as LayerSpecification;
  });
}
