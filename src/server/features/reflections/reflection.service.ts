import type { z } from "zod";
import type {
  Reflection,
  ReflectionBody,
  ReflectionComment,
} from "../../../contracts/reflections.ts";
import { pairsOf, visibleReflections } from "../../../domain/reflection-pairs.ts";
import { REFLECTION_PROMPTS, REFLECTION_THEMES, THEME_INFO } from "../../../domain/reflections.ts";
import type { Scope } from "../../platform/access.ts";
import type { ReflectionCommentRow, ReflectionRow } from "../../platform/db-schema.ts";
import { errors } from "../../platform/errors.ts";
import { storedVisibility } from "../../platform/stored.ts";
import type { ScopedStores } from "../../platform/stores.ts";
import type { ServiceDeps } from "../deps.ts";
import type { ReflectionStore } from "./reflection.store.ts";

/**
 * Guided reflections: each partner writes on a prompt privately, shares when ready, and sees the
 * other's answer on that prompt only once both have shared, side by side.
 */
export function reflectionService({ clock }: ServiceDeps, stores: ScopedStores<ReflectionStore>) {
  function present(
    row: ReflectionRow,
    scope: Scope,
    comments: readonly ReflectionCommentRow[],
  ): Reflection {
    return {
      id: row.id,
      promptKey: row.prompt_key,
      body: row.body,
      visibility: storedVisibility(row.visibility),
      by: row.author_id,
      mine: row.author_id === scope.viewerId,
      updatedAt: row.updated_at,
      sharedAt: row.shared_at,
      comments: comments
        .filter((c) => c.reflection_id === row.id)
        .map(
          (c): z.infer<typeof ReflectionComment> => ({
            id: c.id,
            by: c.author_id,
            mine: c.author_id === scope.viewerId,
            at: c.created_at,
            text: c.text,
          }),
        ),
    };
  }

  /** What the scope lets through, minus the partner's answers on prompts not yet shared by both. */
  async function visible(scope: Scope) {
    const rows = visibleReflections(await stores.at(scope).list(), scope.viewerId);
    const comments = await stores.at(scope).comments(rows.map((r) => r.id));
    return rows.map((row) => present(row, scope, comments));
  }

  return {
    prompts() {
      return {
        prompts: REFLECTION_PROMPTS.map(({ key, theme, text, hint }) => ({
          key,
          theme,
          text,
          hint,
        })),
        themes: REFLECTION_THEMES.map((key) => ({ key, ...THEME_INFO[key] })),
      };
    },

    async list(scope: Scope) {
      const all = await stores.at(scope).list();
      const reflections = await visible(scope);
      return {
        reflections,
        pairs: pairsOf(reflections),
        partnerSharedOn: [
          ...new Set(
            all
              .filter((r) => r.author_id !== scope.viewerId && r.shared_at !== null)
              .map((r) => r.prompt_key),
          ),
        ].filter((key) => !reflections.some((r) => r.mine && r.promptKey === key && r.sharedAt)),
      };
    },

    /** First write creates (201); later writes change a private draft or share it (200). */
    async write(scope: Scope, id: string, input: z.infer<typeof ReflectionBody>) {
      const now = clock.now().toISOString();
      const sharedAt = input.visibility === "private" ? null : now;
      return stores.transaction(scope, async (store) => {
        const found = await store.find(id);
        if (found && found.author_id !== scope.viewerId) throw errors.notFound("That reflection");
        if (!found) {
          if (await store.ownOn(input.promptKey)) {
            throw errors.conflict(
              "prompt_answered",
              "You have written on this prompt already. Open that reflection to go on with it.",
            );
          }
          const row: ReflectionRow = {
            id,
            couple_id: scope.coupleId,
            author_id: scope.viewerId,
            prompt_key: input.promptKey,
            body: input.body,
            visibility: input.visibility,
            created_at: now,
            updated_at: now,
            shared_at: sharedAt,
          };
          await store.insert(row);
          return { created: true, reflection: present(row, scope, []) };
        }
        if (found.prompt_key !== input.promptKey) {
          throw errors.invalid({ promptKey: "A reflection stays with the prompt it answers." });
        }
        const change = {
          body: input.body,
          visibility: input.visibility,
          updated_at: now,
          shared_at: sharedAt,
        };
        if (!(await store.rewriteOwnDraft(id, change))) {
          throw errors.conflict(
            "reflection_shared",
            "This reflection is shared, so it stays as it was shared. Add a comment to say more.",
          );
        }
        return { created: false, reflection: present({ ...found, ...change }, scope, []) };
      });
    },

    async comment(scope: Scope, reflectionId: string, input: { id: string; text: string }) {
      const shown = (await visible(scope)).find((r) => r.id === reflectionId);
      if (!shown) throw errors.notFound("That reflection");
      if (shown.visibility === "private") {
        throw errors.conflict(
          "reflection_private",
          "This reflection is private. Share it first if you want to talk about it together.",
        );
      }
      const row: ReflectionCommentRow = {
        id: input.id,
        couple_id: scope.coupleId,
        author_id: scope.viewerId,
        reflection_id: reflectionId,
        text: input.text,
        visibility: shown.visibility,
        created_at: clock.now().toISOString(),
      };
      await stores.at(scope).insertComment(row);
      return { id: row.id, by: row.author_id, mine: true, at: row.created_at, text: row.text };
    },
  };
}
export type ReflectionService = ReturnType<typeof reflectionService>;
