import { createHash } from "node:crypto";
import type { z } from "zod";
import type {
  AcceptInviteBody,
  CoupleView,
  CreateCoupleBody,
  GrantBody,
  PhaseChangeBody,
} from "../../../contracts/couples.ts";
import type { ActivePause } from "../../../contracts/talks.ts";
import { type BalanceFacts, balanceNotes } from "../../../domain/balance-guard.ts";
import { utcDay } from "../../../domain/dates.ts";
import type { TrendStatus } from "../../../domain/intensity.ts";
import { INVITE_TTL_DAYS } from "../../../domain/limits.ts";
import {
  PHASE_RESOLUTIONS,
  type Phase,
  parsePhase,
  phaseDirection,
} from "../../../domain/phases.ts";
import type { ProposalMove } from "../../../domain/proposals.ts";
import { computeReadiness, type MeaningReadiness, PHASE_READS } from "../../../domain/readiness.ts";
import type { Stance } from "../../../domain/stance.ts";
import { STANCES } from "../../../domain/stance.ts";
import { THERAPY_STATUSES, type TherapyStatus } from "../../../domain/therapy.ts";
import { type Actor, type Scope, scopeOf } from "../../platform/access.ts";
import { errors } from "../../platform/errors.ts";
import { hashSecret, newId, newSecret } from "../../platform/ids.ts";
import { keptReply } from "../../platform/kept-replies.ts";
import type { KeptViews } from "../../platform/kept-views.ts";
import { takeProposalStep } from "../../platform/proposal-step.ts";
import { storedEnum } from "../../platform/stored.ts";
import type { Stores } from "../../platform/stores.ts";
import type { ServiceDeps } from "../deps.ts";
import type { CoupleStore, CoupleStores } from "./couple.store.ts";

const DAY_MS = 86_400_000;

/** What the couple view needs from other features, handed in so couples never reads their tables. */
export interface CoupleFacts {
  agreements(scope: Scope, today: string): Promise<{ accepted: number; overdue: number }>;
  activePause(scope: Scope): Promise<z.infer<typeof ActivePause> | null>;
  talks(
    scope: Scope,
    countHeld: boolean,
  ): Promise<{ accepted: number; held: number; timeZone: string | null }>;
  /** Trends of the intensity checks the viewer may see, computed in the couple's talk-time zone. */
  intensity(scope: Scope, timeZone: string): Promise<Array<{ mine: boolean; status: TrendStatus }>>;
  /** Make meaning's dates, counts and states, from shared items only. */
  meaning(
    scope: Scope,
    now: Date,
  ): Promise<{
    readiness: MeaningReadiness;
    balance: Pick<BalanceFacts, "forwardPushes" | "meaningWork" | "askedAgain" | "carriedOver">;
  }>;
}

function parseStance(value: string): Stance {
  const stance = STANCES.find((s) => s === value);
  if (!stance) throw new Error(`Unknown stance: ${value}`);
  return stance;
}

export type PhaseChangeResult =
  | { kind: "proposed"; pending: { to: Phase; proposedBy: string } }
  | { kind: "changed"; phase: Phase };

/** Make meaning's facts outside Make meaning, where neither readiness nor balance reads them. */
const UNREAD_MEANING = {
  readiness: {
    statements: [],
    story: { paragraphs: 0, agreed: 0, signedByBoth: false },
    longOpenQuestions: 0,
    recentAskedAgain: 0,
  },
  balance: { forwardPushes: [], meaningWork: [], askedAgain: [], carriedOver: [] },
};

