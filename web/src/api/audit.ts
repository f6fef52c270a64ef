// The audit log, for administrators: who changed what, when, before and after.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { queryString, request } from "./client.ts";
import type { Answer, Query, Schemas } from "./types.ts";

export type AuditEntry = Schemas["AuditEntry"];

/** Who, what and when: a person, a kind of action, China dates both included. */
export type AuditFilters = Pick<Query<"/api/audit">, "userId" | "action" | "from" | "to">;

export type AuditChoices = Answer<"/api/audit/choices">;

export const auditQuery = (page: { limit: number; offset: number }, filters: AuditFilters = {}) =>
  queryOptions({
    queryKey: ["audit", page, filters],
    queryFn: () =>
      request<Answer<"/api/audit">>("GET", `/api/audit${queryString({ ...page, ...filters })}`),
    placeholderData: keepPreviousData,
  });

export const auditChoicesQuery = () =>
  queryOptions({
    queryKey: ["audit", "choices"],
    queryFn: () => request<AuditChoices>("GET", "/api/audit/choices"),
  });
