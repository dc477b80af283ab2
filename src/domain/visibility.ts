/** Who may see an item: its author alone, both partners, or both partners and their linked therapist. */
export const VISIBILITIES = ["private", "couple", "therapist"] as const;
export type Visibility = (typeof VISIBILITIES)[number];
