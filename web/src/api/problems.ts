// The closed loop's calls: the coordinator's board, lists by urgency, and the steps a problem takes.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { getJson, queryString, request } from "./client.ts";
import type {
  ProblemCollection,
  ProblemDetail,
  ProblemSource,
  ProblemStatus,
  RectificationAction,
} from "./types.ts";

export interface ProblemFilters {
  status?: readonly ProblemStatus[] | undefined;
  overdue?: boolean | undefined;
  source?: ProblemSource | undefined;
  sort?: "urgency" | "newest" | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** An overdue problem on the board, most late first. */
export interface OverdueProblem {
  id: number;
  description: string;
  status: ProblemStatus;
  gridCode: string | null;
  unitName: string | null;
  deadline: string;
  daysOverdue: number;
}

/** A problem waiting for dispatch (待派发) on the board, and since when. */
export interface AwaitingProblem {
  id: number;
  description: string;
  status: ProblemStatus;
  gridCode: string | null;
  unitName: string | null;
  awaitingSince: string;
}

/** GET /api/problems/board: 销号清零 at a glance. */
export interface ProblemBoard {
  byStatus: Partial<Record<ProblemStatus, number>>;
  open: number;
  overdueCount: number;
  extensionRequests: number;
  overdue: OverdueProblem[];
  awaitingDispatchCount: number;
  awaitingDispatch: AwaitingProblem[];
}

/** An open problem of the same standard item near this one, that may be the same problem. */
export interface PossibleDuplicate {
  id: number;
  description: string;
  status: ProblemStatus;
  distanceM: number;
}

/** The steps a user takes on the page (the API's report is not one of them). */
export type StepAction = Exclude<RectificationAction, "report" | "reroute">;

/** One step of the closed loop, naming the version of the problem it was taken on. */
export interface Step {
  action: StepAction;
  version: number;
  note?: string;
  reason?: string;
  photoIds?: number[];
  days?: number;
  reviewOn?: string;
  /** Dispatch: the unit (default: the routed one). */
  unitId?: number;
  /** Dispatch, return, reopen: the last day, YYYY-MM-DD in China (default: by severity). */
  deadline?: string;
  /** Mark duplicate: the problem this one repeats. */
  duplicateOf?: number;
}

const listPath = ({ status, overdue, ...rest }: ProblemFilters) =>
  `/api/problems${queryString({
    ...rest,
    status: status?.join(","),
    overdue: overdue ? "true" : undefined,
  })}`;

export const problemsApi = {
  list: (filters: ProblemFilters) => getJson<ProblemCollection>(listPath(filters)),
  board: () => getJson<ProblemBoard>("/api/problems/board"),
  /** Nearest first, at most five; [] when there are none. */
  duplicates: (id: number) =>
    getJson<{ duplicates: PossibleDuplicate[] }>(`/api/problems/${id}/duplicates`),
  step: (id: number, step: Step) =>
    request<ProblemDetail>("POST", `/api/problems/${id}/transitions`, { json: step }),
};

/** Keyed under "problems", so that one invalidation after a step refreshes every view of them. */
export const problemQueries = {
  list: (filters: ProblemFilters) =>
    queryOptions({
      queryKey: ["problems", "list", filters],
      queryFn: () => problemsApi.list(filters),
      placeholderData: keepPreviousData, // the table stays while a filter changes
    }),
  board: () => queryOptions({ queryKey: ["problems", "board"], queryFn: problemsApi.board }),
  duplicates: (id: number) =>
    queryOptions({
      queryKey: ["problems", id, "duplicates"],
      queryFn: async () => (await problemsApi.duplicates(id)).duplicates,
    }),
};
