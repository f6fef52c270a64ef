// The board's filters live in the address (/problems?status=submitted&overdue=true), so that
// coming back from a problem finds the list as it was, and a filtered list can be shared.
import type { ProblemFilters } from "../../api/problems.ts";
import type { ProblemSource, ProblemStatus } from "../../api/types.ts";
import { statusColours } from "../../map/colours.ts";

export const problemStatuses = Object.keys(statusColours) as ProblemStatus[];
export const problemSources: readonly ProblemSource[] = ["inspection", "patrol", "citizen"];
export const boardPageSize = 50;

export interface BoardFilters {
  status: ProblemStatus | undefined;
  overdue: boolean;
  source: ProblemSource | undefined;
  sort: "urgency" | "newest";
  offset: number;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((v) => v === value);

/** E.g. "?status=submitted&overdue=true" → {status: "submitted", overdue: true, sort: "urgency"…} */
export function readBoardFilters(params: URLSearchParams): BoardFilters {
  const offset = Number(params.get("offset"));
  return {
    status: oneOf(problemStatuses, params.get("status")),
    overdue: params.get("overdue") === "true",
    source: oneOf(problemSources, params.get("source")),
    sort: params.get("sort") === "newest" ? "newest" : "urgency",
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The address for a set of filters, leaving out the defaults. */
export function boardPath(filters: BoardFilters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.overdue) params.set("overdue", "true");
  if (filters.source) params.set("source", filters.source);
  if (filters.sort !== "urgency") params.set("sort", filters.sort);
  if (filters.offset) params.set("offset", String(filters.offset));
  const search = params.toString();
  return search ? `/problems?${search}` : "/problems";
}

/** What the API is asked for one page of the list. */
export const listFilters = (filters: BoardFilters): ProblemFilters => ({
  status: filters.status ? [filters.status] : undefined,
  overdue: filters.overdue || undefined,
  source: filters.source,
  sort: filters.sort,
  limit: boardPageSize,
  offset: filters.offset,
});
