// The map on which the office places a citizen's request: a click puts the marker, a drag moves it.
import { useEffect, useRef } from "react";
import type { MapOptions } from "../../map/map.ts";
import { useDraggableMarker } from "../../map/use-draggable-marker.ts";
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
  const latestOnPlace = useRef(onPlace);
  latestOnPlace.current = onPlace;

  useEffect(() => {
    if (!map) return;
    const onClick = (event: { lngLat: { lng: number; lat: number } }) =>
      latestOnPlace.current([event.lngLat.lng, event.lngLat.lat]);
    map.on("click", onClick);
    return () => void map.off("click", onClick);
  }, [map]);

  useDraggableMarker(map, place, onPlace);

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
