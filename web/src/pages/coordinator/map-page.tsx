// The coordinator's map: communities, grids by lead hospital, units, points and problems.
import type { SearchHit } from "@civgrid/geo";
import { useQuery } from "@tanstack/react-query";
import { lazy, useState } from "react";
import { useTranslation } from "react-i18next";
import { queries } from "../../api/queries.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { LayerToggles } from "../../components/layer-toggles.tsx";
import { Legend } from "../../components/legend.tsx";
import { LazyPart } from "../../components/page-error-boundary.tsx";
import { layerFamilyNames } from "../../map/layers/families.ts";
import { useLeadUnits } from "../../map/use-lead-units.ts";
import { useTiledLayers } from "../../map/use-tiled-layers.ts";
import { type FeatureRef, useMapUi } from "../../state/map-ui.ts";
import type { MapFailure } from "./city-map.tsx";

// The map (with turf and the data hooks; maplibre after it) and the details of what is selected
// load after the toggles and legend are drawn (issue 22: what a page needs before first paint).
const CityMap = lazy(() => import("./city-map.tsx").then((m) => ({ default: m.CityMap })));
const SelectionPanel = lazy(() =>
  import("./selection-panel.tsx").then((m) => ({ default: m.SelectionPanel })),
);

/** Toggles list the topmost layers first, as they are drawn. */
const toggleOrder = [...layerFamilyNames].reverse();

/** The whole city's grids, points and problems: each drawn from tiles once it is large. */
const largeLayers = ["grids", "points", "problems"] as const;

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
  const tiled = useTiledLayers(largeLayers);
  const leadUnits = useLeadUnits();
  const unitsSettled = !useQuery(queries.units()).isPending;
  const [failure, setFailure] = useState<MapFailure | null>(null);
  const visibleFamilies = useMapUi((state) => state.visibleFamilies);
  const setFamilyVisible = useMapUi((state) => state.setFamilyVisible);
  const select = useMapUi((state) => state.select);
  const open = wideScreen();

  return (
    <div className="map-page">
      <LazyPart fallback={<div className="map" />}>
        <CityMap
          basemapUrl={basemapUrl}
          tiled={tiled}
          leadUnits={leadUnits}
          unitsSettled={unitsSettled}
          onFailure={setFailure}
          onSearchChoose={(hit) => select(selectionOf(hit))}
        />
      </LazyPart>
      <div className="map-overlay">
        {failure && (
          <ErrorBanner
            message={t("app.mapFailed", { message: failure.error.message })}
            onRetry={failure.retry}
          />
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
      <LazyPart fallback={null}>
        <SelectionPanel />
      </LazyPart>
    </div>
  );
}