export function coupleService(
  { clock, config, limits }: ServiceDeps,
  data: Stores<CoupleStores>,
  facts: CoupleFacts,
  views: KeptViews,
) {
  const { store } = data;
  const of = (scope: Scope) => store.of(scope);

  async function issueInvite(tx: CoupleStore, scope: Scope, inviteBox: string, version: number) {
    const now = clock.now();
    const token = newSecret();
    const expiresAt = new Date(now.getTime() + INVITE_TTL_DAYS * DAY_MS).toISOString();
    await tx.revokeOpenInvites(now.toISOString());
    await tx.insertInvite({
      id: newId(),
      couple_id: scope.coupleId,
      created_by: scope.viewerId,
      token_hash: hashSecret(token),
      created_at: now.toISOString(),
      expires_at: expiresAt,
      used_at: null,
      used_by: null,
      revoked_at: null,
      invite_box: inviteBox,
      key_version: version,
    });
    await tx.audit("invite-created", "invite", now.toISOString());
    return { token, url: `${config.publicUrl}/join/${token}`, expiresAt };
  }

  /** An invite that can still be used: unknown, replaced and expired links all look the same. */
  async function findLiveInvite(token: string) {
    const invite = await store.joining.findInviteByTokenHash(hashSecret(token));
    const now = clock.now().toISOString();
    if (!invite || invite.revoked_at !== null || invite.expires_at <= now) {
      throw errors.notFound("This invite link");
    }
    return invite;
  }

  async function computeView(scope: Scope): Promise<CoupleView> {
    const inside = of(scope);
    const couple = await inside.findCouple();
    if (!couple) throw errors.notFound("Your couple space");
    const now = clock.now();
    const phase = parsePhase(couple.phase);
    const reads = PHASE_READS[phase];
    const [
      members,
      history,
      pending,
      agreementCounts,
      invitePending,
      activePause,
      talks,
      grants,
      holders,
      unmoved,
      meaning,
    ] = await Promise.all([
      inside.members(),
      inside.phaseHistory(),
      inside.pendingProposal(),
      facts.agreements(scope, utcDay(now)),
      inside.hasOpenInvite(now.toISOString()),
      facts.activePause(scope),
      facts.talks(scope, reads.talksHeld),
      inside.grants(),
      inside.grantHolders(couple.key_version),
      inside.lastUnmovedProposal(),
      reads.meaning ? facts.meaning(scope, now) : UNREAD_MEANING,
    ]);
    const partnerLeft = partnerLeftOf(await inside.membershipChain());
    const intensity = await facts.intensity(scope, talks.timeZone ?? "UTC");
    const therapy = storedEnum(THERAPY_STATUSES, couple.couples_therapy ?? "not-decided");
    const me = members.find((m) => m.user_id === scope.viewerId);
    if (!me) throw errors.notFound("Your couple space");
    return {
      id: couple.id,
      phase,
      phaseSince: couple.phase_since,
      partners: members.map((m) => ({
        id: m.user_id,
        name: m.name,
        publicKey: m.public_key,
        hasSpaceKey: holders.includes(m.user_id),
      })),
      keys: {
        version: couple.key_version,
        grants: grants.map((g) => ({ version: g.version, grant: g.grant_box })),
      },
      phaseHistory: history.map((h) => ({
        from: h.from_phase === null ? null : parsePhase(h.from_phase),
        to: parsePhase(h.to_phase),
        direction: h.direction === "start" ? "start" : h.direction === "back" ? "back" : "forward",
        by: h.by_user,
        confirmedBy: h.confirmed_by,
        reasonId: h.reason_id,
        reason: h.reason,
        at: h.at,
      })),
      readiness: {
        phase,
        items: computeReadiness(phase, {
          acceptedAgreements: agreementCounts.accepted,
          overdueReviews: agreementCounts.overdue,
          viewerFeelsSafeEnough: me.safe_enough === 1,
          partnerJoined: members.length >= 2,
          acceptedTalkTimes: talks.accepted,
          talksHeld: talks.held,
          intensity,
          therapy,
          meaning: meaning.readiness,
        }),
      },
      balance: balanceNotes({
        now,
        phase,
        phaseSince: couple.phase_since,
        ...meaning.balance,
      }),
      pendingPhase: pending
        ? {
            id: pending.id,
            to: parsePhase(pending.to_phase),
            proposedBy: pending.proposed_by,
            reasonId: pending.reason_id,
            reason: pending.reason,
            at: pending.created_at,
          }
        : null,
      lastPhaseAnswer:
        !pending && unmoved?.resolved_at && unmoved.resolved_at > couple.phase_since
          ? {
              id: unmoved.id,
              to: parsePhase(unmoved.to_phase),
              proposedBy: unmoved.proposed_by,
              answer: unmoved.resolution === "declined" ? "not-yet" : "withdrawn",
              at: unmoved.resolved_at,
            }
          : null,
      invitePending: members.length < 2 && invitePending,
      activePause,
      therapy,
      partnerLeft,
      me: {
        id: scope.viewerId,
        stance: parseStance(me.stance),
        safeEnough: me.safe_enough_at === null ? null : me.safe_enough === 1,
        individualMode: me.individual_mode === 1,
      },
    };
  }

  return {
    async create(actor: Actor, input: z.infer<typeof CreateCoupleBody>) {
      if (actor.coupleId !== null) {
        throw errors.conflict("already_in_couple", "You are already part of a couple space.");
      }
      return data.transaction(async (tx) => {
        const now = clock.now().toISOString();
        const couple = { id: input.id, phase: "stabilize", phase_since: now, created_at: now };
        await tx.joining.insertCouple(couple);
        const joined = await tx.joining.insertMember({
          couple_id: couple.id,
          user_id: actor.userId,
          stance: input.stance,
          joined_at: now,
        });
        if (!joined)
          throw errors.conflict("already_in_couple", "You are already part of a couple space.");
        // A member of the new couple from here on, inside this transaction.
        const scope = scopeOf({ ...actor, coupleId: couple.id });
        const inside = tx.of(scope);
        await inside.insertPhaseHistory({
          id: newId(),
          couple_id: couple.id,
          from_phase: null,
          to_phase: "stabilize",
          direction: "start",
          by_user: actor.userId,
          confirmed_by: null,
          reason: null,
          reason_id: null,
          reason_by: null,
          at: now,
        });
        await inside.insertOwnGrant(1, input.grant, now);
        const invite = await issueInvite(inside, scope, input.inviteBox, 1);
        return { couple: { id: couple.id, phase: "stabilize" as const }, invite };
      });
    },

    async newInvite(scope: Scope, inviteBox: string) {
      return data.transaction(async (tx) => {
        const inside = tx.of(scope);
        await inside.lock();
        if ((await inside.memberCount()) >= 2) {
          throw errors.conflict("couple_full", "Your partner has already joined.");
        }
        const couple = await inside.findCouple();
        if (!couple) throw errors.notFound("Your couple space");
        return issueInvite(inside, scope, inviteBox, couple.key_version);
      });
    },

    async previewInvite(token: string) {
      const invite = await findLiveInvite(token);
      if (invite.used_at !== null) throw errors.notFound("This invite link");
      const inviter = await store.joining.userName(invite.created_by);
      if (!inviter || invite.invite_box === null) throw errors.notFound("This invite link");
      return {
        invitedBy: inviter.name,
        expiresAt: invite.expires_at,
        coupleId: invite.couple_id,
        keyVersion: invite.key_version ?? 1,
        inviteBox: invite.invite_box,
      };
    },

    async acceptInvite(
      actor: Actor,
      token: string,
      { stance, grant }: z.infer<typeof AcceptInviteBody>,
      address: string,
    ) {
      await limits.hit(`invite:ip:${address}`, config.authRateLimit * 5, 10 * 60_000, clock.now());
      const invite = await findLiveInvite(token);
      if (invite.used_at !== null) {
        throw errors.conflict("invite_used", "This invite link has already been used.");
      }
      if (invite.created_by === actor.userId) {
        throw errors.conflict(
          "own_invite",
          "This is your own invite link; send it to your partner.",
        );
      }
      if (actor.coupleId !== null) {
        throw errors.conflict("already_in_couple", "You are already part of a couple space.");
      }
      return data.transaction(async (tx) => {
        await tx.joining.lockCouple(invite.couple_id);
        // Read again under the lock: the link may have been used, or replaced by a new one,
        // while this request waited, and the answer must say which.
        const current = await tx.joining.findInviteById(invite.id);
        const now = clock.now().toISOString();
        if (!current || current.revoked_at !== null || current.expires_at <= now) {
          throw errors.notFound("This invite link");
        }
        if (current.used_at !== null) {
          throw errors.conflict("invite_used", "This invite link has already been used.");
        }
        if ((await tx.joining.memberCount(invite.couple_id)) >= 2) {
          throw errors.conflict("couple_full", "This couple space already has two partners.");
        }
        if (!(await tx.joining.claimInvite(invite.id, actor.userId, now))) {
          throw errors.conflict("invite_used", "This invite link has already been used.");
        }
        const joined = await tx.joining.insertMember({
          couple_id: invite.couple_id,
          user_id: actor.userId,
          stance,
          joined_at: now,
        });
        if (!joined)
          throw errors.conflict("already_in_couple", "You are already part of a couple space.");
        const inside = tx.of(scopeOf({ ...actor, coupleId: invite.couple_id }));
        const couple = await inside.findCouple();
        if (!couple) throw errors.notFound("This invite link");
        await inside.insertOwnGrant(invite.key_version ?? couple.key_version, grant, now);
        await inside.audit("partner-joined", `user:${actor.userId}`, now);
        return { couple: { id: couple.id, phase: parsePhase(couple.phase) } };
      });
    },

    async keys(scope: Scope) {
      const inside = of(scope);
      const [couple, grants] = await Promise.all([inside.findCouple(), inside.grants()]);
      if (!couple) throw errors.notFound("Your couple space");
      return {
        coupleId: couple.id,
        version: couple.key_version,
        grants: grants.map((g) => ({ version: g.version, grant: g.grant_box })),
      };
    },

    /**
     * The home view, as the viewer may see it. Polled by every open screen, so a view computed a
     * moment ago is answered again while the couple's view version (bumped by every change, see
     * platform/view-version.ts) is the same and it is no older than a few seconds: time alone
     * changes it too (a pause ends, a review falls due).
     */
    async view(scope: Scope): Promise<{ view: CoupleView; tag: string }> {
      const kept = await views.read(
        scope,
        "home",
        async () => {
          const view = await computeView(scope);
          // Made from what the viewer sees alone: an unchanged view keeps its tag.
          const tag = `"${createHash("sha256").update(JSON.stringify(view)).digest("base64url")}"`;
          return { view: keptReply(view), tag };
        },
        ({ view }) => (view.activePause ? Date.parse(view.activePause.endsAt) : Infinity),
      );
      if (!kept) throw errors.notFound("Your couple space");
      return kept;
    },

    /**
     * The partner's browser seals the space key to someone who lost theirs (an account reset),
     * after the two checked each other's key fingerprint in person. Only to the other member,
     * only a version the couple has, and only once.
     */
    async grantToPartner(scope: Scope, input: z.infer<typeof GrantBody>): Promise<void> {
      await data.transaction(async (tx) => {
        const inside = tx.of(scope);
        await inside.lock();
        const [couple, members] = await Promise.all([inside.findCouple(), inside.members()]);
        if (!couple) throw errors.notFound("Your couple space");
        const partner = members.find((m) => m.user_id === input.userId);
        if (!partner || partner.user_id === scope.viewerId) throw errors.notFound("That partner");
        if (input.version > couple.key_version) {
          throw errors.invalid({ version: "This couple has no key of that version." });
        }
        if ((await inside.grantHolders(input.version)).includes(input.userId)) {
          throw errors.conflict("already_granted", "Your partner has this key already.");
        }
        await inside.insertGrantFor(
          input.userId,
          input.version,
          input.grant,
          clock.now().toISOString(),
        );
      });
    },

    /**
     * The viewer leaves the couple (ADR 0026): their private items go, shared ones stay with the
     * partner, and the chain says so, which is how the partner's screen learns it owes a new key.
     * The last one in a couple space cannot leave it: nobody would keep what was shared.
     */
    async leave(scope: Scope): Promise<void> {
      await data.transaction(async (tx) => {
        const inside = tx.of(scope);
        await inside.lock();
        const members = await inside.members();
        const me = members.find((m) => m.user_id === scope.viewerId);
        if (!me) throw errors.notFound("Your couple space");
        if (members.length < 2) {
          throw errors.conflict(
            "partner_not_joined",
            "You are the only one in this couple space, so there is nobody to leave it to. Delete your account instead, or wait until your partner has joined.",
          );
        }
        const now = clock.now().toISOString();
        // A move nobody can answer any more: the leaver's, or one waiting for the leaver.
        const pending = await inside.pendingProposal();
        if (pending) await inside.resolveProposal(pending.id, PHASE_RESOLUTIONS.countered, now);
        await inside.leave();
        await inside.audit("partner-left", `user:${scope.viewerId}:${me.name}`, now);
      });
    },

    async setSafeEnough(scope: Scope, value: boolean): Promise<void> {
      await of(scope).setSafeEnough(value, clock.now().toISOString());
    },

    /** Couple features paused for this person alone; the partner's view does not change. */
    async setIndividualMode(scope: Scope, on: boolean): Promise<void> {
      await of(scope).setIndividualMode(on);
    },

    async setTherapy(scope: Scope, status: TherapyStatus): Promise<TherapyStatus> {
      await of(scope).setTherapy(status);
      return status;
    },

    /** Forward needs both partners (propose, then confirm); back happens at once. */
    async changePhase(
      scope: Scope,
      input: z.infer<typeof PhaseChangeBody>,
    ): Promise<PhaseChangeResult> {
      const coupleId = scope.coupleId;
      return data.transaction(async (all) => {
        const tx = all.of(scope);
        await tx.lock();
        const couple = await tx.findCouple();
        if (!couple) throw errors.notFound("Your couple space");
        const from = parsePhase(couple.phase);
        const direction = phaseDirection(from, input.to);
        const now = clock.now().toISOString();
        const pending = await tx.pendingProposal();
        // A screen that says which suggestion it showed cannot answer another one by mistake:
        // one withdrawn meanwhile, or one the partner made while this screen still showed none.
        if (input.seen !== undefined && (pending?.id ?? null) !== input.seen) {
          throw errors.conflict(
            "changed_meanwhile",
            pending
              ? "Your partner suggested a move meanwhile. Take a look at it first."
              : "That suggestion was withdrawn or answered meanwhile.",
          );
        }
        const reason = input.reason ?? null;
        const reasonId = reason === null ? null : (input.reasonId ?? null);

        if (direction === "same") {
          throw errors.conflict("same_phase", "You are in this phase already.");
        }
        if (direction === "back") {
          if (pending) await tx.resolveProposal(pending.id, "superseded", now);
          await tx.setPhase(input.to, now);
          await tx.insertPhaseHistory({
            id: newId(),
            couple_id: coupleId,
            from_phase: from,
            to_phase: input.to,
            direction: "back",
            by_user: scope.viewerId,
            confirmed_by: null,
            reason,
            reason_id: reasonId,
            reason_by: reason === null ? null : scope.viewerId,
            at: now,
          });
          return { kind: "changed", phase: input.to };
        }
        if ((await tx.memberCount()) < 2) {
          throw errors.conflict(
            "partner_not_joined",
            "Moving forward takes both of you; your partner has not joined yet.",
          );
        }
        const answer = (how: ProposalMove, open: { id: string; proposed_by: string }) =>
          takeProposalStep(
            scope,
            { open: true, proposedBy: open.proposed_by },
            how,
            "proposal_gone",
            (to) => tx.resolveProposal(open.id, PHASE_RESOLUTIONS[to], now),
          );
        if (pending && pending.proposed_by !== scope.viewerId && pending.to_phase === input.to) {
          await answer("accept", pending);
          await tx.setPhase(input.to, now);
          await tx.insertPhaseHistory({
            id: newId(),
            couple_id: coupleId,
            from_phase: from,
            to_phase: input.to,
            direction: "forward",
            by_user: pending.proposed_by,
            confirmed_by: scope.viewerId,
            reason: pending.reason ?? reason,
            reason_id: pending.reason !== null ? pending.reason_id : reasonId,
            reason_by:
              pending.reason !== null
                ? pending.proposed_by
                : reason === null
                  ? null
                  : scope.viewerId,
            at: now,
          });
          return { kind: "changed", phase: input.to };
        }
        if (pending && pending.proposed_by === scope.viewerId) {
          throw errors.conflict(
            "already_proposed",
            "You have proposed a move already; your partner has not answered yet.",
          );
        }
        // The partner's pending move answered with another: a counter-proposal.
        if (pending) await answer("counter", pending);
        await tx.insertProposal({
          id: newId(),
          couple_id: coupleId,
          to_phase: input.to,
          proposed_by: scope.viewerId,
          reason,
          reason_id: reasonId,
          created_at: now,
        });
        return { kind: "proposed", pending: { to: input.to, proposedBy: scope.viewerId } };
      });
    },

    /** The proposer withdraws, or the other partner says "not yet". */
    async cancelPendingPhase(scope: Scope, answered?: string): Promise<void> {
      const inside = of(scope);
      const pending = await inside.pendingProposal();
      if (!pending) throw errors.notFound("A pending move");
      if (answered !== undefined && answered !== pending.id) {
        throw errors.conflict("changed_meanwhile", "That suggestion was replaced meanwhile.");
      }
      const how = pending.proposed_by === scope.viewerId ? "withdraw" : "decline";
      const now = clock.now().toISOString();
      await takeProposalStep(
        scope,
        { open: true, proposedBy: pending.proposed_by },
        how,
        "proposal_gone",
        (to) => inside.resolveProposal(pending.id, PHASE_RESOLUTIONS[to], now),
      );
    },
  };
}
export type CoupleService = ReturnType<typeof coupleService>;

/**
 * The partner who left last, while nobody has joined since: their name as it was then (copied
 * into the chain, since their account may change or go), and whether a new key is still owed.
 */
function partnerLeftOf(
  chain: ReadonlyArray<{ action: string; target: string; at: string }>,
): CoupleView["partnerLeft"] {
  const left = chain.findLast((entry) => entry.action === "partner-left");
  if (!left) return null;
  const after = chain.slice(chain.indexOf(left) + 1);
  if (after.some((entry) => entry.action === "partner-joined")) return null;
  return {
    name: left.target.split(":").slice(2).join(":"),
    at: left.at,
    keyChangeOwed: !after.some((entry) => entry.action === "key-rotated"),
  };
}
