import { z } from "zod";
import { PAUSE_MAX_MINUTES, PAUSE_MIN_MINUTES, STABILIZE_LIMITS } from "../domain/limits.ts";
import {
  CIRCLE_STATUSES,
  PARKING_STATUSES,
  STRESSOR_PLANS,
  THERAPY_STATUSES,
} from "../domain/stabilize.ts";
import { Id, Mine, Timestamp, text, VisibilitySchema } from "./common.ts";

export const IdParams = z.object({ id: Id });

// Parking lot

export const ParkingItem = z.object({
  id: Id,
  topic: z.string(),
  status: z.enum(PARKING_STATUSES),
  raisedBy: Id,
  carriedOver: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const RaiseTopicBody = z.strictObject({ topic: text(STABILIZE_LIMITS.topicMax) });
export const ParkingItemReply = z.object({ item: ParkingItem });
export const ParkingLotReply = z.object({ items: z.array(ParkingItem) });

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

// Stressors

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

// Circle of support

export const CirclePerson = z.object({
  id: Id,
  name: z.string(),
  relation: z.string(),
  by: Id,
  status: z.enum(CIRCLE_STATUSES),
  concern: z.string().nullable(),
  updatedAt: Timestamp,
});
export const AddCirclePersonBody = z.strictObject({
  name: text(STABILIZE_LIMITS.circleNameMax),
  relation: text(STABILIZE_LIMITS.circleRelationMax),
});
export const RaiseConcernBody = z.strictObject({ concern: text(STABILIZE_LIMITS.concernMax) });
export const CirclePersonReply = z.object({ person: CirclePerson });
export const CircleReply = z.object({ people: z.array(CirclePerson) });

// Therapy

export const TherapyBody = z.strictObject({
  status: z.enum(THERAPY_STATUSES, { error: `Choose one of: ${THERAPY_STATUSES.join(", ")}.` }),
});
export const TherapyReply = z.object({ status: z.enum(THERAPY_STATUSES) });
