// The map on which the office places a citizen's request: a click puts the marker, a drag moves it.
import type { Marker } from "maplibre-gl";
import { useEffect, useRef } from "react";
import type { MapOptions } from "../../map/map.ts";
import { useMapInstance } from "../../map/use-map-instance.ts";

/** The basemap (the city's outline and names) and the marker: nothing else to click on. */
const options: MapOptions = { layers: [] };

interface Props {
  place: [number, number] | null;
  onPlace: (place: [number, number]) => void;
  basemapUrl: string | null | undefined;
  label: string;
}

export function RequestPlaceMap({ place, onPlace, basemapUrl, label }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useMapInstance(container, basemapUrl, options);
  const marker = useRef<Marker | null>(null);
  const latestOnPlace = useRef(onPlace);
  latestOnPlace.current = onPlace;

  useEffect(() => {
    if (!map) return;
    const onClick = (event: { lngLat: { lng: number; lat: number } }) =>
      latestOnPlace.current([event.lngLat.lng, event.lngLat.lat]);
    map.on("click", onClick);
    return () => void map.off("click", onClick);
  }, [map]);

  useEffect(() => {
    if (!map) return;
    if (!place) {
      marker.current?.remove();
      return;
    }
    // maplibre is loaded by now (the map is drawn): the import only hands over its Marker
    let gone = false;
    void import("maplibre-gl").then(({ Marker }) => {
      if (gone) return;
      if (!marker.current) {
        const made = new Marker({ color: "#e03131", draggable: true });
        made.on("dragend", () => {
          const { lng, lat } = made.getLngLat();
          latestOnPlace.current([lng, lat]);
        });
        marker.current = made;
      }
      marker.current.setLngLat(place).addTo(map);
    });
    return () => {
      gone = true;
    };
  }, [map, place]);

  return (
    <div
      ref={container}
      className="request-place-map"
      role="application"
      aria-label={label}
      data-map-ready={map ? "true" : undefined}
    />
  );
}
