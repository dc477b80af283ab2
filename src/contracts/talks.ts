import { z } from "zod";
import { PAUSE_MAX_MINUTES, PAUSE_MIN_MINUTES, STABILIZE_LIMITS } from "../domain/limits.ts";
import { CURSOR_PATTERN } from "../domain/pages.ts";
import { isValidTimeZone, parseClock, TALK_MINUTES, WEEKDAYS } from "../domain/schedule.ts";
import { PARKING_STATUSES, TALK_OUTCOMES, TALK_TIME_STATUSES } from "../domain/talks.ts";
import { Id, IdParams, ItemId, Mine, Timestamp, text, VisibilitySchema } from "./common.ts";
import { route } from "./route.ts";
import { sealedBody, words } from "./words.ts";

// Talk times and their logs

const Weekday = z.enum(WEEKDAYS, { error: `Choose a weekday: ${WEEKDAYS.join(", ")}.` });
const Start = z
  .string({ error: "Give a start time like 19:30." })
  .refine((value) => parseClock(value) !== null, {
    error: "Give a start time like 19:30 (00:00 to 23:59).",
  });
const Minutes = z
  .number({ error: "Say how many minutes the talk lasts." })
  .int({ error: "Use whole minutes." })
  .min(TALK_MINUTES.min, { error: `A talk lasts at least ${TALK_MINUTES.min} minutes.` })
  .max(TALK_MINUTES.max, { error: `A talk lasts at most ${TALK_MINUTES.max} minutes.` });
export const TimeZone = z
  .string({ error: "Give a time zone such as Europe/Berlin." })
  .max(64)
  .refine(isValidTimeZone, {
    error: "Unknown time zone; use a name such as Europe/Berlin or America/Chicago.",
  });

export const ProposeTalkTimeBody = z.strictObject({
  weekday: Weekday,
  start: Start,
  minutes: Minutes,
  timeZone: TimeZone,
});

export const TalkTime = z.object({
  id: Id,
  weekday: Weekday,
  start: z.string(),
  minutes: z.number().int(),
  timeZone: z.string(),
  status: z.enum(TALK_TIME_STATUSES),
  proposedBy: Id,
  replacesId: Id.nullable(),
  createdAt: Timestamp,
});
export type TalkTime = z.infer<typeof TalkTime>;

export const TalkWindow = z.object({ startsAt: Timestamp, endsAt: Timestamp, talkTimeId: Id });

export const TalkTimeReply = z.object({ talkTime: TalkTime });
export const TalkTimesReply = z.object({
  talkTimes: z.array(TalkTime),
  next: TalkWindow.nullable().describe("the next accepted window whose end is after now"),
  toLog: TalkWindow.extend({
    paused: z.boolean().describe("a pause ran during part of it"),
  })
    .nullable()
    .describe("the latest window of the past three days the caller has not logged"),
});

export const TalkLogBody = sealedBody(
  z.strictObject({
    id: ItemId,
    windowStart: Timestamp,
    went: z.enum(TALK_OUTCOMES, { error: `Choose one of: ${TALK_OUTCOMES.join(", ")}.` }),
    intensityBefore: z.number().int().min(0).max(10),
    intensityAfter: z.number().int().min(0).max(10),
    note: words("talk-log", "note", text(STABILIZE_LIMITS.noteMax)).optional(),
    visibility: VisibilitySchema.default("couple"),
  }),
);

export const TalkLog = z.object({
  id: Id,
  talkTimeId: Id.nullable(),
  windowStart: Timestamp,
  went: z.enum(TALK_OUTCOMES),
  intensityBefore: z.number().int(),
  intensityAfter: z.number().int(),
  note: words("talk-log", "note", z.string()).nullable(),
  by: Id,
  mine: Mine,
  visibility: VisibilitySchema.optional().describe("only on the caller's own logs"),
  at: Timestamp,
});
export const TalkLogReply = z.object({ log: TalkLog });
export const TalkLogsReply = z.object({
  logs: z.array(TalkLog).describe("the newest logs first, a page of them"),
  earlier: z
    .string()
    .nullable()
    .describe("the cursor for the logs before these, or null when there are none"),
});
export const TalkLogsQuery = z.object({
  before: z
    .string()
    .regex(CURSOR_PATTERN, { error: "This is not a cursor this list gave out." })
    .optional()
    .describe("a cursor from `earlier`: the page of logs before it"),
});

// Parking lot

