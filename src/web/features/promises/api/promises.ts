import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { newItemId } from "../../../../client/crypto/account-keys.ts";
import {
  type Occurrence,
  type PromiseBody,
  type PromiseItem,
  type PromisesReply,
  promiseRoutes,
} from "../../../../contracts/promises.ts";
import { milestoneRoutes } from "../../../../contracts/setbacks.ts";
import type { Draft } from "../../../../contracts/words.ts";
import type { PartnerView, SelfMark } from "../../../../domain/promises.ts";
import { api, featureKey, isApiError, keyOf } from "../../../ui/api-client.ts";
import { useRefreshingMutation } from "../../../ui/use-refreshing-mutation.ts";

export type { Occurrence, PromiseItem };
export type PromisesData = z.infer<typeof PromisesReply>;
export type PromiseInput = Draft<z.input<typeof PromiseBody>>;
export type Excusal = PromiseItem["excusals"][number];

export const promisesQueryKey = keyOf(promiseRoutes.list);
/** A kept mark or an accepted promise may reach a milestone. */
const refreshes = [featureKey(promiseRoutes.list), featureKey(milestoneRoutes.list)];

/** The couple's promises, each with its occurrences, both records and its excusals. */
export function usePromises() {
  return useQuery({
    queryKey: promisesQueryKey,
    queryFn: ({ signal }) => api.call(promiseRoutes.list, {}, { signal }),
    refetchInterval: 60_000,
  });
}

function usePromiseMutation<V, R>(request: (variables: V) => Promise<R>) {
  return useRefreshingMutation(refreshes, request);
}

export function useCreatePromise() {
  return usePromiseMutation((body: PromiseInput) =>
    api.call(promiseRoutes.create, { body: { id: newItemId(), ...body } }),
  );
}

export type ProposalMove = "accept" | "decline" | "withdraw";

export function usePromiseMove() {
  return usePromiseMutation(({ id, move }: { id: string; move: ProposalMove }) =>
    api.call(promiseRoutes[move], { params: { id } }),
  );
}

export function useReviewPromise() {
  return usePromiseMutation(({ id, reviewOn }: { id: string; reviewOn: string | null }) =>
    api.call(promiseRoutes.review, {
      params: { id },
      body: reviewOn === null ? { outcome: "retire" } : { outcome: "keep", reviewOn },
    }),
  );
}

export function useMarkDay() {
  return usePromiseMutation(
    ({
      id,
      on,
      mark,
      repairNote,
    }: {
      id: string;
      on: string;
      mark: SelfMark;
      repairNote?: string;
    }) =>
      api.call(promiseRoutes.mark, {
        params: { id },
        body: { id: newItemId(), on, mark, ...(repairNote ? { repairNote } : {}) },
      }),
  );
}

export function useViewDay() {
  return usePromiseMutation(({ id, on, view }: { id: string; on: string; view: PartnerView }) =>
    api.call(promiseRoutes.view, { params: { id }, body: { on, view } }),
  );
}

export function useAskDaysOff() {
  return usePromiseMutation(
    ({ id, from, to, reason }: { id: string; from: string; to: string; reason?: string }) =>
      api.call(promiseRoutes.excuse, {
        params: { id },
        body: { id: newItemId(), from, to, ...(reason ? { reason } : {}) },
      }),
  );
}

export function useAnswerDaysOff() {
  return usePromiseMutation(
    ({ id, eid, answer }: { id: string; eid: string; answer: "accept" | "decline" }) =>
      api.call(answer === "accept" ? promiseRoutes.acceptExcusal : promiseRoutes.declineExcusal, {
        params: { id, eid },
      }),
  );
}

/** What went wrong, in the server's own words when it gave some (a 409 says what changed). */
export function failureWords(error: unknown): string {
  if (isApiError(error)) {
    const fields = Object.values(error.fields);
    return fields.length > 0 ? fields.join(" ") : error.message;
  }
  return "That didn't go through. Please try again.";
}
