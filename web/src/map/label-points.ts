// Label anchors for polygons: one point per feature, so a label is not repeated at tile edges.
import bbox from "@turf/bbox";
import pointOnFeature from "@turf/point-on-feature";
import type {
  Feature,
  FeatureCollection,
  GeoJsonProperties,
  MultiPolygon,
  Point,
  Polygon,
} from "geojson";

// turf's bbox, for the map hooks that load this module lazily (use-label-points.ts) to fit a map
export { bbox };

type Polygons<P> = FeatureCollection<Polygon | MultiPolygon, P>;

function anchored<P extends GeoJsonProperties>(
  collection: Polygons<P>,
  anchor: (feature: Feature<Polygon | MultiPolygon, P>) => Point,
): FeatureCollection<Point, P> {
  return {
    type: "FeatureCollection",
    features: collection.features.map((feature) => ({
      type: "Feature",
      id: feature.id,
      geometry: anchor(feature),
      properties: feature.properties,
    })),
  };
}

/**
 * Turns each polygon feature into a point feature inside it, keeping `id` and `properties`.
 * maplibre labels a GeoJSON polygon once per tile it is cut into; one anchor avoids that.
 * Example: a square grid → its centre, with the grid's code and lead unit in `properties`.
 */
export function labelPoints<P extends GeoJsonProperties>(collection: Polygons<P>) {
  return anchored(collection, (feature) => pointOnFeature(feature).geometry);
}

/**
 * Anchors each polygon's label at the middle of its northern edge (of its bounding box), so an
 * outer area's name sits above it and does not cover the labels of the grids inside.
 */
export function labelsAbove<P extends GeoJsonProperties>(collection: Polygons<P>) {
  return anchored(collection, (feature): Point => {
    const [west, , east, north] = bbox(feature);
    return { type: "Point", coordinates: [(west + east) / 2, north] };
  });
}
