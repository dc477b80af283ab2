import { type QueryClient, type QueryKey, useQuery } from "@tanstack/react-query";
import { coupleRoutes } from "../../../../contracts/couples.ts";
import { type Reflection, reflectionRoutes } from "../../../../contracts/reflections.ts";
import type { Visibility } from "../../../../domain/visibility.ts";
import { api, featureKey, keyOf } from "../../../ui/api-client.ts";
import { useRefreshingMutation } from "../../../ui/use-refreshing-mutation.ts";

export type { Reflection };

const reflectionsQueryKey = keyOf(reflectionRoutes.list);
const promptsQueryKey = keyOf(reflectionRoutes.prompts);
/** A shared reflection counts as meaning-making work in the couple's balance notes. */
const coupleKey = keyOf(coupleRoutes.view);

/** The prompts and their themes: the same for everyone, and they change only with a release. */
export function usePrompts() {
  return useQuery({
    queryKey: promptsQueryKey,
    queryFn: ({ signal }) => api.call(reflectionRoutes.prompts, {}, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function listReflections(signal?: AbortSignal) {
  return api.call(reflectionRoutes.list, {}, signal ? { signal } : undefined);
}

/** The viewer's own reflections, the pairs both have shared, and where the partner waits. */
export function useReflections() {
  return useQuery({
    queryKey: reflectionsQueryKey,
    queryFn: ({ signal }) => listReflections(signal),
    refetchInterval: 60_000,
  });
}

/** The list as the server holds it right now, e.g. after a write met another window's. */
export function fetchReflections(queryClient: QueryClient) {
  return queryClient.fetchQuery({
    queryKey: reflectionsQueryKey,
    queryFn: ({ signal }) => listReflections(signal),
    staleTime: 0,
  });
}

interface WriteInput {
  /** The client's id: made once for a new reflection, then kept for every later save. */
  id: string;
  promptKey: string;
  body: string;
  visibility: Visibility;
}

function useWrite(refreshes: readonly QueryKey[]) {
  return useRefreshingMutation(refreshes, ({ id, promptKey, body, visibility }: WriteInput) =>
    api.call(reflectionRoutes.write, { params: { id }, body: { promptKey, body, visibility } }),
  );
}

/** Saves the private draft: nobody else's screen changes. */
export function useSaveDraft() {
  return useWrite([featureKey(reflectionRoutes.list)]);
}

export function useShareReflection() {
  return useWrite([featureKey(reflectionRoutes.list), coupleKey]);
}

export function useCommentOnReflection() {
  return useRefreshingMutation(
    [featureKey(reflectionRoutes.list)],
    ({
      reflectionId,
      commentId,
      text,
    }: {
      reflectionId: string;
      commentId: string;
      text: string;
    }) =>
      api.call(reflectionRoutes.comment, {
        params: { id: reflectionId },
        body: { id: commentId, text },
      }),
  );
}
