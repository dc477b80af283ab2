/** Where the couple stands on couples therapy; a decision either way counts for readiness. */
export const THERAPY_STATUSES = ["not-decided", "looking", "started", "set-aside"] as const;
export type TherapyStatus = (typeof THERAPY_STATUSES)[number];

export function therapyDecided(status: TherapyStatus): boolean {
  return status !== "not-decided";
}
