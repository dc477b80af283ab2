import { z } from "zod";
import { QUIET_HOURS_HINT, quietHoursProblem, REMINDER_KINDS } from "../domain/reminders.ts";
import { route } from "./route.ts";

const Kind = z.enum(REMINDER_KINDS, {
  error: `Name a kind of reminder: ${REMINDER_KINDS.join(", ")}.`,
});

const QuietHours = z
  .strictObject({
    from: z.string({ error: QUIET_HOURS_HINT }).max(5),
    to: z.string({ error: QUIET_HOURS_HINT }).max(5),
    timeZone: z
      .string({ error: "Give the quiet hours' time zone, like Europe/Berlin." })
      .max(64)
      .describe("the zone whose clocks the two times are on: the person's own"),
  })
  .superRefine((quiet, ctx) => {
    const problem = quietHoursProblem(quiet);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .describe(
    "a span of the day on the couple's clocks (it may run past midnight) when none is sent",
  );

export const ReminderSettings = z.object({
  kinds: z.array(Kind).describe("the kinds turned on; none until the person turns one on"),
  quietHours: QuietHours.nullable(),
  neutralSubjects: z
    .boolean()
    .describe('every reminder\'s subject is "A reminder" and its first line says no more'),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

const SettingsReply = z.object({ settings: ReminderSettings });
const tags = ["reminders"];

/**
 * One's own e-mail reminders: which kinds, quiet hours, neutral subjects (kept whether or not the
 * instance sends e-mail; `GET /api/config` says whether it does); and the "stop these" link each
 * reminder carries, which works without signing in.
 */
export const reminderRoutes = {
  settings: route({
    method: "GET",
    path: "/api/reminders",
    tags,
    summary: "Which e-mail reminders I get, my quiet hours, and whether subjects are neutral",
    replies: { 200: SettingsReply },
    errors: [],
  }),
  save: route({
    method: "PUT",
    path: "/api/reminders",
    tags,
    summary: "Choose my e-mail reminders, quiet hours and subjects",
    body: z.strictObject({
      kinds: z.array(Kind).max(REMINDER_KINDS.length),
      quietHours: QuietHours.nullable(),
      neutralSubjects: z.boolean({
        error: "Say whether subjects should be neutral: true or false.",
      }),
    }),
    replies: { 200: SettingsReply },
    errors: [],
  }),
  stop: route({
    method: "POST",
    path: "/api/reminders/stop",
    tags,
    summary: "Stop one kind of reminder, with the link a reminder carried (no sign-in needed)",
    body: z.strictObject({
      token: z.string({ error: "Give the token from the link." }).min(1).max(64),
    }),
    replies: { 200: z.object({ kind: Kind.describe("the kind that is now off") }) },
    errors: [],
  }),
};
