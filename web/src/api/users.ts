// Accounts, for administrators: list, create, change, import from a spreadsheet.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { queryString, request } from "./client.ts";
import { useRereadingMutation } from "./rereading-mutation.ts";
import type { Answer, Body, Query, Schemas } from "./types.ts";

export type User = Schemas["User"];

export type UserFilters = Pick<Query<"/api/users">, "role" | "q"> & {
  limit: number;
  offset: number;
};

export type NewUser = Body<"/api/users">;
/** The fields an administrator sets; `password` is the initial one, or a reset. */
export type UserChanges = Body<"/api/users/{id}", "patch">;

export const usersQuery = (filters: UserFilters) =>
  queryOptions({
    queryKey: ["users", filters],
    queryFn: () => request<Answer<"/api/users">>("GET", `/api/users${queryString({ ...filters })}`),
    placeholderData: keepPreviousData, // paging and filtering keep the table while loading
  });

export const usersApi = {
  create: (user: NewUser) => request<User>("POST", "/api/users", { json: user }),
  update: (id: number, changes: UserChanges) =>
    request<User>("PATCH", `/api/users/${id}`, { json: changes }),
  import: (file: File) => {
    const form = new FormData();
    form.set("file", file);
    return request<Answer<"/api/users/import", "post">>("POST", "/api/users/import", {
      form,
    });
  },
  /** Every account as XLSX in the import's columns: it imports back unchanged. */
  xlsxUrl: "/api/users/export.xlsx",
};

/** A change to accounts: the list and the audit log are re-read before the caller moves on. */
export function useAccountsMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  return useRereadingMutation(mutationFn, [["users"], ["audit"]]);
}
