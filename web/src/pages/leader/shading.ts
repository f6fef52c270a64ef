// Turns the API's hexagons and clusters into what the map layers draw: each feature's `level`
// (0–1 on the heat ramp, by count or by points lost) and its label; clusters' labels at centres.
import type { TFunction } from "i18next";
import type { ClusterCollection, HexagonCollection } from "../../api/analytics.ts";

type Metric = "count" | "pointsLost";

/** Square-root scale: one very hot hexagon does not wash out all the others. */
export function shadeHexagons<C extends HexagonCollection | ClusterCollection>(
  collection: C,
  metric: Metric,
) {
  const values = collection.features.map((f) => f.properties[metric]);
  const max = Math.max(1, ...values);
  return {
    type: "FeatureCollection" as const,
    features: collection.features.map((f) => ({
      ...f,
      properties: {
        ...f.properties,
        cellSize: collection.cellSize,
        level: Math.sqrt(f.properties[metric] / max),
        label: Math.round(f.properties[metric] * 10) / 10,
      },
    })),
  };
}

export function clusterLabels(collection: ClusterCollection, t: TFunction) {
  return {
    type: "FeatureCollection" as const,
    features: collection.features.map((f) => ({
      type: "Feature" as const,
      id: f.id,
      geometry: f.properties.centroid,
      properties: {
        label: t("leader.clusterMapLabel", {
          count: f.properties.count,
          category: f.properties.category?.name ?? "",
        }),
      },
    })),
  };
}
