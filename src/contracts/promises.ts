import { z } from "zod";
import { REBUILD_LIMITS } from "../domain/limits.ts";
import { TRANSPARENCY_AREAS } from "../domain/promise-templates.ts";
import { PARTNER_VIEWS, PROMISE_KINDS, PROMISE_STATUSES, SELF_MARKS } from "../domain/promises.ts";
import { WEEKDAYS } from "../domain/schedule.ts";
import { Day, Id, IdParam, IdParams, ItemId, Mine, Timestamp, text } from "./common.ts";
import { route } from "./route.ts";
import { sealedBody, words } from "./words.ts";

const Weekday = z.enum(WEEKDAYS, { error: `Choose a weekday: ${WEEKDAYS.join(", ")}.` });

export const CadenceSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("daily") }),
    z.strictObject({
      kind: z.literal("weekdays"),
      days: z
        .array(Weekday, { error: "Choose the weekdays it is due on." })
        .min(1, { error: "Choose at least one weekday." })
        .max(7),
    }),
    z.strictObject({ kind: z.literal("weekly"), days: z.array(Weekday).max(1).optional() }),
    z.strictObject({ kind: z.literal("situational") }),
  ],
  { error: "Choose when it is due: daily, weekdays, weekly or situational." },
);

const Area = z.enum(TRANSPARENCY_AREAS, {
  error: `Choose an area: ${TRANSPARENCY_AREAS.join(", ")}.`,
});

export const PromiseBody = sealedBody(
  z.strictObject({
    id: ItemId,
    text: words("promise", "text", text(REBUILD_LIMITS.promiseMax)),
    noticeHow: words("promise", "noticeHow", text(REBUILD_LIMITS.noticeHowMax)),
    cadence: CadenceSchema,
    kind: z.enum(PROMISE_KINDS, { error: "Choose ordinary or transparency." }).default("ordinary"),
    area: Area.optional(),
    reviewOn: Day.optional(),
    replaces: Id.optional().describe(
      "an active promise of one's own that this new wording changes; it retires once accepted",
    ),
  }),
);

export const MarkBody = sealedBody(
  z.strictObject({
    id: ItemId,
    on: Day,
    mark: z.enum(SELF_MARKS, { error: "Mark it kept or missed." }),
    repairNote: words("mark", "repairNote", text(REBUILD_LIMITS.repairNoteMax)).optional(),
  }),
);

export const ViewBody = z.strictObject({
  on: Day,
  view: z.enum(PARTNER_VIEWS, { error: "Say saw-it or did-not-see." }),
});

export const ExcusalBody = sealedBody(
  z.strictObject({
    id: ItemId,
    from: Day,
    to: Day,
    reason: words("excusal", "reason", text(REBUILD_LIMITS.excusalReasonMax)).optional(),
  }),
);

export const ReviewBody = z.discriminatedUnion(
  "outcome",
  [
    z.strictObject({ outcome: z.literal("keep"), reviewOn: Day }),
    z.strictObject({ outcome: z.literal("retire") }),
  ],
  { error: "Choose keep (with a new review day) or retire." },
);

export const Excusal = z.object({
  id: Id,
  from: Day,
  to: Day,
  reason: words("excusal", "reason", z.string()).optional(),
  status: z.enum(["proposed", "accepted", "declined"]),
  by: Id,
  mine: Mine,
  at: Timestamp,
});

export const Occurrence = z.object({
  on: Day,
  self: z.enum(SELF_MARKS).nullable().describe("the promiser's own mark"),
  partner: z.enum(PARTNER_VIEWS).nullable().describe("what the partner saw"),
  excused: z.boolean(),
  markId: Id.optional().describe("the mark's id, which its repair note is sealed under"),
  repairNote: words("mark", "repairNote", z.string(), { idKey: "markId" }).optional(),
});
export type Occurrence = z.infer<typeof Occurrence>;

const ScorePoint = z.object({ on: Day, score: z.number() });

const Reliability = z.object({
  score: z.number().nullable(),
  words: z.string(),
  series: z.array(ScorePoint),
});

