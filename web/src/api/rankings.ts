// Rankings and the notice (通报): points lost and rectification per unit or grid over a period.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { getJson, queryString } from "./client.ts";

export interface RankingQuery {
  by: "unit" | "grid";
  /** YYYY-MM-DD, both days included; the API defaults to the last 30 days. */
  from?: string | undefined;
  to?: string | undefined;
  /** Narrow to one category of the standard, or one kind of unit; the notice's title names them. */
  categoryId?: number | undefined;
  unitKind?: string | undefined;
}

export interface RankingRow {
  id: number;
  name: string;
  pointsLost: number;
  problems: number;
  open: number;
  overdue: number;
  closed: number;
  closedOnTime: number;
  /** null below `minProblemsForRates` problems in the period. */
  onTimeRate: number | null;
  reworkRate: number | null;
  taskOnTimeRate: number | null;
  materialRate: number | null;
  /** 1 = the best: fewest points lost, then fewest overdue. */
  rank: number;
}

export interface Ranking {
  by: "unit" | "grid";
  period: { from: string; to: string };
  minProblemsForRates: number;
  rows: RankingRow[];
  /** 流动红旗 */
  commended: RankingRow | null;
  criticised: RankingRow[];
}

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
