// The loop's own pages (issue 15): 我的上报 for volunteers and grid leaders (its read is one of the
// patrol area's first, in area-queries.ts), and a citizen's lookup of a report by its number (no
// account).
import { queryOptions } from "@tanstack/react-query";
import { getJson } from "./client.ts";
import type { Schemas } from "./types.ts";

/** One of my reports: its number, where it stands, and the latest step someone took. */
export type MyReport = Schemas["MyReport"];
/** A citizen's report as anyone with its number may see it: nothing private. */
export type PublicReport = Schemas["PublicReport"];

export const reportQueries = {
  lookup: (number: number) =>
    queryOptions({
      queryKey: ["public-report", number],
      queryFn: () => getJson<PublicReport>(`/api/public/reports/${number}`),
      retry: false,
    }),
};
