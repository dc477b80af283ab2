import { z } from "zod";
import { CIRCLE_STATUSES } from "../domain/circle.ts";
import { STABILIZE_LIMITS } from "../domain/limits.ts";
import { Id, Timestamp, text } from "./common.ts";

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
