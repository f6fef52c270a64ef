// The audit log, for administrators: who changed what, when, before and after.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { queryString, request } from "./client.ts";

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  displayName: string | null;
  role: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  target: string | null;
  /** The entry as one sentence in the reader's language, China time. */
  sentence: string;
  before: unknown;
  after: unknown;
}

/** Who, what and when: a person, a kind of action, China dates both included. */
export interface AuditFilters {
  userId?: number | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface AuditChoices {
  actions: { action: string; label: string }[];
  users: { id: number; name: string; role: string }[];
}

export const auditQuery = (page: { limit: number; offset: number }, filters: AuditFilters = {}) =>
  queryOptions({
    queryKey: ["audit", page, filters],
    queryFn: () =>
      request<{ entries: AuditEntry[]; total: number }>(
        "GET",
        `/api/audit${queryString({ ...page, ...filters })}`,
      ),
    placeholderData: keepPreviousData,
  });

export const auditChoicesQuery = () =>
  queryOptions({
    queryKey: ["audit", "choices"],
    queryFn: () => request<AuditChoices>("GET", "/api/audit/choices"),
  });
