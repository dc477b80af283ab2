import { z } from "zod";
import { NEED_KINDS } from "../domain/needs-you.ts";
import { route } from "./route.ts";

export const Need = z.object({
  kind: z.enum(NEED_KINDS),
  count: z.number().int().positive(),
  href: z.string(),
});
export const NeedsReply = z.object({ needs: z.array(Need) });

const tags = ["needs"];

export const needsRoutes = {
  list: route({
    method: "GET",
    path: "/api/needs-you",
    tags,
    summary:
      "What waits for the caller now, one entry per kind, most pressing first: worked out from states and dates, never from words",
    replies: { 200: NeedsReply },
    errors: [],
  }),
};
