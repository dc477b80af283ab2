/** A person in the circle of support: proposed by one, agreed by the other, or with a concern raised. */
export const CIRCLE_STATUSES = ["proposed", "agreed", "concern"] as const;
export type CircleStatus = (typeof CIRCLE_STATUSES)[number];
