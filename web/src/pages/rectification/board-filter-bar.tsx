// The board list's filters: status, overdue only, source, and the order.
import { useTranslation } from "react-i18next";
import type { ProblemSource, ProblemStatus } from "../../api/types.ts";
import { FilterSelect } from "../../components/filter-select.tsx";
import { type BoardFilters, problemSources, problemStatuses } from "./board-filters.ts";

interface Props {
  filters: BoardFilters;
  onChange: (next: Partial<BoardFilters>) => void;
}

export function BoardFilterBar({ filters, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="filters">
      <FilterSelect
        label={t("problem.status")}
        value={filters.status}
        all={t("rectification.allStatuses")}
        options={problemStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        onChange={(status) => onChange({ status: status as ProblemStatus | undefined })}
      />
      <FilterSelect
        label={t("problem.source")}
        value={filters.source}
        all={t("rectification.allSources")}
        options={problemSources.map((source) => ({ value: source, label: t(`source.${source}`) }))}
        onChange={(source) => onChange({ source: source as ProblemSource | undefined })}
      />
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
