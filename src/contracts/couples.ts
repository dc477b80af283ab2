import { z } from "zod";
import { LIMITS } from "../domain/limits.ts";
import { THERAPY_STATUSES } from "../domain/therapy.ts";
import { Id, PhaseSchema, StanceSchema, Timestamp, text } from "./common.ts";
import { route } from "./route.ts";
import { IndividualModeBody } from "./safety.ts";
import { ActivePause } from "./talks.ts";
import { TherapyBody, TherapyReply } from "./therapy.ts";
import { words } from "./words.ts";

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
  reason: words("phase-move", "reason", z.string()).nullable(),
  at: Timestamp,
});

export const ReadinessItem = z.object({ key: z.string(), met: z.boolean(), detail: z.string() });
export const Readiness = z.object({ phase: PhaseSchema, items: z.array(ReadinessItem) });

export const PendingPhase = z.object({
  to: PhaseSchema,
  proposedBy: Id,
  reason: words("phase-move", "reason", z.string()).nullable(),
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
  reason: words("phase-move", "reason", text(LIMITS.reasonMax)).optional(),
});
export const PhaseProposedReply = z.object({
  pending: z.object({ to: PhaseSchema, proposedBy: Id }),
});
export const PhaseChangedReply = z.object({ phase: PhaseSchema });

export const SafeEnoughBody = z.strictObject({
  safeEnough: z.boolean({ error: "Answer yes or no." }),
});

const tags = ["couples"];

export const coupleRoutes = {
  create: route({
    method: "POST",
    path: "/api/couples",
    tags,
    summary: "Start a couple space and get an invite link for the partner",
    body: CreateCoupleBody,
    replies: { 201: CreateCoupleReply },
    errors: ["already_in_couple"],
  }),
  newInvite: route({
    method: "POST",
    path: "/api/couple/invite",
    tags,
    summary: "A new invite link; the one before stops working",
    replies: { 201: NewInviteReply },
    errors: ["couple_full"],
  }),
  previewInvite: route({
    method: "GET",
    path: "/api/invites/:token",
    tags,
    summary: "Who an invite link is from, before joining",
    params: InviteToken,
    replies: { 200: InvitePreview },
    errors: [],
  }),
  acceptInvite: route({
    method: "POST",
    path: "/api/invites/:token/accept",
    tags,
    summary: "Join the couple space an invite link is for",
    params: InviteToken,
    body: AcceptInviteBody,
    replies: { 200: AcceptInviteReply },
    errors: ["invite_used", "own_invite", "already_in_couple", "couple_full", "rate_limited"],
  }),
  view: route({
    method: "GET",
    path: "/api/couple",
    tags,
    summary: "The couple as the caller sees it: phase, history, readiness, what is pending",
    replies: { 200: CoupleView },
    errors: [],
  }),
  safeEnough: route({
    method: "POST",
    path: "/api/couple/safe-enough",
    tags,
    summary: "The caller's private answer: safe enough to go on",
    body: SafeEnoughBody,
    replies: { 204: null },
    errors: [],
  }),
  individualMode: route({
    method: "POST",
    path: "/api/couple/individual-mode",
    tags,
    summary: "Couple features paused for the caller alone",
    body: IndividualModeBody,
    replies: { 204: null },
    errors: [],
  }),
  therapy: route({
    method: "POST",
    path: "/api/couple/therapy",
    tags,
    summary: "Where the couple stands on couples therapy",
    body: TherapyBody,
    replies: { 200: TherapyReply },
    errors: [],
  }),
  changePhase: route({
    method: "POST",
    path: "/api/couple/phase",
    tags,
    summary: "Propose or confirm a move forward (202 while it waits), or step back at once",
    body: PhaseChangeBody,
    replies: { 200: PhaseChangedReply, 202: PhaseProposedReply },
    errors: ["same_phase", "partner_not_joined", "already_proposed", "proposal_gone"],
  }),
  cancelPendingPhase: route({
    method: "DELETE",
    path: "/api/couple/phase/pending",
    tags,
    summary: "Withdraw one's proposed move, or say 'not yet' to the partner's",
    replies: { 204: null },
    errors: ["proposal_gone"],
  }),
};
