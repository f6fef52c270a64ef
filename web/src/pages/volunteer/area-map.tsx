// The patrol area's map: my grids, this week's walks, the walk under way, points, open problems,
// my position, and (while reporting) the problem's draggable marker. Everything arrives in WGS84
// and is shifted into the basemap's system (GCJ-02 for Amap-style tiles) before it is drawn.
import bbox from "@turf/bbox";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { GeoJSONSource, Marker } from "maplibre-gl";
import { useEffect, useRef } from "react";
import type { MyArea, Patrol, TrackPoint } from "../../api/volunteers.ts";
import { MapSearch } from "../../components/map-search/map-search.tsx";
import {
  type BasemapCrs,
  fromMapPosition,
  toMapFeatures,
  toMapPosition,
} from "../../map/basemap-crs.ts";
import { patrolAreaLayers } from "../../map/layers/patrol-area.ts";
import type { MapOptions } from "../../map/map.ts";
import { type SourceId, sourceIds } from "../../map/sources.ts";
import { useMapInstance } from "../../map/use-map-instance.ts";
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

interface Props {
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
}: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useMapInstance(container, basemapUrl, options);
  const marker = useRef<Marker | null>(null);
  const fitted = useRef(false);
  const placeChanged = useRef(onReportPlace);
  placeChanged.current = onReportPlace;

  const show = (id: SourceId, data: FeatureCollection<Geometry | null>) =>
    (map?.getSource(id) as GeoJSONSource | undefined)?.setData(
      toMapFeatures(data, crs) as FeatureCollection,
    );

  useEffect(() => {
    if (!map || !area) return;
    show(sourceIds.grids, area.grids);
    show(sourceIds.inspectionPoints, area.points);
    show(sourceIds.problems, area.problems);
    if (!fitted.current && area.grids.features.length) {
      const [west, south, east, north] = bbox(toMapFeatures(area.grids, crs));
      map.fitBounds([west, south, east, north], { padding: 24, animate: false });
      fitted.current = true;
    }
  });
  useEffect(() => {
    if (map)
      show(sourceIds.patrolTracks, collection(patrols.filter((p) => p.geometry) as Feature[]));
  });
  useEffect(() => {
    if (map) show(sourceIds.liveTrack, collection(line(live)));
  });
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
    show(sourceIds.myPosition, collection(here));
  });

  useEffect(() => {
    if (!map) return;
    if (!reportPlace) {
      marker.current?.remove();
      return;
    }
    // maplibre is loaded by now (the map is drawn): the import only hands over its Marker
    let gone = false;
    void import("maplibre-gl").then(({ Marker }) => {
      if (gone) return;
      if (!marker.current) {
        marker.current = new Marker({ color: "#e03131", draggable: true });
        marker.current.on("dragend", () => {
          const { lng, lat } = marker.current?.getLngLat() ?? { lng: 0, lat: 0 };
          placeChanged.current(fromMapPosition([lng, lat], crs));
        });
      }
      marker.current.setLngLat(toMapPosition(reportPlace, crs)).addTo(map);
    });
    return () => {
      gone = true;
    };
  }, [map, reportPlace, crs]);

  return (
    <>
      <MapSearch map={map} crs={crs} placement="inline" />
      <div ref={container} className="area-map" data-testid="area-map" />
    </>
  );
}
