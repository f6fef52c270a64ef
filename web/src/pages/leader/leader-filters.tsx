// The leaders' filters: period, category of the standard, status and responsible unit; the map's
// mode (hexagons or clusters) and what colours it (count or points lost).
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { AnalyticsFilters } from "../../api/analytics.ts";
import { queries } from "../../api/queries.ts";
import { useActiveStandards } from "../../api/standards.ts";
import type { ProblemStatus } from "../../api/types.ts";
import { DateRange } from "../../components/date-range.tsx";
import { FilterSelect } from "../../components/filter-select.tsx";
import { ToggleGroup } from "../../components/toggle-group.tsx";
import type { MapMode, Metric } from "./hotspot-map.tsx";

export const statusGroups: Record<string, ProblemStatus[]> = {
  open: ["reported", "dispatched", "rectifying", "submitted", "returned", "sent_back"],
  closed: ["closed"],
  ledger: ["ledger"],
};

interface Props {
  filters: AnalyticsFilters;
  period: { from: string; to: string } | undefined;
  onFilters: (filters: AnalyticsFilters) => void;
  mode: MapMode;
  onMode: (mode: MapMode) => void;
  metric: Metric;
  onMetric: (metric: Metric) => void;
  fieldErrors: Record<string, string>;
}

export function LeaderFilters(props: Props) {
  const { filters, period, onFilters, mode, onMode, metric, onMetric, fieldErrors } = props;
  const { t } = useTranslation();
  const units = useQuery(queries.units());
  const categories = useCategories();
  const set = (patch: Partial<AnalyticsFilters>) => onFilters({ ...filters, ...patch });
  const group =
    Object.entries(statusGroups).find(([, s]) => s.join() === filters.status?.join())?.[0] ?? "";
  const number = (value: string | undefined) => (value ? Number(value) : undefined);
  return (
    <div className="filters leader-filters">
      <DateRange
        labels={[t("rankings.from"), t("rankings.to")]}
        from={filters.from ?? period?.from ?? ""}
        to={filters.to ?? period?.to ?? ""}
        onChange={set}
      />
      <FilterSelect
        label={t("leader.category")}
        value={filters.categoryId}
        all={t("leader.allCategories")}
        options={categories.map((c) => ({ value: c.id, label: c.name }))}
        onChange={(value) => set({ categoryId: number(value) })}
      />
      <FilterSelect
        label={t("leader.status")}
        value={group}
        all={t("leader.allStatuses")}
        options={Object.keys(statusGroups).map((key) => ({
          value: key,
          label: t(`leader.statusGroup.${key}`),
        }))}
        onChange={(value) => set({ status: statusGroups[value ?? ""] })}
      />
      <FilterSelect
        label={t("leader.unit")}
        value={filters.unitId}
        all={t("leader.allUnits")}
        options={(units.data?.features ?? []).map((u) => ({
          value: u.id,
          label: u.properties.name,
        }))}
        onChange={(value) => set({ unitId: number(value), gridId: undefined })}
      />
      <ToggleGroup
        label={t("leader.mode")}
        choices={["hexagons", "clusters"] as const}
        labelOf={(m) => t(`leader.modes.${m}`)}
        state={[mode, onMode]}
      />
      <ToggleGroup
        label={t("leader.metric")}
        choices={["count", "pointsLost"] as const}
        labelOf={(m) => t(`leader.metrics.${m}`)}
        state={[metric, onMetric]}
      />
      {Object.values(fieldErrors).length > 0 && (
        <p className="field-error">{Object.values(fieldErrors).join(" ")}</p>
      )}
    </div>
  );
}

/** The categories of the standards in force (hospital points, community points…). */
export function useCategories() {
  return useActiveStandards().flatMap((s) =>
    s.categories.map((c) => ({ id: c.id, name: `${s.name} · ${c.name}` })),
  );
}
