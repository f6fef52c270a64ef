// The problems of the clicked hexagon or cluster: what they are, whose, how far along.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import {
  type AnalyticsFilters,
  analyticsQueries,
  type CellSelection,
} from "../../api/analytics.ts";
import { errorText } from "../../api/client.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { Link } from "../../components/link.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { formatPoints } from "../../format.ts";

interface Props {
  selection: CellSelection;
  filters: AnalyticsFilters;
  onClose: () => void;
}

export function CellProblems({ selection, filters, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const problems = useQuery(analyticsQueries.cellProblems(selection, filters));
  const list = problems.data;
  return (
    <section className="cell-problems" aria-label={selection.label}>
      <div className="panel-head">
        <h3>{selection.label}</h3>
        <button type="button" className="link-button" onClick={onClose}>
          {t("leader.close")}
        </button>
      </div>
      {problems.error && <ErrorBanner message={errorText(problems.error)} />}
      {list && list.numberMatched > list.numberReturned && (
        <p className="form-note">
          {t("leader.firstOf", { shown: list.numberReturned, total: list.numberMatched })}
        </p>
      )}
      <ul className="cell-problem-list">
        {list?.features.map(({ properties: p }) => (
          <li key={p.id}>
            <Link to={`/problems/${p.id}`}>{p.description}</Link>
            <div className="cell-problem-facts">
              <StatusBadge status={p.status} />
              {p.overdue && <span className="tag overdue">{t("leader.overdue")}</span>}
              <span>{p.unitName ?? t("leader.noUnit")}</span>
              {p.itemTitle && <span>{p.itemTitle}</span>}
              <span>
                {t("leader.deduction", { points: formatPoints(p.deduction, i18n.language) })}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
