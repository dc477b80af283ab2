/** What each partner plans to do with an outside stressor for now. */
export const STRESSOR_PLANS = ["pause", "reduce", "keep"] as const;
export type StressorPlan = (typeof STRESSOR_PLANS)[number];
