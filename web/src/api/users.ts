// Accounts, for administrators: list, create, change, import from a spreadsheet.
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { Role } from "./auth.ts";
import { queryString, request } from "./client.ts";

export interface User {
  id: number;
  username: string;
  displayName: string;
  mobile: string | null;
  role: Role;
  unitId: number | null;
  unitName: string | null;
  personId: number | null;
  personName: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface UserFilters {
  role?: Role | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

/** The fields an administrator sets; `password` is the initial one, or a reset. */
export interface UserChanges {
  displayName?: string;
  mobile?: string | null;
  role?: Role;
  unitId?: number | null;
  personId?: number | null;
  disabled?: boolean;
  password?: string;
}

export type NewUser = UserChanges & {
  username: string;
  displayName: string;
  role: Role;
  password: string;
};

export const usersQuery = (filters: UserFilters) =>
  queryOptions({
    queryKey: ["users", filters],
    queryFn: () =>
      request<{ users: User[]; total: number }>("GET", `/api/users${queryString({ ...filters })}`),
    placeholderData: keepPreviousData, // paging and filtering keep the table while loading
  });

export const usersApi = {
  create: (user: NewUser) => request<User>("POST", "/api/users", { json: user }),
  update: (id: number, changes: UserChanges) =>
    request<User>("PATCH", `/api/users/${id}`, { json: changes }),
  import: (file: File) => {
    const form = new FormData();
    form.set("file", file);
    return request<{ created: number; unchanged: number }>("POST", "/api/users/import", {
      form,
    });
  },
  /** Every account as XLSX in the import's columns: it imports back unchanged. */
  xlsxUrl: "/api/users/export.xlsx",
};

/** A change to accounts: the list and the audit log are re-read before the caller moves on. */
export function useAccountsMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ["users"] }),
        client.invalidateQueries({ queryKey: ["audit"] }),
      ]),
  });
}
