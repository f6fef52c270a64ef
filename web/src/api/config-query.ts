// GET /api/config as a query: the one read the app shell needs before any page (the city, the
// basemap), kept apart from queries.ts so the shell does not carry every resource's API (issue 22).
import { queryOptions } from "@tanstack/react-query";
import { api } from "./client.ts";

export const configQuery = () =>
  queryOptions({ queryKey: ["config"], queryFn: api.config, staleTime: Infinity });
