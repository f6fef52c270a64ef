// Feeds the grid editor's map: all community outlines, the open community's grids coloured by
// lead hospital, the view fitted to that community, and the page marked ready for tests
// (`data-map-ready` and `data-community-id` on the body, after each reload of the grids).
import { useQuery } from "@tanstack/react-query";
import type { Map as MapLibreMap } from "maplibre-gl";
import { useEffect, useMemo, useRef } from "react";
import { queries } from "../api/queries.ts";
import { applyLeadUnitColours } from "./lead-unit-colours.ts";
import { markReadyWhenIdle } from "./readiness.ts";
import { sourceIds } from "./sources.ts";
import { useLabelPoints } from "./use-label-points.ts";
import { useLeadUnits } from "./use-lead-units.ts";
import { useSourceData } from "./use-map-data.ts";

/**
 * Room for the tool column on the left and the side panel on the right; on a phone (see
 * editor.css) for the tool strip on top and the sheet at the bottom.
 */
function editorPadding() {
  return window.matchMedia("(min-width: 700px)").matches
    ? { top: 40, bottom: 40, left: 310, right: 390 }
    : { top: 230, bottom: 30, left: 16, right: 16 };
}

export function useEditorData(map: MapLibreMap | null, communityId: number | null) {
  const communities = useQuery(queries.communities());
  const grids = useQuery({
    ...queries.communityGrids(communityId ?? 0),
    enabled: communityId !== null,
  });
  const labels = useLabelPoints();
  const communityLabels = useMemo(
    () => (labels && communities.data ? labels.labelsAbove(communities.data) : undefined),
    [labels, communities.data],
  );
  const gridLabels = useMemo(
    () => (labels && grids.data ? labels.labelPoints(grids.data) : undefined),
    [labels, grids.data],
  );
  const leadUnits = useLeadUnits();

  useSourceData(map, sourceIds.communities, communities.data);
  useSourceData(map, sourceIds.communityLabels, communityLabels);
  useSourceData(map, sourceIds.grids, grids.data);
  useSourceData(map, sourceIds.gridLabels, gridLabels);

  useEffect(() => {
    if (map && leadUnits) applyLeadUnitColours(map, leadUnits);
  }, [map, leadUnits]);

  const community = communities.data?.features.find((feature) => feature.id === communityId);
  useEffect(() => {
    if (!map || !community || !labels) return;
    const [west, south, east, north] = labels.bbox(community);
    map.fitBounds([west, south, east, north], { padding: editorPadding(), animate: false });
  }, [map, community, labels]);

  const ready = useRef<string | null>(null);
  useEffect(() => {
    const key = `${communityId}:${grids.dataUpdatedAt}`;
    if (!map || !grids.isSuccess || !leadUnits || ready.current === key) return;
    ready.current = key;
    document.body.dataset.mapReady = "false";
    document.body.dataset.communityId = String(communityId);
    markReadyWhenIdle(map);
  }, [map, communityId, grids.isSuccess, grids.dataUpdatedAt, leadUnits]);

  const failed = [communities, grids].find((result) => result.isError);
  return {
    community,
    grids: grids.data,
    error: failed?.error ?? null,
    retry: () => void failed?.refetch(),
  };
}
