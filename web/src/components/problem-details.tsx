// One problem: what is wrong, who must rectify it by when, and what has happened so far.
import { useTranslation } from "react-i18next";
import type { ProblemDetailProperties, ProblemProperties } from "../api/types.ts";
import { formatDateTime, formatPoints } from "../format.ts";
import { Field, Fields } from "./fields.tsx";
import { Link } from "./link.tsx";
import { PhoneLink } from "./phone-link.tsx";
import { StatusBadge } from "./status-badge.tsx";
import { StatusTimeline } from "./status-timeline.tsx";
import { waitedFor } from "./waited-for.ts";

export function ProblemDetails({ problem }: { problem: ProblemDetailProperties }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="description">{problem.description}</p>
      <ProblemFacts problem={problem} />
      <p>
        <Link to={`/problems/${problem.id}`}>{t("rectification.openPage")}</Link>
      </p>
      <h3>{t("problem.history")}</h3>
      <StatusTimeline events={problem.events} escalations={problem.escalations} />
    </>
  );
}

/** Status, place, who, by when, and how many points it cost. */
export function ProblemFacts({
  problem,
}: {
  problem: ProblemProperties & { reporterPhone?: string | null };
}) {
  const { t, i18n } = useTranslation();
  const none = t("panel.none");
  const item = [problem.itemCode, problem.itemTitle].filter(Boolean).join(" ");
  return (
    <Fields>
      <Field label={t("problem.status")}>
        <StatusBadge status={problem.status} />
      </Field>
      <Field label={t("problem.severity")}>{t(`severity.${problem.severity}`)}</Field>
      <Field label={t("problem.source")}>{t(`source.${problem.source}`)}</Field>
      <Field label={t("problem.grid")}>
        <span className="code">{problem.gridCode ?? none}</span>
        {problem.routedToNearest && (
          <span className="overdue-tag">{t("problem.routedToNearest")}</span>
        )}
      </Field>
      <Field label={t("problem.unit")}>{problem.unitName ?? none}</Field>
      {item && <Field label={t("problem.item")}>{item}</Field>}
      <Field label={t("problem.deadline")}>
        {problem.deadline ? (
          <span className={problem.overdue ? "overdue" : undefined}>
            {formatDateTime(problem.deadline, i18n.language)}
            {problem.overdue && <span className="overdue-tag">{t("problem.overdue")}</span>}
          </span>
        ) : problem.awaitingSince ? (
          `${t("loop.awaitingHeading")} · ${waitedFor(problem.awaitingSince, t)}`
        ) : (
          none
        )}
      </Field>
      {problem.duplicateOf && (
        <Field label={t("loop.duplicateOf")}>
          <Link to={`/problems/${problem.duplicateOf}`}>#{problem.duplicateOf}</Link>
        </Field>
      )}
      <Field label={t("problem.pointsLost")}>
        {t("problem.pointsValue", { value: formatPoints(problem.deduction, i18n.language) })}
      </Field>
      <Field label={t("problem.reportedAt")}>
        {formatDateTime(problem.reportedAt, i18n.language)}
      </Field>
      {"reporterPhone" in problem && problem.reporterPhone && (
        <Field label={t("problem.reporterPhone")}>
          <PhoneLink number={problem.reporterPhone} />
        </Field>
      )}
    </Fields>
  );
}
