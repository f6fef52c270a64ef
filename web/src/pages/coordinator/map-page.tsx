// The coordinator's map: communities, grids by lead hospital, units, points and problems.
import type { SearchHit } from "@civgrid/geo";
import { useQuery } from "@tanstack/react-query";
import bbox from "@turf/bbox";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { queries } from "../../api/queries.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { LayerToggles } from "../../components/layer-toggles.tsx";
import { Legend } from "../../components/legend.tsx";
import { MapSearchLoader } from "../../components/map-search/map-search-loader.tsx";
import { dataLayers, layerFamilyNames } from "../../map/layers/index.ts";
import { withLeadUnitColours } from "../../map/lead-unit-colours.ts";
import type { MapOptions } from "../../map/map.ts";
import { useLayerVisibility } from "../../map/use-layer-visibility.ts";
import { useLeadUnits } from "../../map/use-lead-units.ts";
import { fitPadding, useMapData } from "../../map/use-map-data.ts";
import { useMapInstance } from "../../map/use-map-instance.ts";
import { useMapInteraction } from "../../map/use-map-interaction.ts";
import { useTiledLayers } from "../../map/use-tiled-layers.ts";
import { type FeatureRef, useMapUi } from "../../state/map-ui.ts";
import { SelectionPanel } from "./selection-panel.tsx";

/** Toggles list the topmost layers first, as they are drawn. */
const toggleOrder = [...layerFamilyNames].reverse();

/** The whole city's grids, points and problems: each drawn from tiles once it is large. */
const largeLayers = ["grids", "points", "problems"] as const;

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

/** What the panel opens for a search match: its details where the map page has them. */
function selectionOf(hit: SearchHit): FeatureRef | null {
  return hit.kind === "grid" || hit.kind === "problem" || hit.kind === "unit"
    ? { kind: hit.kind, id: hit.id }
    : null;
}

/** Phones start with the legend and toggles folded, so the map stays visible. */
const wideScreen = () => window.matchMedia("(min-width: 700px)").matches;

export function MapPage({ basemapUrl }: { basemapUrl: string | null | undefined }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const tiled = useTiledLayers(largeLayers);
  const bounds = useCommunityBounds();
  const leadUnits = useLeadUnits();
  const unitsSettled = !useQuery(queries.units()).isPending;
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
  useMapInteraction(map);
  useLayerVisibility(map);
  const visibleFamilies = useMapUi((state) => state.visibleFamilies);
  const setFamilyVisible = useMapUi((state) => state.setFamilyVisible);
  const select = useMapUi((state) => state.select);
  const open = wideScreen();

  return (
    <div className="map-page">
      <div ref={container} className="map" />
      <div className="map-overlay">
        {error && (
          <ErrorBanner message={t("app.mapFailed", { message: error.message })} onRetry={retry} />
        )}
        <LayerToggles
          families={toggleOrder}
          visible={visibleFamilies}
          onChange={setFamilyVisible}
          open={open}
        />
        <Legend
          leadUnits={leadUnits ?? []}
          open={open}
          problemCells={tiled?.includes("problems")}
        />
      </div>
      <MapSearchLoader
        map={map}
        padding={fitPadding()}
        onChoose={(hit) => select(selectionOf(hit))}
      />
      <SelectionPanel />
    </div>
  );
}
