import { z } from "zod";
import { MEANING_LIMITS } from "../domain/limits.ts";
import { promptByKey, REFLECTION_THEMES } from "../domain/reflections.ts";
import { Id, ItemId, Mine, Timestamp, text, VisibilitySchema } from "./common.ts";
import { route } from "./route.ts";
import { sealedBody, words } from "./words.ts";

export const ReflectionParams = z.object({ id: ItemId });

const PromptKey = z
  .string({ error: "Choose one of the prompts." })
  .refine((key) => promptByKey(key) !== undefined, { error: "Choose one of the prompts." });

export const ReflectionBody = sealedBody(
  z.strictObject({
    promptKey: PromptKey,
    body: words("reflection", "body", text(MEANING_LIMITS.reflectionMax)),
    visibility: VisibilitySchema,
  }),
);

export const CommentBody = sealedBody(
  z.strictObject({
    id: ItemId,
    text: words("reflection-comment", "text", text(MEANING_LIMITS.commentMax)),
  }),
);

export const ReflectionComment = z.object({
  id: Id,
  by: Id,
  mine: Mine,
  at: Timestamp,
  text: words("reflection-comment", "text", z.string()),
});

export const Reflection = z.object({
  id: Id,
  promptKey: z.string(),
  body: words("reflection", "body", z.string()),
  visibility: VisibilitySchema,
  by: Id,
  mine: Mine,
  updatedAt: Timestamp,
  sharedAt: Timestamp.nullable().describe("when its author shared it; null while private"),
  comments: z.array(ReflectionComment),
});
export type Reflection = z.infer<typeof Reflection>;

export const ReflectionsReply = z.object({
  reflections: z.array(Reflection),
  pairs: z
    .array(z.object({ promptKey: z.string(), mine: Reflection, theirs: Reflection }))
    .describe("prompts both partners have shared on, the two answers side by side"),
  partnerSharedOn: z
    .array(z.string())
    .describe("prompts the partner has shared on and the caller has not: share to see both"),
});

export const PromptsReply = z.object({
  prompts: z.array(
    z.object({
      key: z.string(),
      theme: z.enum(REFLECTION_THEMES),
      text: z.string(),
      hint: z.string(),
    }),
  ),
  themes: z.array(
    z.object({ key: z.enum(REFLECTION_THEMES), title: z.string(), intro: z.string() }),
  ),
});

const tags = ["reflections"];

export const reflectionRoutes = {
  prompts: route({
    method: "GET",
    path: "/api/reflections/prompts",
    tags,
    summary: "The guided reflection prompts, by theme",
    replies: { 200: PromptsReply },
    errors: [],
  }),
  write: route({
    method: "PUT",
    path: "/api/reflections/:id",
    tags,
    summary: "Write or share one's reflection on a prompt (the id is the client's)",
    params: ReflectionParams,
    body: ReflectionBody,
    replies: {
      201: z.object({ reflection: Reflection }),
      200: z.object({ reflection: Reflection }),
    },
    errors: ["id_taken", "reflection_shared", "prompt_answered", "link_state"],
  }),
  list: route({
    method: "GET",
    path: "/api/reflections",
    tags,
    summary: "One's own reflections and, per prompt both shared on, the partner's",
    replies: { 200: ReflectionsReply },
    errors: [],
  }),
  comment: route({
    method: "POST",
    path: "/api/reflections/:id/comments",
    tags,
    summary: "Comment on a shared reflection the caller can read",
    params: ReflectionParams,
    body: CommentBody,
    replies: { 201: z.object({ comment: ReflectionComment }) },
    errors: ["id_taken", "reflection_private"],
  }),
};
