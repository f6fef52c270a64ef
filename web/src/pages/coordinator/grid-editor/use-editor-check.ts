// What the editor knows about the work in progress, recomputed on every change: the problems
// (live from geo, plus those the API sent back), the community's gaps, and a preview of the
// result (split pieces, the merged grid).
import type { GridProblem, SiblingGrid } from "@civgrid/geo";
import { useQuery } from "@tanstack/react-query";
import type { MultiPolygon } from "geojson";
import { useDeferredValue, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useShallow } from "zustand/shallow";
import type { GridFeature } from "../../../api/grids.ts";
import { queries } from "../../../api/queries.ts";
import { formatArea } from "../../../format.ts";
import type { Gaps } from "../../../map/modes/checks.ts";
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

/** The live rules and the preview: geo's checks with their clipping and precise arithmetic. */
type Rules = typeof import("../../../map/modes/checks.ts") & {
  previewOf: typeof import("../../../map/preview.ts").previewOf;
};
let loadedRules: Rules | null = null;

/**
 * The live rules, loaded once a community is open (issue 22: polyclip, bignumber and the rest of
 * the geometry checks are not part of the editor's first paint); null until they are there.
 */
function useRules(wanted: boolean): Rules | null {
  const [rules, setRules] = useState(loadedRules);
  useEffect(() => {
    if (rules || !wanted) return;
    let gone = false;
    void Promise.all([
      import("../../../map/modes/checks.ts"),
      import("../../../map/preview.ts"),
    ]).then(([checks, preview]) => {
      loadedRules = { ...checks, previewOf: preview.previewOf };
      if (!gone) setRules(loadedRules);
    });
    return () => {
      gone = true;
    };
  }, [wanted, rules]);
  return rules;
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

  const rules = useRules(community !== undefined);
  const live = useMemo(() => {
    if (!community || !rules) return null;
    const { checkDraft, checkSplit, previewOf } = rules;
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
          ? mergePicked(rules, grids, mergeIds)
          : null;
    if (!pieces) return null;
    return pieces.ok
      ? { problems: [], gaps: null, preview: previewOf(pieces.pieces, areaLabel) }
      : { problems: pieces.problems, gaps: null, preview: null };
  }, [community, rules, grids, selected, mode, draft, splitLine, mergeIds, t, i18n.language]);

  const locale = i18n.language === "en" ? "en" : "zh-CN";
  // live problems exist only once the rules (which bring their wording) are there
  const shown = (problem: GridProblem): ShownProblem => ({
    ...problem,
    message: rules ? rules.formatProblem(problem, locale) : "",
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
    // not clean before the rules are there to say so (a moment after the community opens)
    clean: rules !== null && (live?.problems.length ?? 0) === 0,
  };
}

function mergePicked(rules: Rules, grids: GridFeature[], ids: number[]) {
  const [a, b] = ids.map((id) => grids.find((grid) => grid.id === id));
  return a && b ? rules.checkMerge(a.geometry, b.geometry) : null;
}
