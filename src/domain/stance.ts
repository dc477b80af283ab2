/** A partner's private position towards the rupture. Never shown to the other partner. */
export const STANCES = ["broke-trust", "hurt", "both"] as const;
export type Stance = (typeof STANCES)[number];
