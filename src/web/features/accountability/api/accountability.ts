import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type AccountabilityReply,
  accountabilityRoutes,
  type ResponseBody,
} from "../../../../contracts/accountability.ts";
import { coupleRoutes } from "../../../../contracts/couples.ts";
import type { Draft } from "../../../../contracts/words.ts";
import { api, featureKey, keyOf } from "../../../ui/api-client.ts";
import { useRefreshingMutation } from "../../../ui/use-refreshing-mutation.ts";
import { draftSections, type Sections } from "../sections.ts";

export type AccountabilityData = z.infer<typeof AccountabilityReply>;
export type StatementDraft = NonNullable<AccountabilityData["draft"]>;
export type ResponseInput = Draft<z.output<typeof ResponseBody>>;

const accountabilityQueryKey = keyOf(accountabilityRoutes.overview);
/** A heard statement changes the readiness checklist. */
const coupleKey = keyOf(coupleRoutes.view);

export function useAccountability() {
  return useQuery({
    queryKey: accountabilityQueryKey,
    queryFn: ({ signal }) => api.call(accountabilityRoutes.overview, {}, { signal }),
    refetchInterval: 30_000,
  });
}

/**
 * The private working copy, sent as it is typed. Not a refreshing mutation: what the editor
 * holds is newer than anything a reload would bring, so nothing is read back after a save.
 */
export function saveDraft(id: string, values: Sections) {
  return api.call(accountabilityRoutes.saveDraft, { body: { id, ...draftSections(values) } });
}

function useStatementMutation<V, R>(request: (variables: V) => Promise<R>) {
  return useRefreshingMutation([featureKey(accountabilityRoutes.overview), coupleKey], request);
}

export function useDiscardDraft() {
  return useStatementMutation(() => api.call(accountabilityRoutes.discardDraft, {}));
}

/** Each call names its own id, kept by the form across retries, so a retry never shares twice. */
export function useShareVersion() {
  return useStatementMutation(({ id, sections }: { id: string; sections: Sections }) =>
    api.call(accountabilityRoutes.share, { body: { id, ...sections } }),
  );
}

export function useAddAddendum() {
  return useStatementMutation(({ id, text }: { id: string; text: string }) =>
    api.call(accountabilityRoutes.addendum, { body: { id, text } }),
  );
}

export function useRespond() {
  return useStatementMutation(
    ({ versionId, id, body }: { versionId: string; id: string; body: ResponseInput }) =>
      api.call(accountabilityRoutes.respond, { params: { id: versionId }, body: { id, ...body } }),
  );
}
