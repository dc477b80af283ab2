import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { newItemId } from "../../../../client/crypto/account-keys.ts";
import { coupleRoutes } from "../../../../contracts/couples.ts";
import { type StoryReply, storyRoutes } from "../../../../contracts/story.ts";
import type { StoryMark, StorySection } from "../../../../domain/story.ts";
import { api, featureKey, isApiError, keyOf } from "../../../ui/api-client.ts";
import { useRefreshingMutation } from "../../../ui/use-refreshing-mutation.ts";

export type Story = z.infer<typeof StoryReply>;
export type { Paragraph } from "../../../../contracts/story.ts";

export const storyQueryKey = keyOf(storyRoutes.read);
/** The readiness checklist counts agreed paragraphs and both signatures. */
const coupleKey = keyOf(coupleRoutes.view);

export function useStory() {
  return useQuery({
    queryKey: storyQueryKey,
    queryFn: ({ signal }) => api.call(storyRoutes.read, {}, { signal }),
    refetchInterval: 30_000,
  });
}

function useStoryMutation<V, R>(request: (variables: V) => Promise<R>) {
  return useRefreshingMutation([featureKey(storyRoutes.read), coupleKey], request);
}

export function useAddParagraph() {
  return useStoryMutation(({ section, text }: { section: StorySection; text: string }) =>
    api.call(storyRoutes.add, { body: { id: newItemId(), section, text } }),
  );
}

/** `version` is the one the writer was reading; a newer one by now is answered 409. */
export function useRewriteParagraph() {
  return useStoryMutation(({ id, text, version }: { id: string; text: string; version: number }) =>
    api.call(storyRoutes.edit, { params: { id }, body: { text, version } }),
  );
}

export function useMarkParagraph() {
  return useStoryMutation(
    ({
      id,
      mark,
      version,
      note,
    }: {
      id: string;
      mark: StoryMark;
      version: number;
      note?: string | undefined;
    }) =>
      api.call(storyRoutes.mark, {
        params: { id },
        body: { id: newItemId(), mark, version, ...(note ? { note } : {}) },
      }),
  );
}

/** `revision` is the story as it was on screen; signing names exactly what was read. */
export function useSignStory() {
  return useStoryMutation((revision: number) =>
    api.call(storyRoutes.sign, { query: { revision } }),
  );
}

/** The screen was behind: someone changed the paragraph or the story in the meantime. */
export function isChangedMeanwhile(error: unknown): boolean {
  return isApiError(error) && error.code === "changed_meanwhile";
}
