import { z } from "zod";
import { LIMITS } from "../domain/limits.ts";
import { THERAPY_STATUSES } from "../domain/therapy.ts";
import { Id, PhaseSchema, StanceSchema, Timestamp, text } from "./common.ts";
import { ActivePause } from "./talks.ts";

export const CreateCoupleBody = z.strictObject({ stance: StanceSchema });
export const AcceptInviteBody = z.strictObject({ stance: StanceSchema });
export const InviteToken = z.object({ token: z.string().min(1).max(200) });

export const CoupleRef = z.object({ id: Id, phase: PhaseSchema });
export const InviteLink = z.object({ token: z.string(), url: z.string(), expiresAt: Timestamp });

export const CreateCoupleReply = z.object({ couple: CoupleRef, invite: InviteLink });
export const NewInviteReply = z.object({ invite: InviteLink });
export const AcceptInviteReply = z.object({ couple: CoupleRef });
export const InvitePreview = z.object({ invitedBy: z.string(), expiresAt: Timestamp });

export const Partner = z.object({ id: Id, name: z.string() });

export const PhaseHistoryEntry = z.object({
  from: PhaseSchema.nullable(),
  to: PhaseSchema,
  direction: z.enum(["start", "forward", "back"]),
  by: Id.nullable().describe("null when that partner has since deleted their account"),
  confirmedBy: Id.nullable(),
  reason: z.string().nullable(),
  at: Timestamp,
});

export const ReadinessItem = z.object({ key: z.string(), met: z.boolean(), detail: z.string() });
export const Readiness = z.object({ phase: PhaseSchema, items: z.array(ReadinessItem) });

export const PendingPhase = z.object({
  to: PhaseSchema,
  proposedBy: Id,
  reason: z.string().nullable(),
  at: Timestamp,
});

export const CoupleView = z.object({
  id: Id,
  phase: PhaseSchema,
  phaseSince: Timestamp,
  partners: z.array(Partner),
  phaseHistory: z.array(PhaseHistoryEntry),
  readiness: Readiness,
  pendingPhase: PendingPhase.nullable(),
  invitePending: z
    .boolean()
    .describe("an unused, unexpired invite exists and the couple is not full"),
  activePause: ActivePause.nullable().describe("a running pause, without any reason"),
  therapy: z.enum(THERAPY_STATUSES),
  me: z.object({
    id: Id,
    stance: StanceSchema,
    safeEnough: z.boolean(),
    individualMode: z.boolean().describe("couple features paused for me; private to me"),
  }),
});
export type CoupleView = z.infer<typeof CoupleView>;

export const PhaseChangeBody = z.strictObject({
  to: PhaseSchema,
  reason: text(LIMITS.reasonMax).optional(),
});
export const PhaseProposedReply = z.object({
  pending: z.object({ to: PhaseSchema, proposedBy: Id }),
});
export const PhaseChangedReply = z.object({ phase: PhaseSchema });

export const SafeEnoughBody = z.strictObject({
  safeEnough: z.boolean({ error: "Answer yes or no." }),
});
