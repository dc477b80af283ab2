import { z } from "zod";
import { MEANING_LIMITS, STABILIZE_LIMITS } from "../domain/limits.ts";
import { QUESTION_STATES } from "../domain/questions.ts";
import { Id, IdParams, ItemId, Mine, Timestamp, text } from "./common.ts";
import { route } from "./route.ts";
import { sealedBody, words } from "./words.ts";

export const AskBody = sealedBody(
  z.strictObject({
    id: ItemId,
    text: words("question", "text", text(MEANING_LIMITS.questionMax)),
    repeatOf: Id.optional().describe(
      "an earlier question the asker's browser found close and the asker confirmed",
    ),
  }),
);

export const AnswerBody = sealedBody(
  z.strictObject({
    id: ItemId,
    text: words("answer", "text", text(MEANING_LIMITS.answerMax)),
  }),
);

export const DeferBody = z.strictObject({
  parkingLotItem: sealedBody(
    z.strictObject({
      id: ItemId,
      topic: words("parking-lot", "topic", text(STABILIZE_LIMITS.topicMax)),
    }),
  ),
});

export const AskAgainBody = sealedBody(
  z.strictObject({
    id: ItemId,
    note: words("ask-again", "note", text(MEANING_LIMITS.askAgainNoteMax)).optional(),
  }),
);

export const Answer = z.object({
  id: Id,
  by: Id,
  mine: Mine,
  at: Timestamp,
  text: words("answer", "text", z.string()),
});

export const Asking = z.object({
  id: Id,
  at: Timestamp,
  note: words("ask-again", "note", z.string()).optional(),
});

export const Question = z.object({
  id: Id,
  text: words("question", "text", z.string()),
  state: z.enum(QUESTION_STATES),
  askedBy: Id,
  mine: Mine,
  askedAt: Timestamp,
  repeatOf: Id.nullable(),
  timesAsked: z.number().int().describe("1, then one more for each asking again or repeat"),
  deferredTo: Id.nullable().describe("the parking-lot topic it waits in, for the next talk"),
  answers: z.array(Answer),
  askedAgain: z.array(Asking),
  letGoAt: Timestamp.nullable(),
});
export type Question = z.infer<typeof Question>;

const QuestionReply = z.object({ question: Question });

export const QuestionsReply = z.object({
  questions: z.array(Question),
  weeks: z
    .array(
      z.object({
        week: z.string().describe("ISO week in the couple's zone, e.g. 2026-W49"),
        asked: z.number().int(),
        askedAgain: z.number().int(),
        answered: z.number().int(),
        letGo: z.number().int(),
      }),
    )
    .describe("weekly counts, oldest first"),
  timeZone: z
    .string()
    .describe("the zone weeks are counted in: the couple's talk-time zone, or UTC"),
});

const tags = ["questions"];
const onQuestion = {
  params: IdParams,
  replies: { 200: QuestionReply },
  errors: ["question_state", "id_taken"],
} as const;

export const questionRoutes = {
  ask: route({
    method: "POST",
    path: "/api/questions",
    tags,
    summary: "Ask the partner a question, perhaps as a repeat of an earlier one",
    body: AskBody,
    replies: { 201: QuestionReply },
    errors: ["id_taken"],
  }),
  list: route({
    method: "GET",
    path: "/api/questions",
    tags,
    summary: "The couple's question ledger with answers, and weekly counts",
    replies: { 200: QuestionsReply },
    errors: [],
  }),
  answer: route({
    method: "POST",
    path: "/api/questions/:id/answer",
    tags,
    summary: "Answer the partner's question in writing",
    body: AnswerBody,
    ...onQuestion,
  }),
  defer: route({
    method: "POST",
    path: "/api/questions/:id/defer",
    // The question waits in the parking lot: both features change.
    tags: [...tags, "talks"],
    summary: "Keep the partner's question for the next talk time",
    body: DeferBody,
    ...onQuestion,
  }),
  askAgain: route({
    method: "POST",
    path: "/api/questions/:id/ask-again",
    tags,
    summary: "Ask one's answered question again",
    body: AskAgainBody,
    ...onQuestion,
  }),
  letGo: route({
    method: "POST",
    path: "/api/questions/:id/let-go",
    tags,
    summary: "Let one's question go",
    ...onQuestion,
  }),
};
