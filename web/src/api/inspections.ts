// Evaluation standards (测评标准) to inspect against, and recording an inspection (检查).
import { queryOptions } from "@tanstack/react-query";
import { getJson, request } from "./client.ts";

export const inspectionKinds = ["self", "open", "covert", "mock", "supervision"] as const;
export type InspectionKind = (typeof inspectionKinds)[number];

export interface StandardSummary {
  id: number;
  name: string;
  year: number;
  version: number;
  scope: string;
  status: "draft" | "active" | "retired";
  itemCount: number;
  totalPoints: number;
}

export interface StandardItem {
  id: number;
  code: string;
  title: string;
  checklist: string;
  points: number;
  evidence: string;
}

export interface StandardCategory {
  id: number;
  seq: number;
  name: string;
  items: StandardItem[];
}

export interface Standard extends StandardSummary {
  categories: StandardCategory[];
}

export type ItemOutcome = "pass" | "fail" | "not_applicable";

export interface ItemResult {
  itemId: number;
  result: ItemOutcome;
  deduction?: number;
  note?: string;
  photoIds?: number[];
}

export interface NewInspection {
  kind: InspectionKind;
  standardId: number;
  note?: string;
  visits: Array<{ pointId: number; results: ItemResult[] }>;
}

/** What POST /api/inspections answers: the totals and the problems the failed items became. */
export interface RecordedInspection {
  id: number;
  kind: InspectionKind;
  pointsVisited: number;
  failed: number;
  pointsLost: number;
  /** Ascending: one per failed result, in the order the results were recorded. */
  problemIds: number[];
  results: Array<{
    pointId: number;
    pointName: string;
    itemCode: string;
    itemTitle: string;
    result: ItemOutcome;
    deduction: number;
    note: string | null;
  }>;
}

export const inspectionsApi = {
  record: (inspection: NewInspection) =>
    request<RecordedInspection>("POST", "/api/inspections", { json: inspection }),
};

export const inspectionQueries = {
  standards: () =>
    queryOptions({
      queryKey: ["standards"],
      queryFn: () => getJson<{ standards: StandardSummary[] }>("/api/standards?limit=100"),
      staleTime: 300_000,
    }),
  standard: (id: number) =>
    queryOptions({
      queryKey: ["standards", id],
      queryFn: () => getJson<Standard>(`/api/standards/${id}`),
      staleTime: 300_000,
    }),
};
