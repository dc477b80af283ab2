import { z } from "zod";
import { BALANCE_KEYS } from "../domain/balance-guard.ts";
import { LIMITS } from "../domain/limits.ts";
import { THERAPY_STATUSES } from "../domain/therapy.ts";
import { Id, ItemId, PhaseSchema, StanceSchema, Timestamp, text } from "./common.ts";
import { route } from "./route.ts";
import { IndividualModeBody } from "./safety.ts";
import { ActivePause } from "./talks.ts";
import { TherapyBody, TherapyReply } from "./therapy.ts";
import { sealedBody, words } from "./words.ts";

/** A space key sealed to one person's identity (`encryption.md`, Grants). */
export const Grant = z
  .string({ error: "Send the space key's grant." })
  .regex(/^g1\.[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{64}$/, {
    error: "A grant is g1.<ephemeral key>.<iv>.<sealed space key>.",
  });
/** The space key sealed under the secret in an invite link's fragment. */
export const InviteBox = z
  .string({ error: "Send the invite box." })
  .regex(/^m1\.i\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{64}$/, {
    error: "An invite box is an envelope sealed with kid i.",
  });

export const CreateCoupleBody = z.strictObject({
  id: ItemId.describe("the couple's id, made by the client so its grant can name it"),
  stance: StanceSchema,
  grant: Grant,
  inviteBox: InviteBox,
});
export const NewInviteBody = z.strictObject({ inviteBox: InviteBox });
export const AcceptInviteBody = z.strictObject({ stance: StanceSchema, grant: Grant });
export const InviteToken = z.object({ token: z.string().min(1).max(200) });

export const CoupleRef = z.object({ id: Id, phase: PhaseSchema });
export const InviteLink = z.object({ token: z.string(), url: z.string(), expiresAt: Timestamp });

export const CreateCoupleReply = z.object({ couple: CoupleRef, invite: InviteLink });
export const NewInviteReply = z.object({ invite: InviteLink });
export const AcceptInviteReply = z.object({ couple: CoupleRef });
export const InvitePreview = z.object({
  invitedBy: z.string(),
  expiresAt: Timestamp,
  coupleId: Id,
  keyVersion: z.number().int(),
  inviteBox: z.string(),
});

export const Partner = z.object({
  id: Id,
  name: z.string(),
  publicKey: z.string(),
  hasSpaceKey: z
    .boolean()
    .describe("holds the current space key; false after an account reset, until re-granted"),
});
export const GrantBody = z.strictObject({
  userId: Id,
  version: z.number().int().min(1),
  grant: Grant,
});
export const SpaceKeys = z.object({
  coupleId: Id,
  version: z.number().int().describe("the space key new items are sealed with"),
  grants: z.array(z.object({ version: z.number().int(), grant: z.string() })),
});

export const PhaseHistoryEntry = z.object({
  from: PhaseSchema.nullable(),
  to: PhaseSchema,
  direction: z.enum(["start", "forward", "back"]),
  by: Id.nullable().describe("null when that partner has since deleted their account"),
  confirmedBy: Id.nullable(),
  reasonId: Id.nullable(),
  reason: words("phase-move", "reason", z.string(), { idKey: "reasonId" }).nullable(),
  at: Timestamp,
});

export const ReadinessItem = z.object({ key: z.string(), met: z.boolean(), detail: z.string() });
export const Readiness = z.object({ phase: PhaseSchema, items: z.array(ReadinessItem) });

export const BalanceNote = z.object({
  key: z.enum(BALANCE_KEYS),
  leaning: z.enum(["minimizing", "looping"]),
  saw: z.string(),
  why: z.string(),
  tryThis: z.string(),
  clearsWhen: z.string(),
  since: Timestamp,
});
export type BalanceNote = z.infer<typeof BalanceNote>;

export const PendingPhase = z.object({
  id: Id,
  to: PhaseSchema,
  proposedBy: Id,
  reasonId: Id.nullable(),
  reason: words("phase-move", "reason", z.string(), { idKey: "reasonId" }).nullable(),
  at: Timestamp,
});

export const CoupleView = z.object({
  id: Id,
  phase: PhaseSchema,
  phaseSince: Timestamp,
  partners: z.array(Partner),
  keys: SpaceKeys.omit({ coupleId: true }).describe("the caller's own grants, one per version"),
  phaseHistory: z.array(PhaseHistoryEntry),
  readiness: Readiness,
  balance: z
    .array(BalanceNote)
    .describe(
      "in Make meaning: gentle notes from counts and links when the couple seems to hurry or loop",
    ),
  pendingPhase: PendingPhase.nullable(),
  lastPhaseAnswer: z
    .object({
      id: Id,
      to: PhaseSchema,
      proposedBy: Id,
      answer: z.enum(["not-yet", "withdrawn"]),
      at: Timestamp,
    })
    .nullable()
    .describe("the latest suggestion that ended without a move, while none is pending"),
  invitePending: z
    .boolean()
    .describe("an unused, unexpired invite exists and the couple is not full"),
  activePause: ActivePause.nullable().describe("a running pause, without any reason"),
  therapy: z.enum(THERAPY_STATUSES),
  partnerLeft: z
    .object({
      name: z.string().describe("the name they had when they left"),
      at: Timestamp,
      keyChangeOwed: z
        .boolean()
        .describe("no new space key since: the remaining partner's browser makes one"),
    })
    .nullable()
    .optional()
    .describe("the partner who left the couple space, while nobody has joined since"),
  me: z.object({
    id: Id,
    stance: StanceSchema,
    safeEnough: z.boolean().nullable().describe("null until the person has answered"),
    individualMode: z.boolean().describe("couple features paused for me; private to me"),
  }),
});
export type CoupleView = z.infer<typeof CoupleView>;

export const PhaseChangeBody = sealedBody(
  z.strictObject({
    to: PhaseSchema,
    seen: Id.nullable()
      .optional()
      .describe(
        "the pending suggestion the caller's screen showed (null: none); if another stands now, 409",
      ),
    reasonId: ItemId.optional().describe("the id the reason is sealed under; with a reason"),
    reason: words("phase-move", "reason", text(LIMITS.reasonMax), { idKey: "reasonId" }).optional(),
  }),
).refine((body) => body.reason === undefined || body.reasonId !== undefined, {
  path: ["reasonId"],
  error: "A sealed reason needs the id it was sealed under.",
});
export const PhaseProposedReply = z.object({
  pending: z.object({ to: PhaseSchema, proposedBy: Id }),
});
export const PhaseChangedReply = z.object({ phase: PhaseSchema });

export const SafeEnoughBody = z.strictObject({
  safeEnough: z.boolean({ error: "Answer yes or no." }),
});

export const LeaveCoupleBody = z.strictObject({
  confirm: z.literal("leave", { error: 'Send confirm: "leave" to leave the couple space.' }),
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
    body: NewInviteBody,
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
  keys: route({
    method: "GET",
    path: "/api/couple/keys",
    tags,
    summary: "The caller's grants of the couple's space key, one per version",
    replies: { 200: SpaceKeys },
    errors: [],
  }),
  grant: route({
    method: "POST",
    path: "/api/couple/grants",
    tags,
    summary: "Give the partner the space key again (after their account reset, checked in person)",
    body: GrantBody,
    replies: { 204: null },
    errors: ["already_granted"],
  }),
  view: route({
    method: "GET",
    path: "/api/couple",
    tags,
    summary: "The couple as the caller sees it: phase, history, readiness, what is pending",
    replies: { 200: CoupleView },
    errors: [],
    etag: true,
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
    errors: [
      "same_phase",
      "partner_not_joined",
      "already_proposed",
      "proposal_gone",
      "changed_meanwhile",
    ],
  }),
  leave: route({
    // A DELETE, as every deletion is: once it is answered, no copy of the deleted bytes is left.
    method: "DELETE",
    path: "/api/couple/membership",
    tags,
    summary: "Leave the couple space: one's private items go, shared ones stay with the partner",
    body: LeaveCoupleBody,
    replies: { 204: null },
    errors: ["partner_not_joined"],
  }),
  cancelPendingPhase: route({
    method: "DELETE",
    path: "/api/couple/phase/pending",
    tags,
    summary: "Withdraw one's proposed move, or say 'not yet' to the partner's",
    query: z.object({
      id: Id.optional().describe("the suggestion answered; if another stands now, 409"),
    }),
    replies: { 204: null },
    errors: ["proposal_gone", "changed_meanwhile"],
  }),
};
