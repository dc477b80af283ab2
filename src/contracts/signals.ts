import { z } from "zod";
import { EVIDENCE_CODES, SIGNAL_KEYS, SUPPORT_ANSWER_KINDS } from "../domain/support-signals.ts";
import { Id, IdParam, ItemId, Timestamp, VisibilitySchema } from "./common.ts";
import { route } from "./route.ts";

const SignalKey = z.enum(SIGNAL_KEYS, { error: `Name a signal: ${SIGNAL_KEYS.join(", ")}.` });

export const Evidence = z.object({
  what: z.enum(EVIDENCE_CODES).describe("what was counted, as a stable code"),
  count: z.number().int().describe("how many: times, answers, paragraphs, weeks or days"),
  since: Timestamp,
  words: z.string().describe("the same, in words for the card"),
});

export const Signal = z.object({
  key: SignalKey,
  title: z.string(),
  why: z.string(),
  since: Timestamp,
  evidence: z.array(Evidence),
  clearsWhen: z.string(),
  snoozedUntil: Timestamp.nullable(),
  sharedWithTherapist: z.boolean(),
});
export type Signal = z.infer<typeof Signal>;

export const Referral = z.object({
  name: z.string(),
  detail: z.string().nullable().describe("a line about them: languages, fees, region"),
  url: z.string().nullable(),
  phone: z.string().nullable(),
});
export type Referral = z.infer<typeof Referral>;

export const SupportAnswer = z.object({
  id: Id,
  kind: z.enum(SUPPORT_ANSWER_KINDS),
  visibility: VisibilitySchema,
  at: Timestamp,
});

export const SignalsReply = z.object({
  signals: z.array(Signal).describe("in the road map's order; snoozed ones included, folded"),
  referrals: z
    .array(Referral)
    .describe("the operator's list (MEND_THERAPIST_REFERRALS_FILE); empty: how to find one"),
  myAnswers: z.array(SupportAnswer).describe("the caller's own quick answers, newest first"),
  partnerAnswers: z
    .array(SupportAnswer)
    .describe("the quick answers the partner chose to share, newest first; never a private one"),
  sharedWithTherapist: z.boolean().describe("the caller shares their view with a therapist"),
});

export const SupportAnswerBody = z.strictObject({
  id: ItemId,
  kind: z.enum(SUPPORT_ANSWER_KINDS, {
    error: `Choose an answer: ${SUPPORT_ANSWER_KINDS.join(", ")}.`,
  }),
  visibility: VisibilitySchema.default("private"),
});

export const SnoozeBody = z.strictObject({
  days: z
    .number({ error: "Snooze for 7, 14 or 28 days." })
    .int()
    .refine((d) => d === 7 || d === 14 || d === 28, { error: "Snooze for 7, 14 or 28 days." }),
});

const tags = ["signals"];

export const signalRoutes = {
  list: route({
    method: "GET",
    path: "/api/signals",
    tags,
    summary: "When a couples therapist would likely help: the signals the caller may see, and why",
    replies: { 200: SignalsReply },
    errors: [],
  }),
  answer: route({
    method: "POST",
    path: "/api/signals/answers",
    tags,
    summary: 'A quick answer: "I feel pushed to move on", "we don\'t know where to start"',
    body: SupportAnswerBody,
    replies: { 201: z.object({ answer: SupportAnswer }) },
    errors: ["id_taken", "link_state"],
  }),
  takeBack: route({
    method: "DELETE",
    path: "/api/signals/answers/:id",
    tags,
    summary: "Take back one's own quick answer",
    params: z.object({ id: IdParam }),
    replies: { 204: null },
    errors: [],
  }),
  snooze: route({
    method: "POST",
    path: "/api/signals/:key/snooze",
    tags,
    summary: "Fold a signal away for a while (for the caller alone)",
    params: z.object({ key: SignalKey }),
    body: SnoozeBody,
    replies: { 200: z.object({ until: Timestamp }) },
    errors: [],
  }),
  share: route({
    method: "PUT",
    path: "/api/signals/sharing",
    tags,
    summary: "Whether the caller's view of the signals appears on a linked therapist's caseload",
    body: z.strictObject({ shared: z.boolean() }),
    replies: { 204: null },
    errors: [],
  }),
};
