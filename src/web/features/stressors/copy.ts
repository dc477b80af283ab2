import type { StressorPlan } from "../../../domain/stressors.ts";

export const PLAN_LABELS: Record<StressorPlan, string> = {
  pause: "Pause for now",
  reduce: "Reduce",
  keep: "Keep for now",
};

export const PLAN_DESCRIPTIONS: Record<StressorPlan, string> = {
  pause: "Set it aside for the coming weeks, if you can.",
  reduce: "Do less of it, or less often.",
  keep: "It matters, or it can't change right now.",
};
