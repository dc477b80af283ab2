import type { z } from "zod";
import type {
  DraftBody,
  ResponseBody,
  Statement,
  VersionBody,
} from "../../../contracts/accountability.ts";
import { HEARD } from "../../../domain/accountability.ts";
import type { Scope } from "../../platform/access.ts";
import type {
  AccountabilityAddendumRow,
  AccountabilityDraftRow,
  AccountabilityResponseRow,
  AccountabilityVersionRow,
} from "../../platform/db-schema.ts";
import { errors } from "../../platform/errors.ts";
import { storedEnum } from "../../platform/stored.ts";
import type { ScopedStores } from "../../platform/stores.ts";
import type { ServiceDeps } from "../deps.ts";
import type { AccountabilityStore } from "./accountability.store.ts";

/**
 * The accountability statement: a private working copy, then shared versions that are never
 * changed, later disclosures as dated addenda, and the partner's answer to each version.
 * Either partner may write one (stances are private, and a couple may both have broken trust).
 */
export function accountabilityService(
  { clock }: ServiceDeps,
  stores: ScopedStores<AccountabilityStore>,
) {
  const now = () => clock.now().toISOString();

  function presentDraft(row: AccountabilityDraftRow) {
    return {
      id: row.id,
      ...(row.what_i_did ? { whatIDid: row.what_i_did } : {}),
      ...(row.impact ? { impact: row.impact } : {}),
      ...(row.why_not_sooner ? { whyNotSooner: row.why_not_sooner } : {}),
      updatedAt: row.updated_at,
    };
  }

  function statements(
    scope: Scope,
    versions: AccountabilityVersionRow[],
    addenda: AccountabilityAddendumRow[],
    responses: AccountabilityResponseRow[],
  ): Statement[] {
    const authors = [...new Set([...versions, ...addenda].map((row) => row.author_id))];
    return authors.map((by) => ({
      by,
      mine: by === scope.viewerId,
      versions: versions
        .filter((v) => v.author_id === by)
        .map((v) => ({
          id: v.id,
          n: v.n,
          at: v.created_at,
          by,
          whatIDid: v.what_i_did,
          impact: v.impact,
          whyNotSooner: v.why_not_sooner,
          sharedWithTherapist: v.visibility === "therapist",
          responses: responses
            .filter((r) => r.version_id === v.id)
            .map((r) => ({
              id: r.id,
              versionId: r.version_id,
              by: r.author_id,
              mine: r.author_id === scope.viewerId,
              heard: storedEnum(HEARD, r.heard),
              ...(r.missing ? { missing: r.missing } : {}),
              at: r.created_at,
            })),
        })),
      addenda: addenda
        .filter((a) => a.author_id === by)
        .map((a) => ({
          id: a.id,
          at: a.created_at,
          by,
          text: a.text,
          afterVersion: a.after_version,
          sharedWithTherapist: a.visibility === "therapist",
        })),
    }));
  }

  return {
    async overview(scope: Scope) {
      const store = stores.at(scope);
      const [versions, addenda, responses, draft] = await Promise.all([
        store.versions(),
        store.addenda(),
        store.responses(),
        store.draft(),
      ]);
      return {
        statements: statements(scope, versions, addenda, responses),
        draft: draft ? presentDraft(draft) : null,
      };
    },

    async saveDraft(scope: Scope, input: z.infer<typeof DraftBody>) {
      const row: AccountabilityDraftRow = {
        id: input.id,
        couple_id: scope.coupleId,
        author_id: scope.viewerId,
        visibility: "private",
        what_i_did: input.whatIDid ?? null,
        impact: input.impact ?? null,
        why_not_sooner: input.whyNotSooner ?? null,
        created_at: now(),
        updated_at: now(),
      };
      await stores.at(scope).saveDraft(row);
      return presentDraft(row);
    },

    discardDraft: (scope: Scope) => stores.at(scope).discardDraft(),

    /** A new shared version takes the next number, and the working copy it came from goes. */
    async share(scope: Scope, input: z.infer<typeof VersionBody>) {
      const at = now();
      return stores.transaction(scope, async (store) => {
        const n = (await store.newestOwnVersion()) + 1;
        await store.insertVersion({
          id: input.id,
          couple_id: scope.coupleId,
          author_id: scope.viewerId,
          visibility: "couple",
          n,
          what_i_did: input.whatIDid,
          impact: input.impact,
          why_not_sooner: input.whyNotSooner,
          created_at: at,
        });
        await store.discardDraft();
        return { id: input.id, n, at, by: scope.viewerId };
      });
    },

    async addendum(scope: Scope, input: { id: string; text: string }) {
      const at = now();
      return stores.transaction(scope, async (store) => {
        const newest = await store.newestOwnVersion();
        if (newest === 0) {
          throw errors.conflict(
            "statement_state",
            "Share a first version of your statement before adding to it.",
          );
        }
        await store.insertAddendum({
          id: input.id,
          couple_id: scope.coupleId,
          author_id: scope.viewerId,
          visibility: "couple",
          text: input.text,
          after_version: newest,
          created_at: at,
        });
        return { id: input.id, at, by: scope.viewerId };
      });
    },

    async respond(scope: Scope, versionId: string, input: z.infer<typeof ResponseBody>) {
      const version = await stores.at(scope).findVersion(versionId);
      if (!version) throw errors.notFound("That version of the statement");
      if (version.author_id === scope.viewerId) {
        throw errors.conflict(
          "statement_state",
          "Your partner answers your statement; you can add to it with a new version or an addendum.",
        );
      }
      const row: AccountabilityResponseRow = {
        id: input.id,
        couple_id: scope.coupleId,
        author_id: scope.viewerId,
        visibility: "couple",
        version_id: versionId,
        heard: input.heard,
        missing: input.missing ?? null,
        created_at: now(),
      };
      await stores.at(scope).insertResponse(row);
      return {
        id: row.id,
        versionId,
        by: scope.viewerId,
        mine: true,
        heard: input.heard,
        ...(row.missing ? { missing: row.missing } : {}),
        at: row.created_at,
      };
    },
  };
}
export type AccountabilityService = ReturnType<typeof accountabilityService>;
