import type { needsRoutes } from "../../../../contracts/needs.ts";

/*
 * The query cache is made on the first page, which carries no contract: the key is written out
 * here (and checked against the contract by the type checker) so naming it costs nothing.
 */
const NEEDS_PATH = "/api/needs-you" satisfies (typeof needsRoutes)["list"]["path"];

/** keyOf(needsRoutes.list): what waits for this person. */
export const needsQueryKey = ["needs", NEEDS_PATH, null, null] as const;
