import type { z } from "zod";
import type { AddParagraphBody, MarkBody, Paragraph } from "../../../contracts/story.ts";
import {
  currentMarks,
  SECTION_INFO,
  STORY_MARKS,
  STORY_SECTIONS,
  storyCoherent,
} from "../../../domain/story.ts";
import type { Scope } from "../../platform/access.ts";
import type { StoryMarkRow, StoryParagraphRow } from "../../platform/db-schema.ts";
import { errors } from "../../platform/errors.ts";
import { storedEnum } from "../../platform/stored.ts";
import type { ScopedStores } from "../../platform/stores.ts";
import type { ServiceDeps } from "../deps.ts";
import type { StoryStore } from "./story.store.ts";

/**
 * The shared story. Either partner proposes or rewrites a paragraph; each marks every paragraph's
 * current version; once both agree on all of them, both sign. Every change bumps the story's
 * revision, and a signature counts only for the revision it was given to.
 */
export function storyService({ clock }: ServiceDeps, stores: ScopedStores<StoryStore>) {
  function presentParagraph(
    row: StoryParagraphRow,
    marks: readonly StoryMarkRow[],
    scope: Scope,
  ): Paragraph {
    return {
      id: row.id,
      section: storedEnum(STORY_SECTIONS, row.section),
      text: row.text,
      version: row.version,
      by: row.author_id,
      editedBy: row.edited_by ?? row.author_id,
      mine: row.author_id === scope.viewerId,
      sharedWithTherapist: row.visibility === "therapist",
      updatedAt: row.updated_at,
      marks: marks
        .filter((m) => m.paragraph_id === row.id)
        .map((m) => ({
          id: m.id,
          by: m.author_id,
          mine: m.author_id === scope.viewerId,
          mark: storedEnum(STORY_MARKS, m.mark),
          version: m.version,
          ...(m.note ? { note: m.note } : {}),
          at: m.created_at,
        })),
    };
  }

  async function state(store: StoryStore, scope: Scope) {
    const [rows, marks, partners, revision, signatures] = await Promise.all([
      store.paragraphs(),
      store.marks(),
      store.partnerIds(),
      store.revision(),
      store.signatures(),
    ]);
    // In the order the story is told: section by section, each in the order it was written.
    const paragraphs = rows
      .map((row) => presentParagraph(row, marks, scope))
      .sort((x, y) => STORY_SECTIONS.indexOf(x.section) - STORY_SECTIONS.indexOf(y.section));
    const coherent = storyCoherent(paragraphs, partners);
    const current = signatures.filter((s) => s.revision === revision);
    const signedBy = coherent ? current.map((s) => s.user_id) : [];
    const bothSigned = partners.length === 2 && partners.every((id) => signedBy.includes(id));
    const signedAt = bothSigned
      ? (current
          .map((s) => s.signed_at)
          .sort()
          .at(-1) ?? null)
      : null;
    const signaturesNow = coherent
      ? current.map((sig) => ({ by: sig.user_id, at: sig.signed_at }))
      : [];
    return { paragraphs, coherent, revision, signedBy, signedAt, signatures: signaturesNow };
  }

  const now = () => clock.now().toISOString();

  return {
    async read(scope: Scope) {
      return {
        sections: STORY_SECTIONS.map((key) => ({ key, ...SECTION_INFO[key] })),
        ...(await state(stores.at(scope), scope)),
      };
    },

    add: (scope: Scope, input: z.infer<typeof AddParagraphBody>) =>
      stores.transaction(scope, async (store) => {
        const at = now();
        await store.insertParagraph({
          id: input.id,
          couple_id: scope.coupleId,
          author_id: scope.viewerId,
          visibility: "couple",
          section: input.section,
          text: input.text,
          version: 1,
          edited_by: scope.viewerId,
          created_at: at,
          updated_at: at,
        });
        await store.bumpRevision();
        return { id: input.id, version: 1 };
      }),

    edit: (scope: Scope, id: string, input: { text: string; version?: number | undefined }) =>
      stores.transaction(scope, async (store) => {
        const row = await store.find(id);
        if (!row) throw errors.notFound("That paragraph");
        const from = input.version ?? row.version;
        if (from !== row.version || !(await store.rewrite(id, from, input.text, now()))) {
          throw errors.conflict(
            "changed_meanwhile",
            "This paragraph was rewritten meanwhile. Read the new version first.",
          );
        }
        await store.bumpRevision();
        return { id, version: from + 1 };
      }),

    mark: (scope: Scope, id: string, input: z.infer<typeof MarkBody>) =>
      stores.transaction(scope, async (store) => {
        const row = await store.find(id);
        if (!row) throw errors.notFound("That paragraph");
        if (row.version !== input.version) {
          throw errors.conflict(
            "changed_meanwhile",
            `This paragraph has a newer version (${row.version}). Read it before you mark it.`,
          );
        }
        const mark: StoryMarkRow = {
          id: input.id,
          couple_id: scope.coupleId,
          author_id: scope.viewerId,
          visibility: "couple",
          paragraph_id: id,
          version: input.version,
          mark: input.mark,
          note: input.note ?? null,
          created_at: now(),
        };
        // A mark that leaves the person where they stood (the same "agree" said again, a note
        // added) changes no agreement: the story's revision, and any signature, stand.
        const before = currentMarks(presentParagraph(row, await store.marks(), scope)).get(
          scope.viewerId,
        );
        await store.insertMark(mark);
        if (before !== input.mark) await store.bumpRevision();
        return presentParagraph(row, [mark], scope).marks[0] as Paragraph["marks"][number];
      }),

    sign: (scope: Scope, revision: number | undefined) =>
      stores.transaction(scope, async (store) => {
        const story = await state(store, scope);
        if (revision !== undefined && revision !== story.revision) {
          throw errors.conflict(
            "changed_meanwhile",
            "The story changed since you read it. Read it again before you sign.",
          );
        }
        if (!story.coherent) {
          throw errors.conflict(
            "story_not_coherent",
            "The story can be signed once both of you agree with every paragraph as it stands.",
          );
        }
        await store.sign(story.revision, now());
        const signed = await state(store, scope);
        return {
          signedBy: signed.signedBy,
          signedAt: signed.signedAt,
          signatures: signed.signatures,
        };
      }),
  };
}
export type StoryService = ReturnType<typeof storyService>;
