// Campaigns, tasks (任务清单) and materials (资料报送): the queries, the changes, and the archive
// download that counts its bytes as they arrive.
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiError, apiHeaders, queryString, request } from "./client.ts";

export const phaseKinds = [
  "mobilisation",
  "implementation",
  "assessment",
  "consolidation",
] as const;
export type PhaseKind = (typeof phaseKinds)[number];
export const hospitalKinds = ["public_hospital", "private_hospital", "out_of_town_hospital"];
export const materialCategories = [
  "activity_report",
  "photos",
  "responsibility_letter",
  "minutes",
  "other",
] as const;
export type MaterialCategory = (typeof materialCategories)[number];
export type AssignmentStatus = "todo" | "in_progress" | "done" | "returned";
export type BoardStatus = "on_time" | "late" | "missing" | "returned" | "pending";

export interface Campaign {
  id: number;
  name: string;
  year: number;
  phases: { phase: PhaseKind; startsOn: string; endsOn: string }[];
  currentPhase: PhaseKind | null;
}

export interface TaskSummary {
  id: number;
  campaignId: number;
  phase: PhaseKind;
  title: string;
  description: string;
  deadline: string;
  assignments: number;
  done: number;
  inProgress: number;
  returned: number;
  overdue: number;
  doneLate: number;
}

export interface Assignment {
  id: number;
  taskId: number;
  unitId: number | null;
  unitName: string | null;
  gridId: number | null;
  gridName: string | null;
  status: AssignmentStatus;
  progress: number;
  note: string | null;
  completedAt: string | null;
  returnReason: string | null;
  remindedAt: string | null;
  remindCount: number;
  overdue: boolean;
  doneLate: boolean;
  evidence: { id: number; name: string; mime: string; url: string }[];
}

export interface TaskDetail
  extends Omit<
    TaskSummary,
    "assignments" | "done" | "inProgress" | "returned" | "overdue" | "doneLate"
  > {
  assignments: Assignment[];
}

interface Counts {
  overdue: number;
  done: number;
  total: number;
}
export interface TaskMatrix {
  tasks: ({ id: number; title: string; phase: PhaseKind; deadline: string } & Counts)[];
  units: ({ id: number; name: string } & Counts)[];
  cells: {
    taskId: number;
    unitId: number;
    assignmentId: number;
    status: AssignmentStatus;
    progress: number;
    overdue: boolean;
    doneLate: boolean;
  }[];
}

export interface TaskInput {
  campaignId: number;
  phase: PhaseKind;
  title: string;
  description: string;
  deadline: string;
  /** The standard item (考核细则) the task serves. */
  itemId?: number;
  assignees: { unitIds?: number[]; gridIds?: number[]; unitKinds?: string[] };
}

export interface Material {
  id: number;
  unitId: number;
  unitName: string;
  week: string;
  category: MaterialCategory;
  title: string;
  status: "submitted" | "accepted" | "returned";
  reviewNote: string | null;
  submittedAt: string;
  submittedBy: string | null;
  fileName: string | null;
  url: string | null;
}

/** A material on the board; `url` opens its file (same origin) for the reviewer to look at. */
export interface BoardMaterial {
  id: number;
  title: string;
  category: string;
  status: string;
  url: string | null;
  mime: string | null;
  fileName: string | null;
}

export interface MaterialBoard {
  weeks: { week: string; deadline: string }[];
  units: {
    id: number;
    name: string;
    missing: number;
    late: number;
    cells: {
      week: string;
      status: BoardStatus;
      submittedAt: string | null;
      materials: BoardMaterial[];
    }[];
  }[];
}

export const taskQueries = {
  currentCampaign: () =>
    queryOptions({
      queryKey: ["campaigns", "current"],
      queryFn: () => request<{ campaign: Campaign | null }>("GET", "/api/campaigns/current"),
      staleTime: 5 * 60_000,
    }),
  tasks: (filters: { campaignId?: number; gridId?: number; unitId?: number; open?: "true" }) =>
    queryOptions({
      queryKey: ["tasks", "list", filters],
      queryFn: () =>
        request<{ tasks: TaskSummary[]; total: number }>(
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
        request<{ materials: Material[]; total: number }>(
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
    return request<{ created: number[] }>("POST", `/api/tasks/import?campaignId=${campaignId}`, {
      form,
    });
  },
  exportUrl: (campaignId: number) => `/api/tasks/export?campaignId=${campaignId}`,
  uploadEvidence: (file: File) => {
    const form = new FormData();
    form.set("file", file);
    return request<{ id: number; originalName: string }>("POST", "/api/files/documents", { form });
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
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ["tasks"] }),
        client.invalidateQueries({ queryKey: ["materials"] }),
      ]),
  });
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
  const url = URL.createObjectURL(new Blob(chunks, { type: "application/zip" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { bytes: received, name };
}
