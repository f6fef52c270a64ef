// Brings a search match into view: an area (community, grid) fitted whole, a place (unit, point,
// problem, address) flown to at street zoom, shifted into the basemap's system first.
import type { SearchHit } from "@civgrid/geo";
import type { FitBoundsOptions, Map as MapLibreMap } from "maplibre-gl";
import { type BasemapCrs, toMapPosition } from "../../map/basemap-crs.ts";

/** Close enough to see the street a place is on. */
const PLACE_ZOOM = 17;

/** `padding` keeps an area clear of what covers the map's edges (the page knows its overlays). */
export function flyToHit(
  map: MapLibreMap,
  hit: SearchHit,
  crs: BasemapCrs,
  padding: FitBoundsOptions["padding"],
) {
  if (hit.bbox) {
    const [west, south, east, north] = hit.bbox;
    const [minLon, minLat] = toMapPosition([west, south], crs);
    const [maxLon, maxLat] = toMapPosition([east, north], crs);
    map.fitBounds([minLon, minLat, maxLon, maxLat], { padding, maxZoom: 18 });
    return;
  }
  map.flyTo({
    center: toMapPosition([hit.lon, hit.lat], crs),
    zoom: Math.max(map.getZoom(), PLACE_ZOOM),
  });
}
