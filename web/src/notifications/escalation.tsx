// 督办 on the board and in the rankings: the level an overdue problem has climbed to, and how many
// escalations each unit has had (GET /api/escalation-steps/levels; refreshed live on changes).
import "./notifications.css";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { request } from "../api/client.ts";
import { DataTable } from "../components/data-table.tsx";

interface Levels {
  problems: { problemId: number; level: number; workingDaysOverdue: number }[];
  units: { unitId: number; unitName: string; escalations: number; highest: number }[];
}

const levelsQuery = () =>
  queryOptions({
    queryKey: ["escalations"],
    queryFn: () => request<Levels>("GET", "/api/escalation-steps/levels"),
    staleTime: 60_000,
  });

/** "督办 2 级" beside a problem that has been escalated; nothing otherwise. */
export function EscalationBadge({ problemId }: { problemId: number }) {
  const { t } = useTranslation();
  const levels = useQuery(levelsQuery());
  const level = levels.data?.problems.find((p) => p.problemId === problemId)?.level;
  if (!level) return null;
  return <span className="escalation-badge">{t("notifications.escalationLevel", { level })}</span>;
}

/** Each unit's escalations, most first: the 督办 part of the notice. */
export function EscalationRanking() {
  const { t } = useTranslation();
  const levels = useQuery(levelsQuery());
  if (!levels.data?.units.length) return null;
  return (
    <section className="escalation-ranking">
      <h3>{t("notifications.escalationHeading")}</h3>
      <DataTable
        headings={["escalationUnit", "escalationCount", "escalationHighest"].map((key) =>
          t(`notifications.${key}`),
        )}
      >
        {levels.data.units.map((u) => (
          <tr key={u.unitId}>
            <td>{u.unitName}</td>
            <td>{u.escalations}</td>
            <td>{t("notifications.escalationLevel", { level: u.highest })}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
