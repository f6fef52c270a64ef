// What an assignment says: who, status, progress, note, return reason, reminders, evidence.
import { useTranslation } from "react-i18next";
import type { Assignment } from "../../api/tasks.ts";

export function AssignmentFacts({ assignment: a }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const state = a.overdue ? "overdue" : a.status;
  return (
    <dl className="facts">
      <dt>{t("tasks.assignee")}</dt>
      <dd>{a.unitName ?? a.gridName}</dd>
      <dt>{t("tasks.status")}</dt>
      <dd>
        <span className={`task-state cell-${state}`}>{t(`tasks.cell.${state}`)}</span>
        {a.status !== "done" && ` ${a.progress}%`}
        {a.doneLate && ` · ${t("tasks.doneLate")}`}
      </dd>
      {a.note && (
        <>
          <dt>{t("tasks.note")}</dt>
          <dd>{a.note}</dd>
        </>
      )}
      {a.returnReason && (
        <>
          <dt>{t("tasks.returnReason")}</dt>
          <dd className="return-reason">{a.returnReason}</dd>
        </>
      )}
      {a.remindCount > 0 && (
        <>
          <dt>{t("tasks.reminded")}</dt>
          <dd>
            {t("tasks.remindedTimes", { count: a.remindCount })} ·{" "}
            {a.remindedAt?.slice(0, 16).replace("T", " ")}
          </dd>
        </>
      )}
      {a.evidence.length > 0 && (
        <>
          <dt>{t("tasks.evidence")}</dt>
          <dd>
            {a.evidence.map((e) => (
              <a key={e.id} href={e.url} target="_blank" rel="noreferrer" className="evidence-link">
                {e.name}
              </a>
            ))}
          </dd>
        </>
      )}
    </dl>
  );
}
