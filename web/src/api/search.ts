// GET /api/search: the map's search box (issue 22). The answer's shape is geo's SearchAnswer,
// the one the API's route is declared with.
import type { SearchAnswer } from "@civgrid/geo";
import { queryOptions } from "@tanstack/react-query";
import { getJson, queryString } from "./client.ts";

export const searchQuery = (text: string) =>
  queryOptions({
    queryKey: ["search", text],
    queryFn: () => getJson<SearchAnswer>(`/api/search${queryString({ q: text })}`),
    enabled: text.length > 0,
    staleTime: 30_000,
  });