export const PromiseItem = z.object({
  id: Id,
  by: Id,
  mine: Mine,
  status: z.enum(PROMISE_STATUSES),
  text: words("promise", "text", z.string()),
  noticeHow: words("promise", "noticeHow", z.string()),
  cadence: CadenceSchema,
  kind: z.enum(PROMISE_KINDS),
  area: Area.nullable(),
  reviewOn: Day.nullable(),
  replaces: Id.nullable(),
  proposedAt: Timestamp,
  acceptedAt: Timestamp.nullable(),
  startedOn: Day.nullable(),
  endedAt: Timestamp.nullable(),
  reliability: z
    .number()
    .nullable()
    .describe("the promiser's own record as a score from 0 to 1; null before any mark"),
  record: z.object({
    self: Reliability.describe("from the promiser's marks"),
    partner: Reliability.describe("from what the partner saw, never blended with the marks"),
  }),
  occurrences: z.array(Occurrence).describe("oldest first, self-report and the partner's view"),
  excusals: z.array(Excusal),
  sharedWithTherapist: z.boolean().describe("the author shares it with the couple's therapist"),
});
export type PromiseItem = z.infer<typeof PromiseItem>;

export const PromisesReply = z.object({
  promises: z.array(PromiseItem),
  reliability: z
    .number()
    .nullable()
    .describe("the couple's: the mean of each tracked promise's latest score"),
  today: Day.describe("today in the couple's zone: what may be marked is counted from it"),
  timeZone: z.string(),
});

const PromiseReply = z.object({ promise: PromiseItem });
const tags = ["promises"];
const onPromise = {
  params: IdParams,
  tags,
  replies: { 200: PromiseReply },
  errors: ["promise_state"],
} as const;

export const promiseRoutes = {
  create: route({
    method: "POST",
    path: "/api/promises",
    tags,
    summary: "Make a promise; the partner accepts it before it is tracked",
    body: PromiseBody,
    replies: { 201: PromiseReply },
    errors: ["id_taken", "promise_state"],
  }),
  list: route({
    method: "GET",
    path: "/api/promises",
    tags,
    summary: "The couple's promises with every occurrence, both views and the forgiving score",
    replies: { 200: PromisesReply },
    errors: [],
  }),
  accept: route({
    method: "POST",
    path: "/api/promises/:id/accept",
    summary: "Accept the partner's promise as meaningful: tracking starts today",
    ...onPromise,
  }),
  decline: route({
    method: "POST",
    path: "/api/promises/:id/decline",
    summary: "Say the partner's promise is not the one that would help, for now",
    ...onPromise,
  }),
  withdraw: route({
    method: "POST",
    path: "/api/promises/:id/withdraw",
    summary: "Take back one's promise while it waits",
    ...onPromise,
  }),
  review: route({
    method: "POST",
    path: "/api/promises/:id/review",
    summary: "Keep an active promise until a new review day, or retire it",
    body: ReviewBody,
    ...onPromise,
  }),
  mark: route({
    method: "POST",
    path: "/api/promises/:id/marks",
    summary: "The promiser marks a due day kept or missed (up to seven days back)",
    body: MarkBody,
    ...onPromise,
    // A kept day can lay the brick that reaches a milestone: both screens hear of it.
    tags: [...tags, "milestones"],
    errors: ["promise_state", "id_taken"],
  }),
  view: route({
    method: "POST",
    path: "/api/promises/:id/views",
    summary: "The partner says whether they saw a due day kept",
    body: ViewBody,
    ...onPromise,
  }),
  excuse: route({
    method: "POST",
    path: "/api/promises/:id/excusals",
    tags,
    summary: "Ask ahead for days off a promise (travel, illness); the partner agrees",
    params: IdParams,
    body: ExcusalBody,
    replies: { 201: z.object({ excusal: Excusal }) },
    errors: ["promise_state", "id_taken"],
  }),
  acceptExcusal: route({
    method: "POST",
    path: "/api/promises/:id/excusals/:eid/accept",
    tags,
    summary: "Agree to days off the partner asked for ahead",
    params: z.object({ id: IdParam, eid: IdParam }),
    replies: { 200: z.object({ excusal: Excusal }) },
    errors: ["excusal_state"],
  }),
  declineExcusal: route({
    method: "POST",
    path: "/api/promises/:id/excusals/:eid/decline",
    tags,
    summary: "Say no to days off, so the promise stays due",
    params: z.object({ id: IdParam, eid: IdParam }),
    replies: { 200: z.object({ excusal: Excusal }) },
    errors: ["excusal_state"],
  }),
};
