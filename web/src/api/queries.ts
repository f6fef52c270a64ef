// TanStack Query options per resource: the one place server data is keyed and fetched.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api } from "./client.ts";
import { communitiesApi, type PartitionRequest } from "./communities.ts";
import { configQuery } from "./config-query.ts";
import { divisionApi } from "./grid-files.ts";
import { gridsApi } from "./grids.ts";
import { type PeopleFilters, peopleApi } from "./people.ts";

/** Map data changes only through edits elsewhere; a minute is fresh enough for the map page. */
const staleTime = 60_000;

export const queries = {
  config: configQuery,
  cityOutline: () =>
    queryOptions({ queryKey: ["regions", "city"], queryFn: () => api.regions("city"), staleTime }),
  /** The streets (街道) communities are imported into; they need no outline. */
  streets: () =>
    queryOptions({
      queryKey: ["regions", "street"],
      queryFn: () => api.regions("street"),
      staleTime,
    }),
  communities: () =>
    queryOptions({ queryKey: ["communities"], queryFn: api.communities, staleTime }),
  /** GET /api/communities/{id}/coverage: read again after every grid change (key under "grids"). */
  coverage: (communityId: number) =>
    queryOptions({
      queryKey: ["grids", "coverage", communityId],
      queryFn: () => communitiesApi.coverage(communityId),
    }),
  grids: () => queryOptions({ queryKey: ["grids"], queryFn: () => api.grids(), staleTime }),
  communityGrids: (communityId: number) =>
    queryOptions({
      queryKey: ["grids", "community", communityId],
      queryFn: () => api.grids(communityId),
    }),
  grid: (id: number) => queryOptions({ queryKey: ["grids", id], queryFn: () => api.grid(id) }),
  gridHistory: (id: number) =>
    queryOptions({ queryKey: ["grids", id, "history"], queryFn: () => gridsApi.history(id) }),
  division: (communityId?: number) =>
    queryOptions({
      queryKey: ["grids", "division", communityId ?? "all"],
      queryFn: () => divisionApi.rows(communityId),
    }),
  partitionPreview: (communityId: number, body: PartitionRequest) =>
    queryOptions({
      queryKey: ["partition-preview", communityId, body],
      queryFn: () => communitiesApi.partitionPreview(communityId, body),
      placeholderData: keepPreviousData, // the old parts stay on the map while N changes
      staleTime: Infinity,
    }),
  people: (filters: PeopleFilters) =>
    queryOptions({
      queryKey: ["people", filters],
      queryFn: () => peopleApi.search(filters),
      placeholderData: keepPreviousData,
    }),
  units: () => queryOptions({ queryKey: ["units"], queryFn: api.units, staleTime }),
  unit: (id: number) => queryOptions({ queryKey: ["units", id], queryFn: () => api.unit(id) }),
  inspectionPoints: () =>
    queryOptions({ queryKey: ["points"], queryFn: api.inspectionPoints, staleTime }),
  problems: () => queryOptions({ queryKey: ["problems"], queryFn: api.problems, staleTime }),
  problem: (id: number) =>
    queryOptions({ queryKey: ["problems", id], queryFn: () => api.problem(id) }),
  /** Keyed under its resource ("grids", "points", "problems"), so edits there count again. */
  featureCount: (resource: "grids" | "points" | "problems") =>
    queryOptions({
      queryKey: [resource, "count"],
      queryFn: () => api.featureCount(resource),
      staleTime,
    }),
};
