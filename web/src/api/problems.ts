// The closed loop's calls: the coordinator's board, lists by urgency, and the steps a problem takes.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { getJson, queryString, request } from "./client.ts";
import type {
  Answer,
  Body,
  ProblemCollection,
  ProblemDetail,
  ProblemStatus,
  Query,
  Schemas,
} from "./types.ts";

/** The list's filters; statuses as a list (the API takes them comma-separated). */
export type ProblemFilters = Omit<Query<"/api/problems">, "status" | "overdue"> & {
  status?: readonly ProblemStatus[] | undefined;
  overdue?: boolean | undefined;
};

/** GET /api/problems/board: 销号清零 at a glance. */
export type ProblemBoard = Schemas["ProblemBoard"];
/** An overdue problem on the board, most late first. */
export type OverdueProblem = ProblemBoard["overdue"][number];
/** A problem waiting for dispatch (待派发) on the board, and since when. */
export type AwaitingProblem = ProblemBoard["awaitingDispatch"][number];
/** An open problem of the same standard item near this one, that may be the same problem. */
export type PossibleDuplicate = Schemas["PossibleDuplicate"];

/** The steps a user takes on the page (the API's report is not one of them). */
export type StepAction = Step["action"];

/** One step of the closed loop, naming the version of the problem it was taken on. */
export type Step = Body<"/api/problems/{id}/transitions">;

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
    getJson<Answer<"/api/problems/{id}/duplicates">>(`/api/problems/${id}/duplicates`),
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
