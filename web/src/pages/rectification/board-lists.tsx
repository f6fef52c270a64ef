// The board's two short lists of problems, one component: the problems waiting for dispatch
// (待派发), the earliest reported first, each saying how long it has waited for the campaign
// office (never overdue, since no unit has them yet); and the overdue problems, most late first,
// each saying by how many days. Every row says whose the problem is and opens it.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { AwaitingProblem, OverdueProblem } from "../../api/problems.ts";
import { Link } from "../../components/link.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { waitedFor } from "../../components/waited-for.ts";
import { EscalationBadge } from "../../notifications/escalation.tsx";

/** Room for the worst few; the whole list is one filter away. */
const shown = 8;

interface ListProps<P extends AwaitingProblem | OverdueProblem> {
  className: string;
  heading: string;
  none: string;
  showAll: string;
  problems: readonly P[];
  total: number;
  onShowAll: () => void;
  /** What leads the row: how long it has waited, or how late it is. */
  lead: (problem: P) => ReactNode;
  textClassName?: string;
  /** What ends the row's details, after whose the problem is. */
  tail?: (problem: P) => ReactNode;
}

function BoardProblemList<P extends AwaitingProblem | OverdueProblem>(props: ListProps<P>) {
  const { t } = useTranslation();
  const { problems, total, ...rest } = props;
  return (
    <section className={rest.className} aria-label={rest.heading}>
      <h3>{rest.heading}</h3>
      {problems.length === 0 && <p className="muted">{rest.none}</p>}
      <ol>
        {problems.slice(0, shown).map((problem) => (
          <li key={problem.id}>
            <Link to={`/problems/${problem.id}`}>
              {rest.lead(problem)}
              <span className={rest.textClassName}>{problem.description}</span>
              <span className="overdue-meta">
                <StatusBadge status={problem.status} />
                {problem.unitName ?? t("rectification.noUnit")}
                {problem.gridCode && <span className="code">{problem.gridCode}</span>}
                {rest.tail?.(problem)}
              </span>
            </Link>
          </li>
        ))}
      </ol>
      {total > shown && (
        <button type="button" onClick={rest.onShowAll}>
          {rest.showAll}
        </button>
      )}
    </section>
  );
}

interface Props<P> {
  problems: readonly P[];
  total: number;
  onShowAll: () => void;
}

export function AwaitingList({ problems, total, onShowAll }: Props<AwaitingProblem>) {
  const { t } = useTranslation();
  return (
    <BoardProblemList
      className="overdue-list awaiting-list"
      heading={t("loop.awaitingHeading")}
      none={t("loop.awaitingNone")}
      showAll={t("loop.awaitingAll", { count: total })}
      problems={problems}
      total={total}
      onShowAll={onShowAll}
      lead={(problem) => <span className="waited">{waitedFor(problem.awaitingSince, t)}</span>}
    />
  );
}

export function OverdueList({ problems, total, onShowAll }: Props<OverdueProblem>) {
  const { t } = useTranslation();
  return (
    <BoardProblemList
      className="overdue-list"
      heading={t("rectification.overdueHeading")}
      none={t("rectification.noOverdue")}
      showAll={t("rectification.allOverdue", { count: total })}
      problems={problems}
      total={total}
      onShowAll={onShowAll}
      lead={(problem) => (
        <span className="late-days">
          {t("rectification.daysOverdue", { count: problem.daysOverdue })}
        </span>
      )}
      textClassName="overdue-text"
      tail={(problem) => <EscalationBadge problemId={problem.id} />}
    />
  );
}
