import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";

/**
 * A change that, once settled (done or failed), refreshes what it may have changed, so every
 * screen shows the state the server now holds rather than a guess.
 */
export function useRefreshingMutation<V, R>(
  refreshes: readonly QueryKey[],
  request: (variables: V) => Promise<R>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: () =>
      Promise.all(refreshes.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
