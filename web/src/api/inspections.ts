// Evaluation standards (测评标准) to inspect against, and recording an inspection (检查).
import { queryOptions } from "@tanstack/react-query";
import { getJson, request } from "./client.ts";
import type { Answer, Body, Schemas } from "./types.ts";

export {
  type InspectionKind,
  type ItemOutcome,
  inspectionKinds,
  itemOutcomes,
} from "@civgrid/geo";

// An inspector's list and a standard are the coordinators' answers (standards.ts).
export type { StandardCategory, StandardItem, StandardSummary } from "./standards.ts";
export type Standard = Schemas["StandardDetail"];

export type NewInspection = Body<"/api/inspections">;
export type ItemResult = NewInspection["visits"][number]["results"][number];
/** What POST /api/inspections answers: the totals and the problems the failed items became. */
export type RecordedInspection = Schemas["InspectionDetail"];

export const inspectionsApi = {
  record: (inspection: NewInspection) =>
    request<RecordedInspection>("POST", "/api/inspections", { json: inspection }),
};

export const inspectionQueries = {
  standards: () =>
    queryOptions({
      queryKey: ["standards"],
      queryFn: () => getJson<Answer<"/api/standards">>("/api/standards?limit=100"),
      staleTime: 300_000,
    }),
  standard: (id: number) =>
    queryOptions({
      queryKey: ["standards", id],
      queryFn: () => getJson<Standard>(`/api/standards/${id}`),
      staleTime: 300_000,
    }),
};
