// The patrol area's map: my grids, this week's walks, the walk under way, points, open problems,
// my position, and (while reporting) the problem's draggable marker. Everything arrives in WGS84
// and is shifted into the basemap's system (GCJ-02 for Amap-style tiles) before it is drawn.
import bbox from "@turf/bbox";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import { useEffect, useRef } from "react";
import type { MyArea, Patrol, TrackPoint } from "../../api/volunteers.ts";
import { MapSearchLoader } from "../../components/map-search/map-search-loader.tsx";
import {
  type BasemapCrs,
  fromMapPosition,
  toMapFeatures,
  toMapPosition,
} from "../../map/basemap-crs.ts";
import { patrolAreaLayers } from "../../map/layers/patrol-area.ts";
import type { MapOptions } from "../../map/map.ts";
import { type SourceId, sourceIds } from "../../map/sources.ts";
import { useDraggableMarker } from "../../map/use-draggable-marker.ts";
import { useMapInstance } from "../../map/use-map-instance.ts";
import { useIdle } from "../../use-idle.ts";
import type { Fix } from "./use-position.ts";

const options: MapOptions = { layers: patrolAreaLayers };

const collection = (features: Feature[]): FeatureCollection => ({
  type: "FeatureCollection",
  features,
});
const line = (points: TrackPoint[]): Feature[] =>
  points.length < 2
    ? []
    : [
        {
          type: "Feature",
          properties: {},
          geometry: { type: "LineString", coordinates: points.map((p) => [p.lon, p.lat]) },
        },
      ];

/** Puts `data` (WGS84) on the map's source `id`, in the basemap's system. */
function show(
  map: MapLibreMap,
  crs: BasemapCrs,
  id: SourceId,
  data: FeatureCollection<Geometry | null>,
) {
  (map.getSource(id) as GeoJSONSource | undefined)?.setData(
    toMapFeatures(data, crs) as FeatureCollection,
  );
}

/**
 * The longest the map waits for the area or for an idle moment, in ms: once the page is drawn
 * with the area (its grids, points and contacts as text) and the phone has a quiet moment,
 * maplibre (a megabyte of script, and its worker) is parsed without holding up the first paint
 * or the first taps. Without the area in time (offline with nothing kept, an error) the map comes
 * all the same.
 */
const MAP_WAIT_MS = 3000;

export interface AreaMapProps {
  basemapUrl: string | null | undefined;
  crs: BasemapCrs;
  area: MyArea | undefined;
  patrols: Patrol[];
  live: TrackPoint[];
  fix: Fix | null;
  /** The report's place while a report is being made; dragging the marker moves it. */
  reportPlace: [number, number] | null;
  onReportPlace: (place: [number, number]) => void;
}

export function AreaMap({
  basemapUrl,
  crs,
  area,
  patrols,
  live,
  fix,
  reportPlace,
  onReportPlace,
}: AreaMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const idle = useIdle(area !== undefined, MAP_WAIT_MS);
  // made where the area is: the map draws no frame of the whole city before it jumps there
  const areaBox = area?.grids.features.length ? bbox(toMapFeatures(area.grids, crs)) : null;
  const map = useMapInstance(
    container,
    idle ? basemapUrl : undefined,
    areaBox
      ? { ...options, bounds: { box: areaBox as [number, number, number, number], padding: 24 } }
      : options,
  );
  const fitted = useRef(false);

  // Each source is given its data only when that data changes: every setData is tiled again in
  // the worker and drawn again, and the page re-renders at every position fix.
  useEffect(() => {
    if (!map || !area) return;
    show(map, crs, sourceIds.grids, area.grids);
    show(map, crs, sourceIds.inspectionPoints, area.points);
    show(map, crs, sourceIds.problems, area.problems);
    // made before the area came (it waited no longer): fitted to it once it is here
    if (!fitted.current && area.grids.features.length) {
      const [west, south, east, north] = bbox(toMapFeatures(area.grids, crs));
      if (!map.getBounds().contains([(west + east) / 2, (south + north) / 2]))
        map.fitBounds([west, south, east, north], { padding: 24, animate: false });
      fitted.current = true;
    }
  }, [map, crs, area]);
  useEffect(() => {
    if (map)
      show(
        map,
        crs,
        sourceIds.patrolTracks,
        collection(patrols.filter((p) => p.geometry) as Feature[]),
      );
  }, [map, crs, patrols]);
  useEffect(() => {
    if (map) show(map, crs, sourceIds.liveTrack, collection(line(live)));
  }, [map, crs, live]);
  useEffect(() => {
    if (!map) return;
    const here: Feature[] = fix
      ? [
          {
            type: "Feature",
            properties: { accuracyM: fix.accuracyM },
            geometry: { type: "Point", coordinates: [fix.lon, fix.lat] },
          },
        ]
      : [];
    show(map, crs, sourceIds.myPosition, collection(here));
  }, [map, crs, fix]);

  useDraggableMarker(map, reportPlace && toMapPosition(reportPlace, crs), (dropped) =>
    onReportPlace(fromMapPosition(dropped, crs)),
  );

  return (
    <div className="area-map-wrap">
      <div ref={container} className="area-map" data-testid="area-map" />
      <MapSearchLoader map={map} crs={crs} placement="corner" />
    </div>
  );
}
