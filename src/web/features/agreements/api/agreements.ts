import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { newItemId } from "../../../../client/crypto/account-keys.ts";
import {
  type Agreement,
  type AgreementDetailReply,
  agreementRoutes,
  type CounterAgreementBody,
  type ProposeAgreementBody,
  type ReviewAgreementBody,
} from "../../../../contracts/agreements.ts";
import { coupleRoutes } from "../../../../contracts/couples.ts";
import type { Draft } from "../../../../contracts/words.ts";
import { api, featureKey, keyOf } from "../../../ui/api-client.ts";
import { useRefreshingMutation } from "../../../ui/use-refreshing-mutation.ts";

export type { Agreement };
export type ProposeAgreementInput = Draft<z.output<typeof ProposeAgreementBody>>;
export type CounterAgreementInput = Draft<z.output<typeof CounterAgreementBody>>;
export type ReviewAgreementInput = Draft<z.output<typeof ReviewAgreementBody>>;
export type AgreementDetail = z.infer<typeof AgreementDetailReply>;

export const agreementsQueryKey = keyOf(agreementRoutes.list);
export const agreementQueryKey = (id: string) => keyOf(agreementRoutes.get, { params: { id } });
/** Accepting or reviewing changes the readiness checklist too. */
const coupleKey = keyOf(coupleRoutes.view);

/**
 * Every agreement still in play, and the settled ones a page at a time: `fetchNextPage` brings
 * the ones settled before, and every loaded page is refreshed together.
 */
export function useAgreements() {
  return useInfiniteQuery({
    queryKey: agreementsQueryKey,
    queryFn: ({ signal, pageParam }) =>
      api.call(
        agreementRoutes.list,
        { query: pageParam === null ? {} : { before: pageParam } },
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.earlier,
    select: (data) => data.pages.flatMap((page) => page.agreements),
    refetchInterval: 30_000,
  });
}

export function useAgreementDetail(id: string, enabled: boolean) {
  return useQuery({
    queryKey: agreementQueryKey(id),
    queryFn: ({ signal }) => api.call(agreementRoutes.get, { params: { id } }, { signal }),
    enabled,
  });
}

function useAgreementMutation<V, R>(request: (variables: V) => Promise<R>) {
  return useRefreshingMutation([featureKey(agreementRoutes.list), coupleKey], request);
}

export function useProposeAgreement() {
  return useAgreementMutation((body: ProposeAgreementInput) =>
    api.call(agreementRoutes.propose, { body: { id: newItemId(), ...body } }),
  );
}

export type SimpleAgreementAction = "accept" | "decline" | "withdraw";

export function useAgreementAction() {
  return useAgreementMutation(({ id, action }: { id: string; action: SimpleAgreementAction }) =>
    api.call(agreementRoutes[action], { params: { id } }),
  );
}

export function useCounterAgreement() {
  return useAgreementMutation(({ id, body }: { id: string; body: CounterAgreementInput }) =>
    api.call(agreementRoutes.counter, { params: { id }, body: { id: newItemId(), ...body } }),
  );
}

export function useReviewAgreement() {
  return useAgreementMutation(
    ({ id, body, requestId }: { id: string; body: ReviewAgreementInput; requestId: string }) =>
      api.call(agreementRoutes.review, { params: { id }, body: { id: requestId, ...body } }),
  );
}
