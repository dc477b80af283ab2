import { z } from "zod";
import { STABILIZE_LIMITS } from "../domain/limits.ts";
import { STRESSOR_PLANS } from "../domain/stressors.ts";
import { Id, IdParams, ItemId, Mine, Timestamp, text, VisibilitySchema } from "./common.ts";
import { route } from "./route.ts";
import { sealedBody, words } from "./words.ts";

export const Stressor = z.object({
  id: Id,
  text: words("stressor", "text", z.string()),
  plan: z.enum(STRESSOR_PLANS),
  by: Id,
  visibility: VisibilitySchema,
  mine: Mine,
  updatedAt: Timestamp,
});
const Plan = z.enum(STRESSOR_PLANS, { error: `Choose one of: ${STRESSOR_PLANS.join(", ")}.` });
export const AddStressorBody = sealedBody(
  z.strictObject({
    id: ItemId,
    text: words("stressor", "text", text(STABILIZE_LIMITS.stressorMax)),
    plan: Plan,
    visibility: VisibilitySchema.default("couple"),
  }),
);
export const UpdateStressorBody = z.strictObject({ plan: Plan });
export const StressorReply = z.object({ stressor: Stressor });
export const StressorsReply = z.object({ stressors: z.array(Stressor) });

const tags = ["stressors"];

export const stressorRoutes = {
  add: route({
    method: "POST",
    path: "/api/stressors",
    tags,
    summary: "Name an outside stressor and a plan for it",
    body: AddStressorBody,
    replies: { 201: StressorReply },
    errors: ["link_state"],
  }),
  list: route({
    method: "GET",
    path: "/api/stressors",
    tags,
    summary: "The stressors the caller may see",
    replies: { 200: StressorsReply },
    errors: [],
  }),
  setPlan: route({
    method: "POST",
    path: "/api/stressors/:id",
    tags,
    summary: "Change the plan for one's own stressor",
    params: IdParams,
    body: UpdateStressorBody,
    replies: { 200: StressorReply },
    errors: [],
  }),
  remove: route({
    method: "DELETE",
    path: "/api/stressors/:id",
    tags,
    summary: "Remove one's own stressor",
    params: IdParams,
    replies: { 204: null },
    errors: [],
  }),
};
