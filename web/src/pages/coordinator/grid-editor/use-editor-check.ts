// What the editor knows about the work in progress, recomputed on every change: the problems
// (live from geo, plus those the API sent back), the community's gaps, and a preview of the
// result (split pieces, the merged grid).
import type { GridProblem, SiblingGrid } from "@civgrid/geo";
import { formatProblem } from "@civgrid/geo";
import { useQuery } from "@tanstack/react-query";
import type { MultiPolygon } from "geojson";
import { useDeferredValue, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useShallow } from "zustand/shallow";
import type { GridFeature } from "../../../api/grids.ts";
import { queries } from "../../../api/queries.ts";
import { formatArea } from "../../../format.ts";
import { checkDraft, checkMerge, checkSplit, type Gaps } from "../../../map/modes/checks.ts";
import { previewOf } from "../../../map/preview.ts";
import { type Preview, type ShownProblem, useGridEditor } from "../../../state/grid-editor.ts";

export interface EditorCheck {
  problems: ShownProblem[];
  /** Live while a draft exists, the server's coverage otherwise; null before it is known. */
  gaps: Gaps | null;
  preview: Preview | null;
  /** The live rules found nothing against the work in progress. */
  clean: boolean;
}

interface Context {
  community: MultiPolygon | undefined;
  grids: GridFeature[];
  selected: GridFeature | null;
}

export function useEditorCheck({ community, grids, selected }: Context): EditorCheck {
  const { t, i18n } = useTranslation();
  const { mode, splitLine, mergeIds, serverProblems, communityId, ...state } = useGridEditor(
    useShallow((s) => ({
      mode: s.mode,
      draft: s.draft,
      splitLine: s.splitLine,
      mergeIds: s.mergeIds,
      serverProblems: s.serverProblems,
      communityId: s.communityId,
    })),
  );
  const draft = useDeferredValue(state.draft); // a fast drag need not wait for each check
  const coverage = useQuery({
    ...queries.coverage(communityId ?? 0),
    enabled: communityId !== null,
  });

  const live = useMemo(() => {
    if (!community) return null;
    const siblings: SiblingGrid[] = grids
      .filter((grid) => !(mode === "edit" && grid.id === selected?.id))
      .map((grid) => ({ id: grid.id, code: grid.properties.code, geometry: grid.geometry }));
    const areaLabel = (index: number, m2: number) =>
      `${index + 1}\n${t("grid.areaValue", { value: formatArea(m2, i18n.language) })}`;
    if ((mode === "draw" || mode === "edit") && draft) {
      const check = checkDraft(draft, community, siblings);
      return { problems: check.problems, gaps: check.gaps, preview: null };
    }
    const pieces =
      mode === "split" && splitLine && selected
        ? checkSplit(selected.geometry, splitLine)
        : mode === "merge" && mergeIds.length === 2
          ? mergePicked(grids, mergeIds)
          : null;
    if (!pieces) return null;
    return pieces.ok
      ? { problems: [], gaps: null, preview: previewOf(pieces.pieces, areaLabel) }
      : { problems: pieces.problems, gaps: null, preview: null };
  }, [community, grids, selected, mode, draft, splitLine, mergeIds, t, i18n.language]);

  const locale = i18n.language === "en" ? "en" : "zh-CN";
  const shown = (problem: GridProblem): ShownProblem => ({
    ...problem,
    message: formatProblem(problem, locale),
  });
  const server = coverage.data && {
    gapArea: coverage.data.gapAreaM2,
    gapPercent: coverage.data.gapPercent,
    geometry: coverage.data.gaps,
  };
  return {
    // The API's verdict on the last save stands until the shape changes again.
    problems: serverProblems.length > 0 ? serverProblems : (live?.problems.map(shown) ?? []),
    gaps: live?.gaps ?? server ?? null,
    preview: live?.preview ?? null,
    clean: (live?.problems.length ?? 0) === 0,
  };
}

function mergePicked(grids: GridFeature[], ids: number[]) {
  const [a, b] = ids.map((id) => grids.find((grid) => grid.id === id));
  return a && b ? checkMerge(a.geometry, b.geometry) : null;
}
