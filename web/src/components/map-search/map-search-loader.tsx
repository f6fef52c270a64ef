// The map's search box, loaded with the map it steers (it is of no use before the map is there):
// no page carries it before its first paint.
import { lazy, Suspense } from "react";
import type { MapSearchProps } from "./map-search.tsx";

const MapSearch = lazy(() => import("./map-search.tsx").then((m) => ({ default: m.MapSearch })));

export function MapSearchLoader(props: MapSearchProps) {
  if (!props.map) return null;
  return (
    <Suspense fallback={null}>
      <MapSearch {...props} />
    </Suspense>
  );
}
