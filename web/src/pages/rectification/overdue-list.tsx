// The board's overdue problems, most late first: each says by how many days, whose it is, and
// opens the problem.
import { useTranslation } from "react-i18next";
import type { OverdueProblem } from "../../api/problems.ts";
import { Link } from "../../components/link.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { EscalationBadge } from "../../notifications/escalation.tsx";

/** Room for the worst few; the whole list is one filter away. */
const shown = 8;

interface Props {
  overdue: readonly OverdueProblem[];
  total: number;
  onShowAll: () => void;
}

export function OverdueList({ overdue, total, onShowAll }: Props) {
  const { t } = useTranslation();
  return (
    <section className="overdue-list" aria-label={t("rectification.overdueHeading")}>
      <h3>{t("rectification.overdueHeading")}</h3>
      {overdue.length === 0 && <p className="muted">{t("rectification.noOverdue")}</p>}
      <ol>
        {overdue.slice(0, shown).map((problem) => (
          <li key={problem.id}>
            <Link to={`/problems/${problem.id}`}>
              <span className="late-days">
                {t("rectification.daysOverdue", { count: problem.daysOverdue })}
              </span>
              <span className="overdue-text">{problem.description}</span>
              <span className="overdue-meta">
                <StatusBadge status={problem.status} />
                {problem.unitName ?? t("rectification.noUnit")}
                {problem.gridCode && <span className="code">{problem.gridCode}</span>}
                <EscalationBadge problemId={problem.id} />
              </span>
            </Link>
          </li>
        ))}
      </ol>
      {total > shown && (
        <button type="button" onClick={onShowAll}>
          {t("rectification.allOverdue", { count: total })}
        </button>
      )}
    </section>
  );
}