export const ParkingItem = z.object({
  id: Id,
  topic: words("parking-lot", "topic", z.string()),
  status: z.enum(PARKING_STATUSES),
  raisedBy: Id,
  carriedOver: z.number().int(),
  onAgenda: z.boolean().describe("chosen for the talk under way, by either partner"),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const RaiseTopicBody = sealedBody(
  z.strictObject({
    id: ItemId,
    topic: words("parking-lot", "topic", text(STABILIZE_LIMITS.topicMax)),
  }),
);
/** New words for one's own open topic, sealed under the topic's id (the path's). */
export const EditTopicBody = sealedBody(
  z.strictObject({
    topic: words("parking-lot", "topic", text(STABILIZE_LIMITS.topicMax)),
  }),
);
export const ParkingItemReply = z.object({ item: ParkingItem });
export const ParkingLotReply = z.object({
  items: z
    .array(ParkingItem)
    .describe("every open topic, then the newest discussed ones (a page of them)"),
  earlier: z
    .string()
    .nullable()
    .describe("the cursor for the discussed topics before these, or null when there are none"),
});
export const ParkingLotQuery = z.object({
  before: z
    .string()
    .regex(CURSOR_PATTERN, { error: "This is not a cursor this list gave out." })
    .optional()
    .describe("a cursor from `earlier`: the page of discussed topics before it"),
});

// Pause

export const PauseBody = z.strictObject({
  minutes: z
    .number({ error: "Say how many minutes the pause lasts." })
    .int({ error: "Use whole minutes." })
    .min(PAUSE_MIN_MINUTES, { error: `A pause lasts at least ${PAUSE_MIN_MINUTES} minutes.` })
    .max(PAUSE_MAX_MINUTES, { error: `A pause lasts at most ${PAUSE_MAX_MINUTES} minutes.` }),
});
export const Pause = z.object({ id: Id, startedAt: Timestamp, endsAt: Timestamp });
export const PauseReply = z.object({ pause: Pause });
export const ActivePause = z.object({ byMe: z.boolean(), endsAt: Timestamp });

const tags = ["talks"];
const talkTimeStep = (action: "accept" | "decline" | "withdraw" | "end", summary: string) =>
  route({
    method: "POST",
    path: `/api/talk-times/:id/${action}`,
    tags,
    summary,
    params: IdParams,
    replies: { 200: TalkTimeReply },
    errors: ["talk_time_state"],
  });

export const talkRoutes = {
  proposeTalkTime: route({
    method: "POST",
    path: "/api/talk-times",
    tags,
    summary: "Propose a weekly talk time",
    body: ProposeTalkTimeBody,
    replies: { 201: TalkTimeReply },
    errors: [],
  }),
  talkTimes: route({
    method: "GET",
    path: "/api/talk-times",
    tags,
    summary: "Talk times, the next window and the talk still to log",
    replies: { 200: TalkTimesReply },
    errors: [],
  }),
  acceptTalkTime: talkTimeStep("accept", "The other partner agrees to the talk time"),
  declineTalkTime: talkTimeStep("decline", "The other partner says no"),
  withdrawTalkTime: talkTimeStep("withdraw", "The proposer takes it back"),
  endTalkTime: talkTimeStep("end", "Either partner stops an agreed talk time"),
  counterTalkTime: route({
    method: "POST",
    path: "/api/talk-times/:id/counter",
    tags,
    summary: "How about another time? The new time is the caller's proposal",
    params: IdParams,
    body: ProposeTalkTimeBody,
    replies: { 200: TalkTimeReply },
    errors: ["talk_time_state"],
  }),
  logTalk: route({
    method: "POST",
    path: "/api/talk-times/:id/logs",
    tags,
    summary: "The one-minute log after a talk",
    params: IdParams,
    body: TalkLogBody,
    replies: { 201: TalkLogReply },
    errors: ["already_logged", "link_state"],
  }),
  talkLogs: route({
    method: "GET",
    path: "/api/talk-logs",
    tags,
    summary: "How the talks went, as the caller may see",
    query: TalkLogsQuery,
    replies: { 200: TalkLogsReply },
    errors: [],
    paged: true,
  }),
  raiseTopic: route({
    method: "POST",
    path: "/api/parking-lot",
    tags,
    summary: "Park a topic for the next talk time",
    body: RaiseTopicBody,
    replies: { 201: ParkingItemReply },
    errors: [],
  }),
  parkingLot: route({
    method: "GET",
    path: "/api/parking-lot",
    tags,
    summary: "The parked topics: all open ones and a page of discussed ones",
    query: ParkingLotQuery,
    replies: { 200: ParkingLotReply },
    errors: [],
    paged: true,
  }),
  discussed: route({
    method: "POST",
    path: "/api/parking-lot/:id/discussed",
    tags,
    summary: "A topic was talked about",
    params: IdParams,
    replies: { 200: ParkingItemReply },
    errors: ["topic_closed"],
  }),
  carryOver: route({
    method: "POST",
    path: "/api/parking-lot/:id/carry-over",
    tags,
    summary: "A topic waits for the next talk",
    params: IdParams,
    replies: { 200: ParkingItemReply },
    errors: ["topic_closed"],
  }),
  agenda: route({
    method: "POST",
    path: "/api/parking-lot/:id/agenda",
    tags,
    summary: "Put an open topic on the talk's agenda, or take it off (either partner)",
    params: IdParams,
    body: z.strictObject({ on: z.boolean({ error: "Say on or off." }) }),
    replies: { 200: ParkingItemReply },
    errors: ["topic_closed"],
  }),
  editTopic: route({
    method: "POST",
    path: "/api/parking-lot/:id/edit",
    tags,
    summary: "New words for one's own topic, before it is discussed",
    params: IdParams,
    body: EditTopicBody,
    replies: { 200: ParkingItemReply },
    errors: ["topic_closed"],
  }),
  withdrawTopic: route({
    method: "DELETE",
    path: "/api/parking-lot/:id",
    tags,
    summary: "Take back one's own topic, before it is discussed",
    params: IdParams,
    replies: { 204: null },
    errors: ["topic_closed"],
  }),
  startPause: route({
    method: "POST",
    path: "/api/pauses",
    tags,
    summary: "Call a pause; the partner sees only until when",
    body: PauseBody,
    replies: { 201: PauseReply },
    errors: ["pause_running"],
  }),
  endPause: route({
    method: "POST",
    path: "/api/pauses/current/end",
    tags,
    summary: "End one's own pause early",
    replies: { 204: null },
    errors: [],
  }),
};
