// The board's problems waiting for dispatch (待派发), the earliest reported first: never overdue,
// since no unit has them yet, but each says how long it has waited for the campaign office.
import { useTranslation } from "react-i18next";
import type { AwaitingProblem } from "../../api/problems.ts";
import { Link } from "../../components/link.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { waitedFor } from "../../components/waited-for.ts";

const shown = 8;
interface Props {
  awaiting: readonly AwaitingProblem[];
  total: number;
  onShowAll: () => void;
}

export function AwaitingList({ awaiting, total, onShowAll }: Props) {
  const { t } = useTranslation();
  return (
    <section className="overdue-list awaiting-list" aria-label={t("loop.awaitingHeading")}>
      <h3>{t("loop.awaitingHeading")}</h3>
      {awaiting.length === 0 && <p className="muted">{t("loop.awaitingNone")}</p>}
      <ol>
        {awaiting.slice(0, shown).map((problem) => (
          <li key={problem.id}>
            <Link to={`/problems/${problem.id}`}>
              <span className="waited">{waitedFor(problem.awaitingSince, t)}</span>
              <span>{problem.description}</span>
              <span className="overdue-meta">
                <StatusBadge status={problem.status} />
                {problem.unitName ?? t("rectification.noUnit")}
                {problem.gridCode && <span className="code">{problem.gridCode}</span>}
              </span>
            </Link>
          </li>
        ))}
      </ol>
      {total > shown && (
        <button type="button" onClick={onShowAll}>
          {t("loop.awaitingAll", { count: total })}
        </button>
      )}
    </section>
  );
}
