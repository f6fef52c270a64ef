// A change after which the views it touched are read again: the mutation settles once they are,
// so the caller moves on to fresh data.
import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";

export function useRereadingMutation<V, R>(
  mutationFn: (variables: V) => Promise<R>,
  reread: readonly QueryKey[],
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => Promise.all(reread.map((queryKey) => client.invalidateQueries({ queryKey }))),
  });
}
