import { z } from "zod";
import { MEANING_LIMITS } from "../domain/limits.ts";
import { STORY_MARKS, STORY_SECTIONS } from "../domain/story.ts";
import { Id, IdParams, ItemId, Mine, Timestamp, text } from "./common.ts";
import { route } from "./route.ts";
import { sealedBody, words } from "./words.ts";

const Version = z
  .number({ error: "Name the version of the paragraph you read." })
  .int()
  .min(1, { error: "Name the version of the paragraph you read." });

export const AddParagraphBody = sealedBody(
  z.strictObject({
    id: ItemId,
    section: z.enum(STORY_SECTIONS, { error: `Choose one of: ${STORY_SECTIONS.join(", ")}.` }),
    text: words("paragraph", "text", text(MEANING_LIMITS.paragraphMax)),
  }),
);

export const EditParagraphBody = sealedBody(
  z.strictObject({
    text: words("paragraph", "text", text(MEANING_LIMITS.paragraphMax)),
    version: Version.optional().describe(
      "the version the writer rewrote; another one current by now answers 409",
    ),
  }),
);

export const MarkBody = sealedBody(
  z.strictObject({
    id: ItemId,
    mark: z.enum(STORY_MARKS, { error: `Choose one of: ${STORY_MARKS.join(", ")}.` }),
    version: Version,
    note: words("mark", "note", text(MEANING_LIMITS.markNoteMax)).optional(),
  }),
);

export const SignQuery = z.object({
  revision: z.coerce
    .number({ error: "Name the revision of the story you read." })
    .int()
    .min(0)
    .optional()
    .describe("the story revision the signer read; another one current by now answers 409"),
});

export const Mark = z.object({
  id: Id,
  by: Id,
  mine: Mine,
  mark: z.enum(STORY_MARKS),
  version: z.number().int(),
  note: words("mark", "note", z.string()).optional(),
  at: Timestamp,
});

export const Paragraph = z.object({
  id: Id,
  section: z.enum(STORY_SECTIONS),
  text: words("paragraph", "text", z.string()),
  version: z.number().int(),
  by: Id.describe("who proposed it"),
  editedBy: Id.describe("who wrote its current version"),
  mine: Mine,
  updatedAt: Timestamp,
  marks: z.array(Mark),
  sharedWithTherapist: z.boolean().describe("the author shares it with the couple's therapist"),
});
export type Paragraph = z.infer<typeof Paragraph>;

export const StoryReply = z.object({
  sections: z.array(
    z.object({ key: z.enum(STORY_SECTIONS), title: z.string(), invite: z.string() }),
  ),
  paragraphs: z.array(Paragraph),
  coherent: z.boolean(),
  revision: z.number().int().describe("bumped by every change; signatures name it"),
  signedBy: z.array(Id),
  signedAt: Timestamp.nullable().describe("once both signed this revision"),
  signatures: z
    .array(z.object({ by: Id, at: Timestamp }))
    .describe("who signed this revision, and when"),
});

export const SignReply = z.object({
  signedBy: z.array(Id),
  signedAt: Timestamp.nullable(),
  signatures: z.array(z.object({ by: Id, at: Timestamp })),
});

const tags = ["story"];

export const storyRoutes = {
  read: route({
    method: "GET",
    path: "/api/story",
    tags,
    summary: "The shared story: paragraphs by section, marks, coherence and signatures",
    replies: { 200: StoryReply },
    errors: [],
  }),
  add: route({
    method: "POST",
    path: "/api/story/paragraphs",
    tags,
    summary: "Propose a paragraph for a section of the story",
    body: AddParagraphBody,
    replies: { 201: z.object({ paragraph: z.object({ id: Id, version: z.number().int() }) }) },
    errors: ["id_taken"],
  }),
  edit: route({
    method: "PUT",
    path: "/api/story/paragraphs/:id",
    tags,
    summary: "Rewrite a paragraph: a new version; earlier marks and signatures no longer count",
    params: IdParams,
    body: EditParagraphBody,
    replies: { 200: z.object({ paragraph: z.object({ id: Id, version: z.number().int() }) }) },
    errors: ["changed_meanwhile"],
  }),
  mark: route({
    method: "POST",
    path: "/api/story/paragraphs/:id/marks",
    tags,
    summary: "Agree, disagree or ask for a talk about a paragraph's current version",
    params: IdParams,
    body: MarkBody,
    replies: { 200: z.object({ mark: Mark }) },
    errors: ["changed_meanwhile", "id_taken"],
  }),
  sign: route({
    method: "POST",
    path: "/api/story/sign",
    // The second signature is a milestone.
    tags: [...tags, "milestones"],
    summary: "Sign the story once both agree on every paragraph",
    query: SignQuery,
    replies: { 200: SignReply },
    errors: ["story_not_coherent", "changed_meanwhile"],
  }),
};
