// The side panel for whatever is selected on the map: fetches its details and shows them.
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { queries } from "../../api/queries.ts";
import { DetailPanel } from "../../components/detail-panel.tsx";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { GridDetails } from "../../components/grid-details.tsx";
import { ProblemDetails } from "../../components/problem-details.tsx";
import { UnitDetails } from "../../components/unit-details.tsx";
import { type FeatureRef, useMapUi } from "../../state/map-ui.ts";
import { GridWork, UnitWork } from "./campaign-work.tsx";
import { ChoiceContent } from "./choice-content.tsx";

function useSelectedDetails(selection: FeatureRef) {
  const { id, kind } = selection;
  const grid = useQuery({ ...queries.grid(id), enabled: kind === "grid" });
  const problem = useQuery({ ...queries.problem(id), enabled: kind === "problem" });
  const unit = useQuery({ ...queries.unit(id), enabled: kind === "unit" });
  const result = { grid, problem, unit }[kind];
  let content: ReactNode = null;
  if (kind === "grid" && grid.data)
    content = (
      <>
        <GridDetails grid={grid.data.properties} />
        <GridWork gridId={id} />
      </>
    );
  if (kind === "problem" && problem.data)
    content = <ProblemDetails problem={problem.data.properties} />;
  if (kind === "unit" && unit.data)
    content = (
      <>
        <UnitDetails unit={unit.data.properties} />
        <UnitWork unitId={id} />
      </>
    );
  return { content, error: result.error, retry: () => void result.refetch() };
}

function SelectionContent({ selection }: { selection: FeatureRef }) {
  const { t } = useTranslation();
  const { content, error, retry } = useSelectedDetails(selection);
  if (error) return <ErrorBanner message={error.message} onRetry={retry} />;
  return content ?? <p className="muted">{t("panel.loading")}</p>;
}

export function SelectionPanel() {
  const { t } = useTranslation();
  const selection = useMapUi((state) => state.selection);
  const select = useMapUi((state) => state.select);
  if (!selection) return null;
  if (selection.kind === "choice") {
    return (
      <DetailPanel
        heading={t("choice.heading", { count: selection.candidates.length })}
        onClose={() => select(null)}
      >
        <ChoiceContent choice={selection} />
      </DetailPanel>
    );
  }
  return (
    <DetailPanel heading={t(`${selection.kind}.heading`)} onClose={() => select(null)}>
      <SelectionContent key={`${selection.kind}-${selection.id}`} selection={selection} />
    </DetailPanel>
  );
}
