// The administrator's backups (issue 21 item 6): the archives, taking one now, downloading one.
import { queryOptions } from "@tanstack/react-query";
import { request } from "./client.ts";
import type { Answer, Schemas } from "./types.ts";

export type Backup = Schemas["Backup"];
export type BackupList = Answer<"/api/admin/backups">;

export const backupsQuery = () =>
  queryOptions({
    queryKey: ["admin-backups"],
    queryFn: () => request<BackupList>("GET", "/api/admin/backups"),
  });

export const backupsApi = {
  create: () => request<Backup>("POST", "/api/admin/backups"),
  /** The download link of one archive (the browser sends the session cookie). */
  href: (name: string) => `/api/admin/backups/${encodeURIComponent(name)}`,
};
