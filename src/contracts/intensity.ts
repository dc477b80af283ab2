import { z } from "zod";
import { TREND_STATUSES } from "../domain/intensity.ts";
import { STABILIZE_LIMITS } from "../domain/limits.ts";
import { Id, ItemId, Mine, Timestamp, text, VisibilitySchema } from "./common.ts";
import { route } from "./route.ts";
import { TimeZone } from "./talks.ts";
import { sealedBody, words } from "./words.ts";

export const IntensityBody = sealedBody(
  z.strictObject({
    id: ItemId,
    value: z
      .number({ error: "Choose a number from 0 to 10." })
      .int({ error: "Choose a whole number from 0 to 10." })
      .min(0, { error: "Choose a number from 0 to 10." })
      .max(10, { error: "Choose a number from 0 to 10." }),
    note: words("intensity", "note", text(STABILIZE_LIMITS.noteMax)).optional(),
    visibility: VisibilitySchema.default("couple"),
  }),
);

export const IntensityEntry = z.object({
  id: Id,
  value: z.number().int(),
  note: words("intensity", "note", z.string()).optional(),
  visibility: VisibilitySchema.optional().describe("only on the caller's own entries"),
  at: Timestamp,
  mine: Mine,
  by: Id,
});
export type IntensityEntry = z.infer<typeof IntensityEntry>;

export const IntensityEntryReply = z.object({
  entry: z.object({
    id: Id,
    value: z.number().int(),
    note: words("intensity", "note", z.string()).nullable(),
    visibility: VisibilitySchema,
    at: Timestamp,
  }),
});
export const IntensityTrend = z.object({
  by: Id,
  mine: Mine,
  status: z.enum(TREND_STATUSES),
  sentence: z.string(),
});
export const IntensityReply = z.object({
  entries: z.array(IntensityEntry),
  trends: z
    .array(IntensityTrend)
    .describe("one per partner whose intensity checks the caller may see"),
  timeZone: z
    .string()
    .describe("the zone days are counted in: the couple's talk-time zone, or UTC"),
});

/** How far back the intensity checks are kept for the screen (its charts and table). */
export const INTENSITY_HISTORY_DAYS = 120;

export const IntensityQuery = z.object({
  timeZone: TimeZone.optional().describe(
    "the viewer's zone, for counting days; defaults to the couple's talk-time zone, else UTC",
  ),
  days: z.coerce
    .number({ error: `Ask for a number of days, from 1 to ${INTENSITY_HISTORY_DAYS}.` })
    .int({ error: `Ask for a whole number of days, from 1 to ${INTENSITY_HISTORY_DAYS}.` })
    .min(1, { error: `Ask for a number of days, from 1 to ${INTENSITY_HISTORY_DAYS}.` })
    .max(INTENSITY_HISTORY_DAYS, {
      error: `Ask for a number of days, from 1 to ${INTENSITY_HISTORY_DAYS}.`,
    })
    .optional()
    .describe(
      `only the entries of this many last days; the trends are the same either way. Default ${INTENSITY_HISTORY_DAYS}`,
    ),
});

const tags = ["intensity"];

export const intensityRoutes = {
  record: route({
    method: "POST",
    path: "/api/intensity",
    tags,
    summary: "Record an intensity check (0–10), shared or private",
    body: IntensityBody,
    replies: { 201: IntensityEntryReply },
    errors: ["link_state"],
  }),
  overview: route({
    method: "GET",
    path: "/api/intensity",
    tags,
    summary: "The intensity checks the caller may see, and each partner's trend",
    query: IntensityQuery,
    replies: { 200: IntensityReply },
    errors: [],
  }),
};
