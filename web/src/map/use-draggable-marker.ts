// The red marker of a place being chosen on a map: shown at `place` (the map's own coordinates),
// taken off when there is none, and dragged to move it (`onMoved` hears where it was dropped).
import type { Map as MapLibreMap, Marker } from "maplibre-gl";
import { useEffect, useRef } from "react";

export function useDraggableMarker(
  map: MapLibreMap | null,
  place: readonly [number, number] | null,
  onMoved: (place: [number, number]) => void,
) {
  const marker = useRef<Marker | null>(null);
  const moved = useRef(onMoved);
  moved.current = onMoved;
  const [lon, lat] = place ?? [];

  useEffect(() => {
    if (!map) return;
    if (lon === undefined || lat === undefined) {
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
          const dropped = made.getLngLat();
          moved.current([dropped.lng, dropped.lat]);
        });
        marker.current = made;
      }
      marker.current.setLngLat([lon, lat]).addTo(map);
    });
    return () => {
      gone = true;
    };
  }, [map, lon, lat]);
}
