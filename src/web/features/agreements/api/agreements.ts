import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type Agreement,
  AgreementDetailReply,
  AgreementReply,
  AgreementsReply,
  type CounterAgreementBody,
  type ProposeAgreementBody,
  type ReviewAgreementBody,
} from "../../../../contracts/agreements.ts";
import { apiRequest } from "../../../ui/api-client.ts";

export type { Agreement };
export type ProposeAgreementInput = z.output<typeof ProposeAgreementBody>;
export type CounterAgreementInput = z.output<typeof CounterAgreementBody>;
export type ReviewAgreementInput = z.output<typeof ReviewAgreementBody>;
export type AgreementDetail = z.infer<typeof AgreementDetailReply>;

export const agreementsQueryKey = ["agreements"] as const;
export const agreementQueryKey = (id: string) => ["agreements", id] as const;
/** Accepting or reviewing changes the readiness checklist too. */
const coupleKey = ["couple"] as const;

export function useAgreements() {
  return useQuery({
    queryKey: agreementsQueryKey,
    queryFn: ({ signal }) => apiRequest("/api/agreements", AgreementsReply, { signal }),
    select: (reply) => reply.agreements,
    refetchInterval: 30_000,
  });
}

export function useAgreementDetail(id: string, enabled: boolean) {
  return useQuery({
    queryKey: agreementQueryKey(id),
    queryFn: ({ signal }) =>
      apiRequest(`/api/agreements/${encodeURIComponent(id)}`, AgreementDetailReply, { signal }),
    enabled,
  });
}

function useAgreementMutation<V>(
  request: (variables: V) => Promise<z.infer<typeof AgreementReply>>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: agreementsQueryKey }),
        queryClient.invalidateQueries({ queryKey: coupleKey }),
      ]),
  });
}

const path = (id: string, action: string) => `/api/agreements/${encodeURIComponent(id)}/${action}`;

export function useProposeAgreement() {
  return useAgreementMutation((body: ProposeAgreementInput) =>
    apiRequest("/api/agreements", AgreementReply, { method: "POST", body }),
  );
}

export type SimpleAgreementAction = "accept" | "decline" | "withdraw";

export function useAgreementAction() {
  return useAgreementMutation(({ id, action }: { id: string; action: SimpleAgreementAction }) =>
    apiRequest(path(id, action), AgreementReply, { method: "POST" }),
  );
}

export function useCounterAgreement() {
  return useAgreementMutation(({ id, body }: { id: string; body: CounterAgreementInput }) =>
    apiRequest(path(id, "counter"), AgreementReply, { method: "POST", body }),
  );
}

export function useReviewAgreement() {
  return useAgreementMutation(({ id, body }: { id: string; body: ReviewAgreementInput }) =>
    apiRequest(path(id, "review"), AgreementReply, { method: "POST", body }),
  );
}
