// The map's search box, loaded with the map it steers (or, on a page whose map opens on demand,
// once the page is drawn): no page carries it before its first paint.
import { lazy, Suspense } from "react";
import { ErrorBoundary } from "react-error-boundary";
import type { MapSearchProps } from "./map-search.tsx";

const MapSearch = lazy(() => import("./map-search.tsx").then((m) => ({ default: m.MapSearch })));

export function MapSearchLoader(props: MapSearchProps) {
  if (!props.map && !props.beforeMap) return null;
  // Offline before the service worker has kept its chunk, the map goes on without its search box
  // (the map is what matters when a report's place is being set).
  return (
    <ErrorBoundary fallback={null}>
      <Suspense fallback={null}>
        <MapSearch {...props} />
      </Suspense>
    </ErrorBoundary>
  );
}
