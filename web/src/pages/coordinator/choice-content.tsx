// The choice between stacked markers, described from the lists already in the query cache.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { queries } from "../../api/queries.ts";
import { type ChoiceEntry, ChoiceList } from "../../components/choice-list.tsx";
import { type Choice, type FeatureRef, useMapUi } from "../../state/map-ui.ts";

export function ChoiceContent({ choice }: { choice: Choice }) {
  const { t } = useTranslation();
  const select = useMapUi((state) => state.select);
  const problems = useQuery(queries.problems()).data;
  const units = useQuery(queries.units()).data;
  const problemById = new Map(problems?.features.map((f) => [f.properties.id, f.properties]));
  const unitById = new Map(units?.features.map((f) => [f.properties.id, f.properties]));

  const entries = choice.candidates.map((ref): ChoiceEntry<FeatureRef> => {
    const key = `${ref.kind}-${ref.id}`;
    if (ref.kind === "unit") {
      const unit = unitById.get(ref.id);
      const kind = unit ? t(`unitKind.${unit.kind}`) : undefined;
      return { key, target: ref, title: unit?.name ?? `#${ref.id}`, detail: kind };
    }
    const problem = problemById.get(ref.id);
    return {
      key,
      target: ref,
      title: problem?.description ?? `#${ref.id}`,
      status: problem?.status,
      overdue: problem?.overdue,
      detail: problem?.gridCode ?? undefined,
    };
  });

  return <ChoiceList entries={entries} overdueLabel={t("problem.overdue")} onPick={select} />;
}
