import { z } from "zod";
import { Timestamp } from "./common.ts";
import { route } from "./route.ts";

export const CalendarFeed = z.object({
  on: z.boolean().describe("a link is working now"),
  createdAt: Timestamp.nullable().describe("when the working link was made; null while off"),
  neutralTitles: z
    .boolean()
    .describe('every event is called "Appointment" and says nothing more, not even "Mend"'),
});
export type CalendarFeed = z.infer<typeof CalendarFeed>;

const FeedReply = z.object({ feed: CalendarFeed });
const tags = ["calendar"];

/**
 * One's own calendar feed: a secret link a calendar app subscribes to, with the couple's agreed
 * talk times, check-in day and promise reviews. It belongs to the person, not the couple, so it
 * can be on before they are in one (an empty calendar until then).
 */
export const calendarRoutes = {
  settings: route({
    method: "GET",
    path: "/api/calendar",
    tags,
    summary: "Whether my calendar feed is on, since when, and with which titles",
    replies: { 200: FeedReply },
    errors: [],
  }),
  newLink: route({
    method: "POST",
    path: "/api/calendar",
    tags,
    summary:
      "Turn my calendar feed on, or make a new link so the old one stops working; the link is answered this once",
    replies: {
      201: z.object({
        feed: CalendarFeed,
        url: z.string().describe("the secret link, kept by the server only as a hash"),
      }),
    },
    errors: [],
  }),
  turnOff: route({
    method: "DELETE",
    path: "/api/calendar",
    tags,
    summary: "Turn my calendar feed off: its link stops working, the choice of titles is kept",
    replies: { 204: null },
    errors: [],
  }),
  titles: route({
    method: "PUT",
    path: "/api/calendar/titles",
    tags,
    summary: 'Choose the titles of my calendar\'s events: what each is, or "Appointment" for all',
    body: z.strictObject({
      neutral: z.boolean({ error: "Say whether titles should be neutral: true or false." }),
    }),
    replies: { 200: FeedReply },
    errors: [],
  }),
};
