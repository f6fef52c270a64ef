// The loop's own pages (issue 15): 我的上报 for volunteers and grid leaders, and a citizen's
// lookup of a report by its number (no account).
import { queryOptions } from "@tanstack/react-query";
import { getJson, queryString } from "./client.ts";
import type { Answer, Schemas } from "./types.ts";

/** One of my reports: its number, where it stands, and the latest step someone took. */
export type MyReport = Schemas["MyReport"];
/** A citizen's report as anyone with its number may see it: nothing private. */
export type PublicReport = Schemas["PublicReport"];

export const reportQueries = {
  mine: () =>
    queryOptions({
      queryKey: ["my-reports"],
      queryFn: () =>
        getJson<Answer<"/api/my-reports">>(`/api/my-reports${queryString({ limit: 20 })}`),
    }),
  lookup: (number: number) =>
    queryOptions({
      queryKey: ["public-report", number],
      queryFn: () => getJson<PublicReport>(`/api/public/reports/${number}`),
      retry: false,
    }),
};
