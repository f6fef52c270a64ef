// Taking one step on a problem: on success every view of problems reads again; when someone else
// acted first (409), the problem is read again too, and the caller shows the API's message.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../../api/client.ts";
import { problemsApi, type Step } from "../../api/problems.ts";

export const isConflict = (error: unknown) => error instanceof ApiError && error.status === 409;

export function useProblemStep(problemId: number) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ["problems"] });
  return useMutation({
    mutationFn: (step: Step) => problemsApi.step(problemId, step),
    onSuccess: (problem) => {
      client.setQueryData(["problems", problemId], problem);
      void refresh();
    },
    onError: (error) => {
      if (isConflict(error)) void refresh();
    },
  });
}
