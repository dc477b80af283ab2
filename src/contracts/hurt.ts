import { z } from "zod";
import { MEANING_LIMITS } from "../domain/limits.ts";
import { Id, ItemId, Mine, Timestamp, text, VisibilitySchema } from "./common.ts";
import { route } from "./route.ts";
import { sealedBody, words } from "./words.ts";

const Scale = z
  .number({ error: "Choose a number from 0 to 10." })
  .int({ error: "Choose a whole number from 0 to 10." })
  .min(0, { error: "Choose a number from 0 to 10." })
  .max(10, { error: "Choose a number from 0 to 10." });

/** The words a person chose for what they feel: from the vocabulary, or their own. */
const FeelingWords = z
  .array(text(MEANING_LIMITS.hurtWordMax), { error: "Choose at least one word." })
  .min(1, { error: "Choose at least one word." })
  .max(MEANING_LIMITS.hurtWordsMax, {
    error: `Choose up to ${MEANING_LIMITS.hurtWordsMax} words.`,
  });

const privateUnlessShared = { defaultVisibility: "private" } as const;

export const HurtBody = sealedBody(
  z.strictObject({
    id: ItemId,
    words: words("hurt", "words", FeelingWords, { ...privateUnlessShared, maxChars: 1200 }),
    broken: words("hurt", "broken", text(MEANING_LIMITS.brokenMax), privateUnlessShared).optional(),
    repairPossible: Scale,
    visibility: VisibilitySchema.default("private"),
  }),
);

export const HurtEntry = z.object({
  id: Id,
  words: words("hurt", "words", z.array(z.string()), { ...privateUnlessShared, maxChars: 1200 }),
  broken: words("hurt", "broken", z.string(), privateUnlessShared).optional(),
  repairPossible: z.number().int(),
  visibility: VisibilitySchema,
  at: Timestamp,
  by: Id,
  mine: Mine,
});
export type HurtEntry = z.infer<typeof HurtEntry>;

export const HurtReply = z.object({
  entries: z.array(HurtEntry),
  series: z
    .array(
      z.object({
        by: Id,
        mine: Mine,
        points: z.array(z.object({ at: Timestamp, value: z.number().int() })),
      }),
    )
    .describe("does repair feel possible, over time: one line per person the caller may see"),
});

const tags = ["hurt"];

export const hurtRoutes = {
  record: route({
    method: "POST",
    path: "/api/hurt",
    tags,
    summary: "Name what hurts and whether repair feels possible (private unless shared)",
    body: HurtBody,
    replies: { 201: z.object({ entry: HurtEntry }) },
    errors: ["id_taken", "link_state"],
  }),
  list: route({
    method: "GET",
    path: "/api/hurt",
    tags,
    summary: "One's own hurt entries and the partner's shared ones, with the repair series",
    replies: { 200: HurtReply },
    errors: [],
  }),
};
