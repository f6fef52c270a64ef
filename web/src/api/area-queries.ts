// The patrol area's first reads (the area, the week's patrols, my reports), apart from the rest of
// volunteers.ts: the entry script asks for them before React draws (early-reads.ts), and the rest
// of the volunteer's API stays out of the first paint's bytes (issue 22's 150 KB budget).
import { queryOptions } from "@tanstack/react-query";
import { getJson } from "./client.ts";
import { firstReads } from "./first-reads.ts";
import type { Answer } from "./types.ts";
import type { MyArea, Patrol } from "./volunteers.ts";

export const areaApi = {
  myArea: () => getJson<MyArea>(firstReads.myArea),
  patrols: () => getJson<{ features: Patrol[] }>(firstReads.patrols),
  myReports: () => getJson<Answer<"/api/my-reports">>(firstReads.myReports),
};

/**
 * How long an answer stands without being asked again when a page mounts with it: the page that
 * opens right after the entry script's early reads uses their answers instead of reading the same
 * again (changes the volunteer makes refresh them at once: use-report-queue.ts, use-patrol.ts).
 */
const staleTime = 30_000;

export const areaQueries = {
  myArea: () => queryOptions({ queryKey: ["my-area"], queryFn: areaApi.myArea, staleTime }),
  patrols: () => queryOptions({ queryKey: ["patrols"], queryFn: areaApi.patrols, staleTime }),
  /** 我的上报: the problems I reported, newest first. */
  myReports: () =>
    queryOptions({ queryKey: ["my-reports"], queryFn: areaApi.myReports, staleTime }),
};
