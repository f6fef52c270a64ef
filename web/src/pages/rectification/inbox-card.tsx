// One problem in a unit's inbox: status and deadline (red when overdue), what and where, and the
// unit's quick steps with their outcome right under them.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "../../api/auth.ts";
import type { StepAction } from "../../api/problems.ts";
import type { ProblemProperties } from "../../api/types.ts";
import { Link } from "../../components/link.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { formatDateTime } from "../../format.ts";
import { StepActions, type StepNotice, StepNoticeBanner } from "./step-actions.tsx";

const inboxSteps: readonly StepAction[] = ["start", "submit", "send_back", "request_extension"];
/** Starting needs nothing more than the tap. */
const quickSteps: readonly StepAction[] = ["start"];

export function InboxCard({ me, problem }: { me: Me; problem: ProblemProperties }) {
  const { t, i18n } = useTranslation();
  const [notice, setNotice] = useState<StepNotice | null>(null);
  return (
    <li className={problem.overdue ? "inbox-card overdue-card" : "inbox-card"}>
      <div className="inbox-card-head">
        <StatusBadge status={problem.status} />
        {problem.deadline && (
          <span className={problem.overdue ? "overdue" : "muted"}>
            {t("rectification.deadlineValue", {
              date: formatDateTime(problem.deadline, i18n.language),
            })}
          </span>
        )}
        {problem.overdue && <span className="overdue-tag">{t("problem.overdue")}</span>}
      </div>
      <Link to={`/problems/${problem.id}`} className="inbox-card-text">
        {problem.description}
      </Link>
      <div className="inbox-card-meta">
        {problem.itemCode && (
          <span>
            {problem.itemCode} {problem.itemTitle}
          </span>
        )}
        {problem.gridCode && <span className="code">{problem.gridCode}</span>}
      </div>
      <StepNoticeBanner notice={notice} />
      <StepActions
        me={me}
        problem={{ ...problem, extensionRequest: null }}
        only={inboxSteps}
        quick={quickSteps}
        onNotice={setNotice}
      />
    </li>
  );
}
