// The coordinator's map itself: the communities' bounds, the map instance, its data, clicks and
// layer visibility, and its search box. Loaded lazily by map-page.tsx (with turf and the data
// hooks), so the page's panel, toggles and legend are drawn before any map code (issue 22).
import type { SearchHit } from "@civgrid/geo";
import { useQuery } from "@tanstack/react-query";
import bbox from "@turf/bbox";
import { useEffect, useRef } from "react";
import { queries } from "../../api/queries.ts";
import { MapSearchLoader } from "../../components/map-search/map-search-loader.tsx";
import { dataLayers } from "../../map/layers/index.ts";
import { withLeadUnitColours } from "../../map/lead-unit-colours.ts";
import type { MapOptions } from "../../map/map.ts";
import type { TiledLayer } from "../../map/tile-sources.ts";
import { useLayerVisibility } from "../../map/use-layer-visibility.ts";
import type { LeadUnit } from "../../map/use-lead-units.ts";
import { fitPadding, useMapData } from "../../map/use-map-data.ts";
import { useMapInstance } from "../../map/use-map-instance.ts";
import { useMapInteraction } from "../../map/use-map-interaction.ts";

/**
 * The communities' bounds to open the map on: `undefined` while they load, `null` when there are
 * none to fit (or they failed: the map still opens, and the banner says why).
 */
function useCommunityBounds(): MapOptions["bounds"] | null | undefined {
  const communities = useQuery(queries.communities());
  if (communities.isPending) return undefined;
  if (!communities.data?.features.length) return null;
  const [west, south, east, north] = bbox(communities.data);
  return { box: [west, south, east, north], padding: fitPadding() };
}

/** The map's data failed: what went wrong, and a way to ask again. */
export interface MapFailure {
  error: Error;
  retry: () => void;
}

interface Props {
  basemapUrl: string | null | undefined;
  /** The layers drawn from tiles, `undefined` while still deciding. */
  tiled: TiledLayer[] | undefined;
  leadUnits: LeadUnit[] | undefined;
  unitsSettled: boolean;
  onFailure: (failure: MapFailure | null) => void;
  onSearchChoose: (hit: SearchHit) => void;
}

export function CityMap({
  basemapUrl,
  tiled,
  leadUnits,
  unitsSettled,
  onFailure,
  onSearchChoose,
}: Props) {
  const container = useRef<HTMLDivElement>(null);
  const bounds = useCommunityBounds();
  // made once the sources, the view and the colours are known, so it is drawn once, not redrawn
  // (without the units it is made all the same, uncoloured, and the banner says why)
  const map = useMapInstance(
    container,
    basemapUrl,
    tiled && bounds !== undefined && unitsSettled
      ? {
          tiled,
          bounds: bounds ?? undefined,
          layers: leadUnits ? withLeadUnitColours(dataLayers, leadUnits) : dataLayers,
        }
      : null,
  );
  const { error, retry } = useMapData(map, tiled);
  // told to the page (its overlay shows the banner) when the error changes, not at every render
  const latestRetry = useRef(retry);
  latestRetry.current = retry;
  useEffect(
    () => onFailure(error ? { error, retry: () => latestRetry.current() } : null),
    [error, onFailure],
  );
  useMapInteraction(map);
  useLayerVisibility(map);
  return (
    <>
      <div ref={container} className="map" />
      <MapSearchLoader map={map} padding={fitPadding()} onChoose={onSearchChoose} />
    </>
  );
}
