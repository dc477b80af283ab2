import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { newItemId } from "../../../../client/crypto/account-keys.ts";
import {
  type AskAgainBody,
  type Question,
  type QuestionsReply,
  questionRoutes,
} from "../../../../contracts/questions.ts";
import { talkRoutes } from "../../../../contracts/talks.ts";
import type { Draft } from "../../../../contracts/words.ts";
import { api, featureKey, isApiError, keyOf } from "../../../ui/api-client.ts";
import { useRefreshingMutation } from "../../../ui/use-refreshing-mutation.ts";

export type { Question };
export type LedgerWeek = z.infer<typeof QuestionsReply>["weeks"][number];
export type AskAgainInput = Draft<z.output<typeof AskAgainBody>>;

export const questionsQueryKey = keyOf(questionRoutes.list);
const questionsFeature = featureKey(questionRoutes.list);
/** A deferred question becomes a parking-lot topic. */
const talksFeature = featureKey(talkRoutes.parkingLot);

/** The couple's whole ledger and its weekly counts, with every word opened. */
export function useQuestions() {
  return useQuery({
    queryKey: questionsQueryKey,
    queryFn: ({ signal }) => api.call(questionRoutes.list, {}, { signal }),
    refetchInterval: 30_000,
  });
}

function useQuestionMutation<V, R>(request: (variables: V) => Promise<R>) {
  return useRefreshingMutation([questionsFeature], request);
}

export function useAskQuestion() {
  return useQuestionMutation(({ text, repeatOf }: { text: string; repeatOf?: string }) =>
    api.call(questionRoutes.ask, {
      body: { id: newItemId(), text, ...(repeatOf ? { repeatOf } : {}) },
    }),
  );
}

export function useAnswerQuestion() {
  return useQuestionMutation(({ id, text }: { id: string; text: string }) =>
    api.call(questionRoutes.answer, { params: { id }, body: { id: newItemId(), text } }),
  );
}

export function useDeferQuestion() {
  return useRefreshingMutation(
    [questionsFeature, talksFeature],
    ({ id, topic }: { id: string; topic: string }) =>
      api.call(questionRoutes.defer, {
        params: { id },
        body: { parkingLotItem: { id: newItemId(), topic } },
      }),
  );
}

export function useAskAgain() {
  return useQuestionMutation(({ id, body }: { id: string; body: AskAgainInput }) =>
    api.call(questionRoutes.askAgain, { params: { id }, body: { id: newItemId(), ...body } }),
  );
}

export function useLetGo() {
  return useQuestionMutation((id: string) => api.call(questionRoutes.letGo, { params: { id } }));
}

/** The server found the question moved on since this screen last read it. */
export function isStaleMove(error: unknown): boolean {
  return isApiError(error) && error.code === "question_state";
}
