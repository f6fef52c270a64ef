// Rankings and the notice (通报): points lost and rectification per unit or grid over a period.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { getJson, queryString } from "./client.ts";
import type { Query, Schemas } from "./types.ts";

/** Days are YYYY-MM-DD, both included; the API defaults to the last 30 days. */
export type RankingQuery = Query<"/api/analytics/rankings"> & { by: "unit" | "grid" };
export type Ranking = Schemas["Ranking"];
/** rank 1 = the best: fewest points lost, then fewest overdue; rates null below minProblemsForRates. */
export type RankingRow = Schemas["RankingRow"];

export const rankingQueries = {
  ranking: (query: RankingQuery) =>
    queryOptions({
      queryKey: ["rankings", query],
      queryFn: () => getJson<Ranking>(`/api/analytics/rankings${queryString({ ...query })}`),
      placeholderData: keepPreviousData,
    }),
};

/** The notice as an XLSX download (a plain link: the session cookie goes with it). */
export const noticeUrl = (query: RankingQuery) =>
  `/api/analytics/rankings/notice${queryString({ ...query })}`;
