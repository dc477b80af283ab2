import { z } from "zod";
import { REBUILD_LIMITS } from "../domain/limits.ts";
import { MILESTONE_KEYS } from "../domain/milestones.ts";
import { SETBACK_KINDS } from "../domain/setbacks.ts";
import { Empty, Id, IdParams, ItemId, Mine, Timestamp, text } from "./common.ts";
import { route } from "./route.ts";
import { sealedBody, words } from "./words.ts";

export const SetbackBody = sealedBody(
  z.strictObject({
    id: ItemId,
    kind: z.enum(SETBACK_KINDS, { error: `Choose a kind: ${SETBACK_KINDS.join(", ")}.` }),
    text: words("setback", "text", text(REBUILD_LIMITS.setbackMax)),
  }),
);

export const StepBody = sealedBody(
  z.strictObject({
    id: ItemId,
    text: words("step", "text", text(REBUILD_LIMITS.stepMax)),
  }),
);

const Step = z.object({
  id: Id,
  by: Id,
  mine: Mine,
  at: Timestamp,
  text: words("step", "text", z.string()),
});

export const Setback = z.object({
  id: Id,
  kind: z.enum(SETBACK_KINDS),
  text: words("setback", "text", z.string()),
  at: Timestamp,
  by: Id,
  mine: Mine,
  steps: z.array(Step),
  repairedBy: z.array(z.object({ by: Id, at: Timestamp })).describe("who has said it is repaired"),
  repairedAt: Timestamp.nullable().describe("once both said so"),
  timeToRepairHours: z.number().nullable(),
});
export type Setback = z.infer<typeof Setback>;

export const SetbacksReply = z.object({
  setbacks: z.array(Setback).describe("newest first"),
  timeToRepair: z
    .array(z.object({ setbackId: Id, hours: z.number() }))
    .describe("repaired setbacks, oldest first"),
  trend: z.string().describe("the time-to-repair trend in words"),
});

export const Milestone = z.object({
  key: z.enum(MILESTONE_KEYS),
  reachedAt: Timestamp,
  seenByMe: z.boolean(),
});
export type Milestone = z.infer<typeof Milestone>;

const SetbackReply = z.object({ setback: Setback });
const tags = ["setbacks"];

export const setbackRoutes = {
  log: route({
    method: "POST",
    path: "/api/setbacks",
    tags,
    summary: "Name a setback; a new deception in Rebuild suggests stepping back to Stabilize",
    body: SetbackBody,
    replies: { 201: z.object({ setback: Setback, suggestStepBack: z.boolean() }) },
    errors: ["id_taken"],
  }),
  list: route({
    method: "GET",
    path: "/api/setbacks",
    tags,
    summary: "Setbacks with their repair steps and how long repair took",
    replies: { 200: SetbacksReply },
    errors: [],
  }),
  step: route({
    method: "POST",
    path: "/api/setbacks/:id/steps",
    tags,
    summary: "Add a repair step to a setback",
    params: IdParams,
    body: StepBody,
    replies: { 201: SetbackReply },
    errors: ["id_taken", "setback_state"],
  }),
  repaired: route({
    method: "POST",
    path: "/api/setbacks/:id/repaired",
    // A quick repair is a milestone.
    tags: [...tags, "milestones"],
    summary: "Say the setback feels repaired; it is once both have said so",
    params: IdParams,
    replies: { 200: SetbackReply },
    errors: ["setback_state"],
  }),
};

export const milestoneRoutes = {
  list: route({
    method: "GET",
    path: "/api/milestones",
    tags: ["milestones"],
    summary: "What the couple has reached in Rebuild, and whether the caller has seen each",
    replies: { 200: z.object({ milestones: z.array(Milestone) }) },
    errors: [],
  }),
  seen: route({
    method: "POST",
    path: "/api/milestones/:key/seen",
    tags: ["milestones"],
    summary: "Mark a milestone as celebrated, so it is not shown again",
    params: z.object({ key: z.enum(MILESTONE_KEYS) }),
    replies: { 204: Empty },
    errors: [],
  }),
};
