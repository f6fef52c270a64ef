// The notice (通报): units or grids ranked by points lost over a period, with open and overdue
// problems, on-time and rework rates, the commended (流动红旗) and the criticised; XLSX download.
import { type UnitKind, unitKinds } from "@civgrid/geo";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors } from "../../api/client.ts";
import { noticeUrl, type RankingQuery, rankingQueries } from "../../api/rankings.ts";
import { DateRange } from "../../components/date-range.tsx";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { FilterSelect } from "../../components/filter-select.tsx";
import { PageHead } from "../../components/page-head.tsx";
import { EscalationRanking } from "../../notifications/escalation.tsx";
import { useCategories } from "../leader/leader-filters.tsx";
import { RankingTable } from "./ranking-table.tsx";

export function RankingsPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<RankingQuery>({ by: "unit" });
  const categories = useCategories();
  // The kinds of unit are the locale's unitKind words, so none is named twice.
  const ranking = useQuery(rankingQueries.ranking(query));
  const fields = fieldErrors(ranking.error);
  const data = ranking.data;
  // Dates the API settled on (the last 30 days when none were picked).
  const from = query.from ?? data?.period.from ?? "";
  const to = query.to ?? data?.period.to ?? "";

  return (
    <div className="page rankings-page">
      <PageHead
        heading={t("rankings.heading")}
        download={{ href: noticeUrl({ ...query, from, to }), label: t("rankings.download") }}
      />
      <div className="filters">
        <select
          aria-label={t("rankings.by")}
          value={query.by}
          onChange={(event) => {
            const by = event.target.value as RankingQuery["by"];
            setQuery({ ...query, by, ...(by === "grid" && { unitKind: undefined }) });
          }}
        >
          <option value="unit">{t("rankings.byUnit")}</option>
          <option value="grid">{t("rankings.byGrid")}</option>
        </select>
        <FilterSelect
          label={t("leader.category")}
          value={query.categoryId}
          all={t("leader.allCategories")}
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
          onChange={(value) => setQuery({ ...query, categoryId: Number(value) || undefined })}
        />
        {query.by === "unit" && (
          <FilterSelect
            label={t("rankings.unitKind")}
            value={query.unitKind}
            all={t("rankings.allUnitKinds")}
            options={unitKinds.map((kind) => ({ value: kind, label: t(`unitKind.${kind}`) }))}
            onChange={(value) => setQuery({ ...query, unitKind: value as UnitKind | undefined })}
          />
        )}
        <DateRange
          labels={[t("rankings.from"), t("rankings.to")]}
          from={from}
          to={to}
          onChange={(change) => setQuery({ ...query, ...change })}
        />
      </div>
      {ranking.error && (
        <ErrorBanner message={[ranking.error.message, ...Object.values(fields)].join(" ")} />
      )}
      {data && (
        <div className="ranking-verdicts">
          <p className="commended">
            {t("rankings.commendedValue", {
              name: data.commended?.name ?? t("rankings.nobody"),
            })}
          </p>
          <p className="criticised">
            {t("rankings.criticisedValue", {
              names: data.criticised.length
                ? data.criticised.map((row) => row.name).join(t("rankings.separator"))
                : t("rankings.nobody"),
            })}
          </p>
        </div>
      )}
      <RankingTable ranking={data} loading={ranking.isPending} />
      <EscalationRanking />
      {data && (
        <p className="form-note">{t("rankings.ratesNote", { count: data.minProblemsForRates })}</p>
      )}
    </div>
  );
}
