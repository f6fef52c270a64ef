// The trends panel: the weekly chart for everything filtered, or small charts for the units or
// grids that lost the most points.
import { useQuery } from "@tanstack/react-query";
import { type RefObject, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AnalyticsFilters, analyticsQueries, type Trends } from "../../api/analytics.ts";
import { errorText } from "../../api/client.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { Options } from "../../components/options.tsx";
import { TrendChart } from "./trend-chart.tsx";

const SMALL_CHARTS = 6;

interface Props {
  filters: AnalyticsFilters;
  /** Holds the first chart, which the printed notice copies. */
  chartRef: RefObject<HTMLDivElement | null>;
}

export function LeaderTrends({ filters, chartRef }: Props) {
  const { t } = useTranslation();
  const [by, setBy] = useState<Trends["by"]>("city");
  const trends = useQuery(analyticsQueries.trends(by, filters));
  const series = trends.data?.series.slice(0, by === "city" ? 1 : SMALL_CHARTS) ?? [];
  return (
    <section className="leader-trends" aria-label={t("leader.trendsHeading")}>
      <div className="panel-head">
        <h3>{t("leader.trendsHeading")}</h3>
        <select
          aria-label={t("leader.trendBy")}
          value={by}
          onChange={(e) => setBy(e.target.value as Trends["by"])}
        >
          <Options
            items={["city", "unit", "grid"] as const}
            label={(b) => t(`leader.trendByValue.${b}`)}
          />
        </select>
      </div>
      {trends.error && <ErrorBanner message={errorText(trends.error)} />}
      <div ref={chartRef} className={by === "city" ? "trend-charts" : "trend-charts small"}>
        {series.map((s) => (
          <TrendChart
            key={s.id}
            title={by === "city" ? t("leader.trendCity") : s.name}
            weeks={s.weeks}
            width={by === "city" ? 640 : 420}
            height={by === "city" ? 240 : 180}
          />
        ))}
        {trends.data && series.length === 0 && <p className="form-note">{t("rankings.none")}</p>}
      </div>
    </section>
  );
}
