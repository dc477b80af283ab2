import type { CircleStatus } from "../../../domain/circle.ts";

export const CIRCLE_STATUS_LABELS: Record<CircleStatus, string> = {
  proposed: "Waiting for an answer",
  agreed: "Agreed",
  concern: "Concern raised",
};
