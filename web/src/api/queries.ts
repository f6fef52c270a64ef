// TanStack Query options per resource: the one place server data is keyed and fetched.
import { queryOptions } from "@tanstack/react-query";
import { api } from "./client.ts";

/** Map data changes only through edits elsewhere; a minute is fresh enough for the map page. */
const staleTime = 60_000;

export const queries = {
  config: () => queryOptions({ queryKey: ["config"], queryFn: api.config, staleTime: Infinity }),
  cityOutline: () =>
    queryOptions({ queryKey: ["regions", "city"], queryFn: () => api.regions("city"), staleTime }),
  communities: () =>
    queryOptions({ queryKey: ["communities"], queryFn: api.communities, staleTime }),
  grids: () => queryOptions({ queryKey: ["grids"], queryFn: api.grids, staleTime }),
  grid: (id: number) => queryOptions({ queryKey: ["grids", id], queryFn: () => api.grid(id) }),
  units: () => queryOptions({ queryKey: ["units"], queryFn: api.units, staleTime }),
  unit: (id: number) => queryOptions({ queryKey: ["units", id], queryFn: () => api.unit(id) }),
  inspectionPoints: () =>
    queryOptions({ queryKey: ["points"], queryFn: api.inspectionPoints, staleTime }),
  problems: () => queryOptions({ queryKey: ["problems"], queryFn: api.problems, staleTime }),
  problem: (id: number) =>
    queryOptions({ queryKey: ["problems", id], queryFn: () => api.problem(id) }),
};
