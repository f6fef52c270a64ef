// The map's GeoJSON sources: their ids, and the empty specs the style starts with.
import type { GeoJSONSourceSpecification } from "maplibre-gl";

export const sourceIds = {
  city: "city",
  communities: "communities",
  communityLabels: "community-labels",
  grids: "grids",
  gridLabels: "grid-labels",
  units: "units",
  inspectionPoints: "points",
  problems: "problems",
  // the grid editor's overlays
  gaps: "coverage-gaps",
  problemAreas: "problem-areas",
  problemMarkers: "problem-markers",
  preview: "edit-preview",
  previewLabels: "edit-preview-labels",
  // the volunteer's patrol area
  patrolTracks: "patrol-tracks",
  liveTrack: "live-track",
  myPosition: "my-position",
  // the leaders' view
  hexagons: "hexagons",
  clusters: "clusters",
  clusterLabels: "cluster-labels",
} as const;

export type SourceId = (typeof sourceIds)[keyof typeof sourceIds];

/** Every source starts empty; the map page fills it from the query cache with `setData`. */
export function emptySources(): Record<SourceId, GeoJSONSourceSpecification> {
  const empty = (): GeoJSONSourceSpecification => ({
    type: "geojson",
    data: { type: "FeatureCollection", features: [] },
  });
  return Object.fromEntries(Object.values(sourceIds).map((id) => [id, empty()])) as Record<
    SourceId,
    GeoJSONSourceSpecification
  >;
}
