import { z } from "zod";
import { SAFETY_AREAS } from "../domain/safety-check.ts";
import { Id, ItemId, Timestamp } from "./common.ts";
import { route } from "./route.ts";
import { sealedBody, words } from "./words.ts";

export const SafetyQuestionsReply = z.object({
  questions: z.array(
    z.object({
      key: z.string(),
      area: z.enum(SAFETY_AREAS),
      text: z.string(),
      options: z.array(z.object({ value: z.string(), label: z.string(), concern: z.boolean() })),
    }),
  ),
});

/** The answers, as JSON, sealed with the author's personal key under `item|u:<userId>|…`. */
const Answers = words(
  "safety-check",
  "answers",
  z.record(z.string().max(64), z.string().max(64), { error: "Answer each question." }),
  { space: "person", maxChars: 2048 },
);

export const SafetyCheckBody = sealedBody(z.strictObject({ id: ItemId, answers: Answers }));

export const CrisisResource = z.object({
  name: z.string(),
  contact: z.string(),
  description: z.string(),
});

/** The server never learns the answers: whether they raise a concern is worked out on opening. */
export const SafetyCheck = z.object({ id: Id, at: Timestamp, answers: Answers });
export const SafetyCheckReply = z.object({ check: z.object({ id: Id, at: Timestamp }) });
export const SafetyChecksReply = z.object({ checks: z.array(SafetyCheck) });
export const SafetyResourcesReply = z.object({ resources: z.array(CrisisResource) });

export const IndividualModeBody = z.strictObject({ on: z.boolean({ error: "Say on or off." }) });

const tags = ["safety"];

export const safetyRoutes = {
  questions: route({
    method: "GET",
    path: "/api/safety-checks/questions",
    tags,
    summary: "The private safety check's questions",
    replies: { 200: SafetyQuestionsReply },
    errors: [],
  }),
  resources: route({
    method: "GET",
    path: "/api/safety-checks/resources",
    tags,
    summary: "Crisis resources, open to everyone",
    replies: { 200: SafetyResourcesReply },
    errors: [],
  }),
  take: route({
    method: "POST",
    path: "/api/safety-checks",
    tags,
    summary: "Take the private safety check; nobody else is told",
    body: SafetyCheckBody,
    replies: { 201: SafetyCheckReply },
    errors: [],
  }),
  list: route({
    method: "GET",
    path: "/api/safety-checks",
    tags,
    summary: "The caller's own safety checks",
    replies: { 200: SafetyChecksReply },
    errors: [],
  }),
};
