import { z } from "zod";
import { REBUILD_LIMITS } from "../domain/limits.ts";
import { WEEKDAYS } from "../domain/schedule.ts";
import { Id, ItemId, Mine, Timestamp, text } from "./common.ts";
import { route } from "./route.ts";
import { sealedBody, words } from "./words.ts";

const Scale = z
  .number({ error: "Choose a number from 0 to 10." })
  .int({ error: "Choose a whole number from 0 to 10." })
  .min(0, { error: "Choose a number from 0 to 10." })
  .max(10, { error: "Choose a number from 0 to 10." });

const Week = z
  .string()
  .regex(/^\d{4}-W\d{2}$/, { error: "Name the week as an ISO week, like 2026-W49." })
  .describe("ISO week in the couple's zone, e.g. 2026-W49");

/**
 * Three quick answers a check-in may carry for the support signals: answers, never words, so the
 * signals can count them. Each is read by whoever may read the check-in.
 */
const SupportAnswers = z.strictObject({
  sameConcern: z.boolean().default(false).describe("my concern is the same as last week"),
  pushedToMoveOn: z.boolean().default(false).describe("I feel pushed to move on"),
  dontKnowWhereToStart: z
    .boolean()
    .default(false)
    .describe("we want to rebuild but don't know where to start"),
});

export const CheckinBody = sealedBody(
  z.strictObject({
    id: ItemId,
    safety: Scale,
    connection: Scale,
    trust: Scale,
    intensity: Scale,
    appreciation: words("checkin", "appreciation", text(REBUILD_LIMITS.checkinWordsMax)),
    concern: words("checkin", "concern", text(REBUILD_LIMITS.checkinWordsMax)),
    wish: words("checkin", "wish", text(REBUILD_LIMITS.checkinWordsMax)),
    ...SupportAnswers.shape,
  }),
);

export const Checkin = z.object({
  id: Id,
  week: Week,
  by: Id,
  mine: Mine,
  at: Timestamp,
  safety: z.number().int(),
  connection: z.number().int(),
  trust: z.number().int(),
  intensity: z.number().int(),
  appreciation: words("checkin", "appreciation", z.string()),
  concern: words("checkin", "concern", z.string()),
  wish: words("checkin", "wish", z.string()),
  sameConcern: z.boolean(),
  pushedToMoveOn: z.boolean(),
  dontKnowWhereToStart: z.boolean(),
  sharedWithTherapist: z.boolean().describe("the author shares it with the couple's therapist"),
});
export type Checkin = z.infer<typeof Checkin>;

export const CheckinWeek = z.object({
  week: Week,
  mine: Checkin.nullable(),
  theirs: Checkin.nullable().describe("null until both have submitted that week"),
  partnerSubmitted: z.boolean(),
});
export type CheckinWeek = z.infer<typeof CheckinWeek>;

const Weekday = z.enum(WEEKDAYS, { error: `Choose a weekday: ${WEEKDAYS.join(", ")}.` });

export const CheckinsReply = z.object({
  weeks: z.array(CheckinWeek).describe("newest first"),
  currentWeek: Week,
  previousWeek: Week,
  day: z
    .object({ weekday: Weekday, setBy: Id })
    .nullable()
    .describe("the couple's check-in day, for the gentle reminder"),
  timeZone: z.string(),
});

const tags = ["checkins"];

export const checkinRoutes = {
  put: route({
    method: "PUT",
    path: "/api/checkins/:week",
    // The second check-in of a week can complete four in a row.
    tags: [...tags, "milestones"],
    summary: "Write or change one's check-in for this week or last, until both have submitted",
    params: z.object({ week: Week }),
    body: CheckinBody,
    replies: { 200: z.object({ checkin: Checkin }), 201: z.object({ checkin: Checkin }) },
    errors: ["checkin_closed", "id_taken"],
  }),
  list: route({
    method: "GET",
    path: "/api/checkins",
    tags,
    summary: "Weekly check-ins, the partner's revealed once both submitted",
    replies: { 200: CheckinsReply },
    errors: [],
  }),
  setDay: route({
    method: "PUT",
    path: "/api/checkins/day",
    tags,
    summary: "Choose the couple's check-in day, for the reminder on Home",
    body: z.strictObject({ weekday: Weekday }),
    replies: { 200: z.object({ day: z.object({ weekday: Weekday, setBy: Id }) }) },
    errors: [],
  }),
};
