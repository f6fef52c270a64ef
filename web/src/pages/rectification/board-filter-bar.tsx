// The board list's filters: status, overdue only, source, and the order.
import { useTranslation } from "react-i18next";
import type { ProblemSource, ProblemStatus } from "../../api/types.ts";
import { type BoardFilters, problemSources, problemStatuses } from "./board-filters.ts";

interface Props {
  filters: BoardFilters;
  onChange: (next: Partial<BoardFilters>) => void;
}

export function BoardFilterBar({ filters, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="filters">
      <select
        aria-label={t("problem.status")}
        value={filters.status ?? ""}
        onChange={(event) =>
          onChange({ status: (event.target.value || undefined) as ProblemStatus | undefined })
        }
      >
        <option value="">{t("rectification.allStatuses")}</option>
        {problemStatuses.map((status) => (
          <option key={status} value={status}>
            {t(`status.${status}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t("problem.source")}
        value={filters.source ?? ""}
        onChange={(event) =>
          onChange({ source: (event.target.value || undefined) as ProblemSource | undefined })
        }
      >
        <option value="">{t("rectification.allSources")}</option>
        {problemSources.map((source) => (
          <option key={source} value={source}>
            {t(`source.${source}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t("rectification.sort")}
        value={filters.sort}
        onChange={(event) => onChange({ sort: event.target.value as BoardFilters["sort"] })}
      >
        <option value="urgency">{t("rectification.sortUrgency")}</option>
        <option value="newest">{t("rectification.sortNewest")}</option>
      </select>
      <label className="check">
        <input
          type="checkbox"
          checked={filters.overdue}
          onChange={(event) => onChange({ overdue: event.target.checked })}
        />
        {t("rectification.overdueOnly")}
      </label>
    </div>
  );
}
