// Campaigns, tasks (任务清单) and materials (资料报送): the queries, the changes, and the archive
// download that counts its bytes as they arrive.

import type { MaterialBoardStatus, TaskAssignmentStatus } from "@civgrid/geo";
import { queryOptions } from "@tanstack/react-query";
import { saveFile } from "../save-file.ts";
import { apiError, apiHeaders, queryString, request } from "./client.ts";
import { useRereadingMutation } from "./rereading-mutation.ts";
import type { Answer, Schemas } from "./types.ts";

export {
  hospitalKinds,
  type MaterialCategory,
  materialCategories,
  type PhaseKind,
  phaseKinds,
} from "@civgrid/geo";
export type AssignmentStatus = TaskAssignmentStatus;
export type BoardStatus = MaterialBoardStatus;

export type Campaign = Schemas["Campaign"];
export type TaskSummary = Schemas["TaskSummary"];
export type Assignment = Schemas["TaskAssignment"];
export type TaskDetail = Schemas["Task"];
export type TaskMatrix = Schemas["TaskMatrix"];
/** A new task; its itemId is the standard item (考核细则) the task serves. */
export type TaskInput = Schemas["TaskInput"];
export type Material = Schemas["Material"];
export type MaterialBoard = Schemas["MaterialBoard"];
/** A material on the board; `url` opens its file (same origin) for the reviewer to look at. */
export type BoardMaterial = MaterialBoard["units"][number]["cells"][number]["materials"][number];

export const taskQueries = {
  currentCampaign: () =>
    queryOptions({
      queryKey: ["campaigns", "current"],
      queryFn: () => request<Answer<"/api/campaigns/current">>("GET", "/api/campaigns/current"),
      staleTime: 5 * 60_000,
    }),
  tasks: (filters: { campaignId?: number; gridId?: number; unitId?: number; open?: "true" }) =>
    queryOptions({
      queryKey: ["tasks", "list", filters],
      queryFn: () =>
        request<Answer<"/api/tasks">>(
          "GET",
          `/api/tasks${queryString({ ...filters, limit: 200 })}`,
        ),
    }),
  task: (id: number) =>
    queryOptions({
      queryKey: ["tasks", "one", id],
      queryFn: () => request<TaskDetail>("GET", `/api/tasks/${id}`),
    }),
  matrix: (campaignId: number) =>
    queryOptions({
      queryKey: ["tasks", "matrix", campaignId],
      queryFn: () => request<TaskMatrix>("GET", `/api/tasks/matrix?campaignId=${campaignId}`),
    }),
  materials: (filters: { unitId?: number; gridId?: number; limit?: number }) =>
    queryOptions({
      queryKey: ["materials", "list", filters],
      queryFn: () =>
        request<Answer<"/api/materials">>(
          "GET",
          `/api/materials${queryString({ limit: 100, ...filters })}`,
        ),
    }),
  board: (weeks: number) =>
    queryOptions({
      queryKey: ["materials", "board", weeks],
      queryFn: () => request<MaterialBoard>("GET", `/api/materials/board?weeks=${weeks}`),
    }),
};

const post = <T>(path: string, json?: unknown) =>
  request<T>("POST", path, json === undefined ? undefined : { json });

export const tasksApi = {
  create: (input: TaskInput) => post<TaskDetail>("/api/tasks", input),
  progress: (id: number, body: { progress: number; note?: string }) =>
    post<TaskDetail>(`/api/tasks/assignments/${id}/progress`, body),
  complete: (id: number, body: { note: string; fileIds: number[] }) =>
    post<TaskDetail>(`/api/tasks/assignments/${id}/complete`, body),
  remind: (id: number) => post<TaskDetail>(`/api/tasks/assignments/${id}/remind`),
  giveBack: (id: number, reason: string) =>
    post<TaskDetail>(`/api/tasks/assignments/${id}/return`, { reason }),
  import: ({ campaignId, file }: { campaignId: number; file: File }) => {
    const form = new FormData();
    form.set("file", file);
    return request<Answer<"/api/tasks/import", "post">>(
      "POST",
      `/api/tasks/import?campaignId=${campaignId}`,
      {
        form,
      },
    );
  },
  exportUrl: (campaignId: number) => `/api/tasks/export?campaignId=${campaignId}`,
  uploadEvidence: (file: File) => {
    const form = new FormData();
    form.set("file", file);
    return request<Answer<"/api/files/documents", "post">>("POST", "/api/files/documents", {
      form,
    });
  },
  submitMaterial: (fields: Record<string, string>, file: File) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) if (value) form.set(name, value);
    form.set("file", file);
    return request<Material>("POST", "/api/materials", { form });
  },
  acceptMaterial: (id: number) => post<Material>(`/api/materials/${id}/accept`),
  returnMaterial: (id: number, reason: string) =>
    post<Material>(`/api/materials/${id}/return`, { reason }),
};

/** A change to tasks or materials: every task and material view is read again. */
export function useTaskMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  return useRereadingMutation(mutationFn, [["tasks"], ["materials"]]);
}

/**
 * Downloads the archive ZIP, reporting the bytes received as they stream in (the size is not
 * known ahead: the server writes the ZIP as it goes), and hands the browser the finished file.
 */
export async function downloadArchive(
  query: { campaignId?: number; unitId?: number; category?: string },
  onBytes: (received: number) => void,
): Promise<{ bytes: number; name: string }> {
  const response = await fetch(`/api/materials/archive.zip${queryString(query)}`, {
    headers: apiHeaders(),
  });
  if (!response.ok || !response.body) {
    throw apiError(response.status, await response.json().catch(() => ({})));
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value as Uint8Array<ArrayBuffer>);
    received += value.length;
    onBytes(received);
  }
  const disposition = response.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : "materials.zip";
  saveFile(new Blob(chunks, { type: "application/zip" }), name);
  return { bytes: received, name };
}
