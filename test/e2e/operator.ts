import { inviteTherapistCommand } from "../../src/cli/invite-therapist.ts";
import { loadConfig } from "../../src/server/config.ts";
import { e2eNow } from "./today.ts";

/**
 * `mend invite-therapist <email>` as the operator runs it, on the journeys' clock: under a fixed
 * "today" the server lives on another day than this machine, and the link must be valid on it.
 */
await inviteTherapistCommand(loadConfig(), process.argv[2], { now: e2eNow });
