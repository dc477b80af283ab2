import { z } from "zod";
import { STABILIZE_LIMITS } from "../domain/limits.ts";
import { STRESSOR_PLANS } from "../domain/stressors.ts";
import { Id, Mine, Timestamp, text, VisibilitySchema } from "./common.ts";

export const Stressor = z.object({
  id: Id,
  text: z.string(),
  plan: z.enum(STRESSOR_PLANS),
  by: Id,
  visibility: VisibilitySchema,
  mine: Mine,
  updatedAt: Timestamp,
});
const Plan = z.enum(STRESSOR_PLANS, { error: `Choose one of: ${STRESSOR_PLANS.join(", ")}.` });
export const AddStressorBody = z.strictObject({
  text: text(STABILIZE_LIMITS.stressorMax),
  plan: Plan,
  visibility: VisibilitySchema.optional(),
});
export const UpdateStressorBody = z.strictObject({ plan: Plan });
export const StressorReply = z.object({ stressor: Stressor });
export const StressorsReply = z.object({ stressors: z.array(Stressor) });
