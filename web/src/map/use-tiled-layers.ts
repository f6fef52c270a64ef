// Decides which of a map's large layers to draw from vector tiles, before the map is made.
import { useQueries, useQuery } from "@tanstack/react-query";
import { queries } from "../api/queries.ts";
import type { TiledLayer } from "./tile-sources.ts";

/** What a deployment without the setting uses (the API's MAP_TILES_ABOVE default). */
const defaultTilesAbove = 2000;

/**
 * The layers among `candidates` with more features than the deployment's `mapTilesAbove`;
 * `undefined` until every count is known. The count is the `numberMatched` of a one-feature
 * page of the layer's list: the API counts every list anyway, and the answer is a few hundred
 * bytes, where the GeoJSON of 5,000 grids is megabytes. A count that fails leaves its layer
 * on GeoJSON, which then reports the error as before.
 */
export function useTiledLayers(candidates: readonly TiledLayer[]): TiledLayer[] | undefined {
  const config = useQuery(queries.config());
  const counts = useQueries({ queries: candidates.map((layer) => queries.featureCount(layer)) });
  if (config.isPending || counts.some((count) => count.isPending)) return undefined;
  const above = config.data?.mapTilesAbove ?? defaultTilesAbove;
  return candidates.filter((_, i) => (counts[i]?.data ?? 0) > above);
}
