// The leaders' view (领导看板), one screen: where problems cluster (hexagons or hotspots on the
// map, filterable, click to list), who loses points (the ranking, click to show on the map),
// weekly trends, and the notice (通报) to export.
import type { SearchHit } from "@civgrid/geo";
import { useQuery } from "@tanstack/react-query";
import type { Map as MapLibreMap } from "maplibre-gl";
import { lazy, useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AnalyticsFilters, CellSelection } from "../../api/analytics.ts";
import { errorText, fieldErrors } from "../../api/client.ts";
import { queries } from "../../api/queries.ts";
import { type RankingRow, rankingQueries } from "../../api/rankings.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { LazyPart } from "../../components/page-error-boundary.tsx";
import { PageHead } from "../../components/page-head.tsx";
import { navigate } from "../../router.ts";
import { RankingTable } from "../rankings/ranking-table.tsx";
import { CellProblems } from "./cell-problems.tsx";
import type { MapMode, Metric } from "./hotspot-map.tsx";
import { LeaderFilters } from "./leader-filters.tsx";
import { LeaderTrends } from "./leader-trends.tsx";
import { NoticeExport } from "./notice-export.tsx";

// The hotspot map (its layers, data hooks, turf) loads after the filters and the ranking are
// drawn; maplibre follows it (issue 22: what a page needs before its first paint).
const HotspotMap = lazy(() => import("./hotspot-map.tsx").then((m) => ({ default: m.HotspotMap })));

export function LeaderPage({ basemapUrl }: { basemapUrl: string | null | undefined }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AnalyticsFilters>({});
  const [mode, setMode] = useState<MapMode>("hexagons");
  const [metric, setMetric] = useState<Metric>("count");
  const [selection, setSelection] = useState<CellSelection | null>(null);
  const [rankBy, setRankBy] = useState<"unit" | "grid">("unit");
  const [fitRequest, setFitRequest] = useState(0);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const chartRef = useRef<HTMLDivElement>(null);
  const config = useQuery(queries.config());
  const ranking = useQuery(
    rankingQueries.ranking({ by: rankBy, from: filters.from, to: filters.to }),
  );
  const onSelect = useCallback((s: CellSelection | null) => setSelection(s), []);
  const onMap = useCallback((m: MapLibreMap | null) => setMap(m), []);

  const showOnMap = (row: RankingRow) => {
    setFilters({
      ...filters,
      unitId: rankBy === "unit" ? row.id : undefined,
      gridId: rankBy === "grid" ? row.id : undefined,
    });
    setSelection(null);
    setFitRequest((n) => n + 1);
  };
  // a unit or grid found by the search shows its problems, as a ranking row does; a problem opens
  const onSearchChoose = (hit: SearchHit) => {
    if (hit.kind === "problem") return navigate(`/problems/${hit.id}`);
    if (hit.kind !== "unit" && hit.kind !== "grid") return;
    setFilters({
      ...filters,
      unitId: hit.kind === "unit" ? hit.id : undefined,
      gridId: hit.kind === "grid" ? hit.id : undefined,
    });
    setSelection(null);
  };
  const shown = filters.unitId ?? filters.gridId;
  const shownName = ranking.data?.rows.find((r) => r.id === shown)?.name;

  return (
    <div className="page leader-page">
      <PageHead heading={t("leader.heading")}>
        <NoticeExport
          map={map}
          ranking={ranking.data}
          chartRef={chartRef}
          cityName={config.data?.city.name ?? ""}
        />
      </PageHead>
      <LeaderFilters
        filters={filters}
        period={ranking.data?.period}
        onFilters={(f) => {
          setFilters(f);
          setSelection(null);
        }}
        mode={mode}
        onMode={setMode}
        metric={metric}
        onMetric={setMetric}
        fieldErrors={fieldErrors(ranking.error)}
      />
      {filters.gridId !== undefined && (
        <p className="showing">
          {t("leader.showingGrid", { name: shownName ?? filters.gridId })}
          <button
            type="button"
            className="link-button"
            onClick={() => setFilters({ ...filters, gridId: undefined })}
          >
            {t("leader.showAll")}
          </button>
        </p>
      )}
      <div className="leader-grid">
        <LazyPart
          fallback={
            <div className="leader-map-wrap">
              <div className="leader-map" />
            </div>
          }
        >
          <HotspotMap
            basemapUrl={basemapUrl}
            filters={filters}
            mode={mode}
            metric={metric}
            onSelect={onSelect}
            onMap={onMap}
            fitRequest={fitRequest}
            onSearchChoose={onSearchChoose}
          />
        </LazyPart>
        <div className="leader-side">
          {selection ? (
            <CellProblems
              selection={selection}
              filters={filters}
              onClose={() => setSelection(null)}
            />
          ) : (
            <section aria-label={t("leader.rankingHeading")}>
              <div className="panel-head">
                <h3>{t("leader.rankingHeading")}</h3>
                <select
                  aria-label={t("rankings.by")}
                  value={rankBy}
                  onChange={(e) => setRankBy(e.target.value as "unit" | "grid")}
                >
                  <option value="unit">{t("rankings.byUnit")}</option>
                  <option value="grid">{t("rankings.byGrid")}</option>
                </select>
              </div>
              {ranking.data && (
                <p className="ranking-verdicts-line">
                  <span className="commended">
                    {t("rankings.commendedValue", {
                      name: ranking.data.commended?.name ?? t("rankings.nobody"),
                    })}
                  </span>
                  <span className="criticised">
                    {t("rankings.criticisedValue", {
                      names:
                        ranking.data.criticised.map((r) => r.name).join(t("rankings.separator")) ||
                        t("rankings.nobody"),
                    })}
                  </span>
                </p>
              )}
              {ranking.error && <ErrorBanner message={errorText(ranking.error)} />}
              <RankingTable
                ranking={ranking.data}
                loading={ranking.isPending}
                selectedId={shown}
                onSelect={showOnMap}
              />
              <p className="form-note">{t("leader.rankingHint")}</p>
            </section>
          )}
        </div>
      </div>
      <LeaderTrends filters={filters} chartRef={chartRef} />
    </div>
  );
}
