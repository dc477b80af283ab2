import { z } from "zod";
import { HEARD } from "../domain/accountability.ts";
import { MEANING_LIMITS } from "../domain/limits.ts";
import { Id, IdParams, ItemId, Mine, Timestamp, text } from "./common.ts";
import { route } from "./route.ts";
import { sealedBody, words } from "./words.ts";

const section = (type: string, field: string) =>
  words(type, field, text(MEANING_LIMITS.sectionMax));
/** A working copy may be half-written: each section is sent only once it has words. */
const draftSection = (field: string) =>
  words("accountability-draft", field, z.string().trim().max(MEANING_LIMITS.sectionMax), {
    defaultVisibility: "private",
  }).optional();

export const DraftBody = sealedBody(
  z.strictObject({
    id: ItemId,
    whatIDid: draftSection("whatIDid"),
    impact: draftSection("impact"),
    whyNotSooner: draftSection("whyNotSooner"),
  }),
);

export const Draft = z.object({
  id: Id,
  whatIDid: draftSection("whatIDid"),
  impact: draftSection("impact"),
  whyNotSooner: draftSection("whyNotSooner"),
  updatedAt: Timestamp,
});

export const VersionBody = sealedBody(
  z.strictObject({
    id: ItemId,
    whatIDid: section("accountability", "whatIDid"),
    impact: section("accountability", "impact"),
    whyNotSooner: section("accountability", "whyNotSooner"),
  }),
);

export const AddendumBody = sealedBody(
  z.strictObject({
    id: ItemId,
    text: words("addendum", "text", text(MEANING_LIMITS.addendumMax)),
  }),
);

export const ResponseBody = sealedBody(
  z.strictObject({
    id: ItemId,
    heard: z.enum(HEARD, { error: `Choose one of: ${HEARD.join(", ")}.` }),
    missing: words("response", "missing", text(MEANING_LIMITS.missingMax)).optional(),
  }),
);

export const StatementResponse = z.object({
  id: Id,
  versionId: Id,
  by: Id,
  mine: Mine,
  heard: z.enum(HEARD),
  missing: words("response", "missing", z.string()).optional(),
  at: Timestamp,
});

export const StatementVersion = z.object({
  id: Id,
  n: z.number().int().describe("1 for the first shared version, then 2, 3…"),
  at: Timestamp,
  by: Id,
  whatIDid: words("accountability", "whatIDid", z.string()),
  impact: words("accountability", "impact", z.string()),
  whyNotSooner: words("accountability", "whyNotSooner", z.string()),
  responses: z.array(StatementResponse),
  sharedWithTherapist: z.boolean().describe("the author shares it with the couple's therapist"),
});

export const Addendum = z.object({
  id: Id,
  at: Timestamp,
  by: Id,
  text: words("addendum", "text", z.string()),
  afterVersion: z.number().int().describe("the version that was newest when it was added"),
  sharedWithTherapist: z.boolean().describe("the author shares it with the couple's therapist"),
});

export const Statement = z.object({
  by: Id,
  mine: Mine,
  versions: z.array(StatementVersion),
  addenda: z.array(Addendum),
});
export type Statement = z.infer<typeof Statement>;

export const AccountabilityReply = z.object({
  statements: z.array(Statement),
  draft: Draft.nullable().describe("the caller's own working copy, never anyone else's"),
});

const tags = ["accountability"];

export const accountabilityRoutes = {
  overview: route({
    method: "GET",
    path: "/api/accountability",
    tags,
    summary: "Every shared statement version, response and addendum, and one's own draft",
    replies: { 200: AccountabilityReply },
    errors: [],
  }),
  saveDraft: route({
    method: "PUT",
    path: "/api/accountability/draft",
    tags,
    summary: "Autosave one's private working copy (sealed with the personal key)",
    body: DraftBody,
    replies: { 200: z.object({ draft: Draft }) },
    errors: [],
  }),
  discardDraft: route({
    method: "DELETE",
    path: "/api/accountability/draft",
    tags,
    summary: "Throw away one's working copy",
    replies: { 204: null },
    errors: [],
  }),
  share: route({
    method: "POST",
    path: "/api/accountability/versions",
    tags,
    summary: "Share a new version of one's statement; it is never changed afterwards",
    body: VersionBody,
    replies: {
      201: z.object({ version: z.object({ id: Id, n: z.number().int(), at: Timestamp, by: Id }) }),
    },
    errors: ["id_taken"],
  }),
  addendum: route({
    method: "POST",
    path: "/api/accountability/addenda",
    tags,
    summary: "Add a later disclosure to one's statement, dated, never edited in",
    body: AddendumBody,
    replies: { 201: z.object({ addendum: z.object({ id: Id, at: Timestamp, by: Id }) }) },
    errors: ["id_taken", "statement_state"],
  }),
  respond: route({
    method: "POST",
    path: "/api/accountability/versions/:id/responses",
    tags,
    summary: "Say whether a version of the partner's statement leaves one feeling heard",
    params: IdParams,
    body: ResponseBody,
    replies: { 201: z.object({ response: StatementResponse }) },
    errors: ["id_taken", "statement_state"],
  }),
};
