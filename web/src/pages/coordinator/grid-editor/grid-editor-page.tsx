// The grid editor (/grids): a community's grids on the map, the tools on the left, the panel for
// the current mode or the selected grid on the right. The mode lives in the store; the map reacts.
import type { SearchHit } from "@civgrid/geo";
import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Position } from "geojson";
import { lazy, Suspense, useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { queries } from "../../../api/queries.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { MapSearchLoader } from "../../../components/map-search/map-search-loader.tsx";
import { editorLayers } from "../../../map/layers/index.ts";
import type { MapOptions } from "../../../map/map.ts";
import { useEditorData } from "../../../map/use-editor-data.ts";
import { useMapInstance } from "../../../map/use-map-instance.ts";
import { navigate, useLocation } from "../../../router.ts";
import { useGridEditor } from "../../../state/grid-editor.ts";
import { CheckPanel } from "./check-panel.tsx";
import { CommunityPicker } from "./community-picker.tsx";
import { FileLinks } from "./file-links.tsx";
import { ModeToolbar } from "./mode-toolbar.tsx";
import { NoticeBanner } from "./notice-banner.tsx";
import { useEditorCheck } from "./use-editor-check.ts";

// Each mode's panel (drawing, split, merge, partition, import, a grid's details and printing)
// loads when a mode is chosen or a grid selected: the editor opens on the community's list and
// map without them (issue 22).
const CommunityImportPanel = lazy(() =>
  import("./community-import-panel.tsx").then((m) => ({ default: m.CommunityImportPanel })),
);
// the community's restructurings (with their undo) fill in after the tools
const RestructuringList = lazy(() =>
  import("./restructuring-list.tsx").then((m) => ({ default: m.RestructuringList })),
);
const ModePanel = lazy(() => import("./mode-panel.tsx").then((m) => ({ default: m.ModePanel })));
// the map's tools and overlays come with the map, after the first paint
const EditorMapBehaviour = lazy(() =>
  import("./editor-map-behaviour.tsx").then((m) => ({ default: m.EditorMapBehaviour })),
);

const mapOptions: MapOptions = { layers: editorLayers, printable: true };

export function GridEditorPage({ basemapUrl }: { basemapUrl: string | null | undefined }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const map = useMapInstance(container, basemapUrl, mapOptions);
  const queryClient = useQueryClient();
  const communityId = useGridEditor((state) => state.communityId);
  const mode = useGridEditor((state) => state.mode);
  const selectedGridId = useGridEditor((state) => state.selectedGridId);
  const { community, grids, error, retry } = useEditorData(map, communityId);
  useCommunityFromAddress(communityId);

  const gridList = grids?.features ?? [];
  const selected = gridList.find((grid) => grid.id === selectedGridId) ?? null;
  const snapRings = useMemo(
    (): Position[][] =>
      [community, ...gridList.filter((grid) => !(mode === "edit" && grid === selected))].flatMap(
        (feature) => feature?.geometry.coordinates.flat() ?? [],
      ),
    [community, gridList, mode, selected],
  );
  const check = useEditorCheck({ community: community?.geometry, grids: gridList, selected });

  return (
    <div className="map-page editor-page">
      <div ref={container} className="map" />
      {map && (
        <Suspense fallback={null}>
          <EditorMapBehaviour
            map={map}
            snapRings={snapRings}
            editedGrid={mode === "edit" ? selected : null}
            check={check}
          />
        </Suspense>
      )}
      <div className="editor-tools">
        {error && (
          <ErrorBanner message={t("app.mapFailed", { message: error.message })} onRetry={retry} />
        )}
        <MapSearchLoader
          map={map}
          placement="inline"
          onChoose={(hit) => void openInEditor(queryClient, hit).catch(() => {})}
        />
        <CommunityPicker />
        <ModeToolbar selected={selected} />
        <NoticeBanner />
        <CheckPanel check={check} />
        {community && <FileLinks community={community} grids={gridList} />}
        {community && (
          <Suspense fallback={null}>
            <RestructuringList communityId={community.id} />
          </Suspense>
        )}
      </div>
      {mode === "importCommunities" ? (
        <Suspense fallback={null}>
          <CommunityImportPanel />
        </Suspense>
      ) : (
        community && (
          <Suspense fallback={null}>
            <ModePanel community={community} grids={gridList} selected={selected} check={check} />
          </Suspense>
        )
      )}
    </div>
  );
}

/**
 * A community or grid found by the search opens in the editor (a grid: its community, with the
 * grid selected). The address follows, so useCommunityFromAddress finds it already open.
 */
async function openInEditor(client: QueryClient, hit: SearchHit) {
  const editor = useGridEditor.getState();
  let communityId = hit.kind === "community" ? hit.id : null;
  if (hit.kind === "grid")
    communityId = (await client.fetchQuery(queries.grid(hit.id))).properties.communityId;
  if (communityId === null) return;
  if (communityId !== editor.communityId) editor.openCommunity(communityId);
  if (hit.kind === "grid") editor.select(hit.id);
  navigate(`/grids?communityId=${communityId}`, { replace: true });
}

/**
 * The address says which community is open (/grids?communityId=1), so a reload or a link
 * comes back to it; without one the editor stays where it was, or opens the first community.
 */
function useCommunityFromAddress(communityId: number | null) {
  const { params } = useLocation();
  const communities = useQuery(queries.communities());
  const wanted =
    Number(params.get("communityId")) || communityId || communities.data?.features[0]?.id;
  useEffect(() => {
    if (wanted !== undefined && wanted !== communityId)
      useGridEditor.getState().openCommunity(wanted);
  }, [wanted, communityId]);
}
