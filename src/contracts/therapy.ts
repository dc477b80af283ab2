import { z } from "zod";
import { THERAPY_STATUSES } from "../domain/therapy.ts";

export const TherapyBody = z.strictObject({
  status: z.enum(THERAPY_STATUSES, { error: `Choose one of: ${THERAPY_STATUSES.join(", ")}.` }),
});
export const TherapyReply = z.object({ status: z.enum(THERAPY_STATUSES) });
