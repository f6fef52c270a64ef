// The patrol area's two reads, apart from the rest of volunteers.ts: the entry script asks for
// them before React draws (early-reads.ts), and the rest of the volunteer's API stays out of the
// first paint's bytes (issue 22's 150 KB budget).
import { queryOptions } from "@tanstack/react-query";
import { getJson, queryString } from "./client.ts";
import type { MyArea, Patrol } from "./volunteers.ts";

export const areaApi = {
  myArea: () => getJson<MyArea>("/api/my-area"),
  patrols: (gridId?: number) =>
    getJson<{ features: Patrol[] }>(`/api/patrols${queryString({ gridId, limit: 200 })}`),
};

export const areaQueries = {
  myArea: () => queryOptions({ queryKey: ["my-area"], queryFn: areaApi.myArea }),
  patrols: (gridId?: number) =>
    queryOptions({ queryKey: ["patrols", gridId], queryFn: () => areaApi.patrols(gridId) }),
};
