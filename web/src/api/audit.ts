// The audit log, for administrators: who changed what, when, before and after.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { queryString, request } from "./client.ts";

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export const auditQuery = (page: { limit: number; offset: number }) =>
  queryOptions({
    queryKey: ["audit", page],
    queryFn: () =>
      request<{ entries: AuditEntry[]; total: number }>("GET", `/api/audit${queryString(page)}`),
    placeholderData: keepPreviousData,
  });
