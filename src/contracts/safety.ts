import { z } from "zod";
import { SAFETY_AREAS } from "../domain/safety-check.ts";
import { Id, Timestamp } from "./common.ts";
import { route } from "./route.ts";
import { words } from "./words.ts";

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

export const SafetyCheckBody = z.strictObject({
  answers: words(
    "safety-check",
    "answers",
    z.record(z.string().max(64), z.string().max(64), { error: "Answer each question." }),
  ),
});

export const CrisisResource = z.object({
  name: z.string(),
  contact: z.string(),
  description: z.string(),
});
export const RiskyFeature = z.object({ key: z.string(), title: z.string(), why: z.string() });

export const SafetyCheck = z.object({
  id: Id,
  at: Timestamp,
  concern: z.boolean(),
  areas: z.array(z.enum(SAFETY_AREAS)),
});

export const SafetyCheckReply = z.object({
  check: SafetyCheck,
  resources: z.array(CrisisResource).describe("shown when there is a concern; empty otherwise"),
  riskyFeatures: z
    .array(RiskyFeature)
    .describe("features that could make things worse, on a concern"),
  individualMode: z.boolean(),
});
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
    path: "/api/safety/resources",
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
