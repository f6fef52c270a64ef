// GET /api/search: the map's search box (issue 22); GET /api/public/search: the same box on the
// citizen's map, over the city's public places. The answer's shape is geo's SearchAnswer, the
// one the API's routes are declared with.
import type { SearchAnswer } from "@civgrid/geo";
import { queryOptions } from "@tanstack/react-query";
import { getJson, queryString } from "./client.ts";

/** staff: a signed-in user over their scope; public: a citizen without an account. */
export type SearchAudience = "staff" | "public";

const searchPaths: Record<SearchAudience, string> = {
  staff: "/api/search",
  public: "/api/public/search",
};

export const searchQuery = (text: string, audience: SearchAudience = "staff") =>
  queryOptions({
    queryKey: ["search", audience, text],
    queryFn: () => getJson<SearchAnswer>(`${searchPaths[audience]}${queryString({ q: text })}`),
    enabled: text.length > 0,
    staleTime: 30_000,
  });
