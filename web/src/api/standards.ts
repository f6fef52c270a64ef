// Evaluation standards (测评标准) for the coordinators who maintain them: the list, one standard,
// writing a draft, copying a standard into a new version, activating, XLSX in and out.
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { queryString, request } from "./client.ts";
import type { Answer, Schemas } from "./types.ts";

export { type StandardStatus, standardStatuses } from "@civgrid/geo";

export type StandardSummary = Schemas["Standard"];
export type StandardDetail = Schemas["StandardDetail"];
/** A category: a new report this close (metres) to an open one of it is offered as a duplicate. */
export type StandardCategory = StandardDetail["categories"][number];
/** An item: its code "<category seq>.<item seq>", e.g. "3.2", follows from the order. */
export type StandardItem = StandardCategory["items"][number];
/** A whole standard as written (POST, PUT): no ids or codes, the order says it all. */
export type StandardInput = Schemas["StandardInput"];

/** The name, year and scope an imported sheet is saved under. */
export interface StandardImportFields {
  name: string;
  year: string;
  scope: string;
}

export const standardsQuery = (page: { limit: number; offset: number }) =>
  queryOptions({
    queryKey: ["standards", page],
    queryFn: () => request<Answer<"/api/standards">>("GET", `/api/standards${queryString(page)}`),
    placeholderData: keepPreviousData,
  });

/** The same key as the inspector's standard query: one cached copy of each standard. */
export const standardQuery = (id: number) =>
  queryOptions({
    queryKey: ["standards", id],
    queryFn: () => request<StandardDetail>("GET", `/api/standards/${id}`),
  });

/** The standards in force (hospital points, community points…), each with its items. */
export function useActiveStandards(): StandardDetail[] {
  const list = useQuery(standardsQuery({ limit: 100, offset: 0 }));
  const active = list.data?.standards.filter((s) => s.status === "active") ?? [];
  const details = useQueries({ queries: active.map((s) => standardQuery(s.id)) });
  return details.flatMap((d) => (d.data ? [d.data] : []));
}

export const standardsApi = {
  replace: (id: number, input: StandardInput) =>
    request<StandardDetail>("PUT", `/api/standards/${id}`, { json: input }),
  copy: (id: number) => request<StandardDetail>("POST", `/api/standards/${id}/versions`),
  activate: (id: number) =>
    request<Answer<"/api/standards/{id}/activate", "post">>(
      "POST",
      `/api/standards/${id}/activate`,
    ),
  import: ({ file, ...fields }: StandardImportFields & { file: File }) => {
    const form = new FormData();
    form.set("file", file);
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    return request<StandardDetail>("POST", "/api/standards/import", { form });
  },
  /** A plain link downloads it: the session cookie goes along. */
  exportUrl: (id: number) => `/api/standards/${id}/export`,
};

/**
 * A change to standards: the answer (the standard as saved) goes into the cache, and every list
 * and standard is re-read (activating retires others; the inspector's list changes too).
 */
export function useStandardsMutation<V, R extends StandardDetail>(
  mutationFn: (variables: V) => Promise<R>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (standard) => {
      client.setQueryData(standardQuery(standard.id).queryKey, standard);
      await Promise.all([
        client.invalidateQueries({ queryKey: ["standards"] }),
        client.invalidateQueries({ queryKey: ["audit"] }),
      ]);
    },
  });
}
