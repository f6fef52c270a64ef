// The loop's own pages (issue 15): 我的上报 for volunteers and grid leaders, and a citizen's
// lookup of a report by its number (no account).
import { queryOptions } from "@tanstack/react-query";
import { getJson, queryString } from "./client.ts";
import type { ProblemPhoto, ProblemStatus } from "./types.ts";

/** One of my reports: its number, where it stands, and the latest step someone took. */
export interface MyReport {
  id: number;
  status: ProblemStatus;
  description: string;
  gridCode: string | null;
  unitName: string | null;
  reportedAt: string;
  latestStep: { action: string; at: string; note: string | null };
}

/** A citizen's report as anyone with its number may see it: nothing private. */
export interface PublicReport {
  number: number;
  status: ProblemStatus;
  category: string | null;
  reportedAt: string;
  updatedAt: string;
  steps: { action: string; at: string }[];
  photos: ProblemPhoto[];
}

export const reportQueries = {
  mine: () =>
    queryOptions({
      queryKey: ["my-reports"],
      queryFn: () =>
        getJson<{ reports: MyReport[]; total: number }>(
          `/api/my-reports${queryString({ limit: 20 })}`,
        ),
    }),
  lookup: (number: number) =>
    queryOptions({
      queryKey: ["public-report", number],
      queryFn: () => getJson<PublicReport>(`/api/public/reports/${number}`),
      retry: false,
    }),
};
