// The campaign's current phase in the header, e.g. "创建实施阶段"; its dates and the campaign on hover.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { taskQueries } from "../api/tasks.ts";

export function CurrentPhase() {
  const { t } = useTranslation();
  const { data } = useQuery(taskQueries.currentCampaign());
  const campaign = data?.campaign;
  if (!campaign) return null;
  const phase = campaign.phases.find((p) => p.phase === campaign.currentPhase);
  return (
    <span
      className="current-phase"
      title={`${campaign.name}${phase ? ` ${phase.startsOn} ~ ${phase.endsOn}` : ""}`}
    >
      {phase
        ? t("tasks.currentPhase", { phase: t(`phase.${phase.phase}`) })
        : t("tasks.noCurrentPhase")}
    </span>
  );
}
