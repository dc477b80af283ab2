import type { z } from "zod";
import type { CoupleView, PhaseChangeBody } from "../../../contracts/couples.ts";
import type { ActivePause } from "../../../contracts/stabilize.ts";
import { utcDay } from "../../../domain/dates.ts";
import type { TrendStatus } from "../../../domain/intensity.ts";
import { INVITE_TTL_DAYS } from "../../../domain/limits.ts";
import { type Phase, parsePhase, phaseDirection } from "../../../domain/phases.ts";
import { computeReadiness } from "../../../domain/readiness.ts";
import { THERAPY_STATUSES, type TherapyStatus } from "../../../domain/stabilize.ts";
import type { Stance } from "../../../domain/stance.ts";
import { STANCES } from "../../../domain/stance.ts";
import { inTransaction } from "../../platform/db.ts";
import { errors } from "../../platform/errors.ts";
import { hashSecret, newId, newSecret } from "../../platform/ids.ts";
import { type Actor, requireCoupleMember } from "../../platform/policy.ts";
import { hitRateLimit } from "../../platform/rate-limit.ts";
import { storedEnum } from "../../platform/stored.ts";
import type { ServiceDeps } from "../deps.ts";
import { type CoupleStore, coupleStore } from "./couple.store.ts";

const DAY_MS = 86_400_000;

/** What the couple view needs from other features, handed in so couples never reads their tables. */
export interface CoupleFacts {
  agreements(coupleId: string, today: string): Promise<{ accepted: number; overdue: number }>;
  activePause(coupleId: string, viewerId: string): Promise<z.infer<typeof ActivePause> | null>;
  talks(
    actor: Actor,
    coupleId: string,
  ): Promise<{ accepted: number; held: number; timeZone: string | null }>;
  /** Trends of the check-ins the viewer may see, computed in the couple's talk-time zone. */
  intensity(
    actor: Actor,
    coupleId: string,
    timeZone: string,
  ): Promise<Array<{ mine: boolean; status: TrendStatus }>>;
}

function parseStance(value: string): Stance {
  const stance = STANCES.find((s) => s === value);
  if (!stance) throw new Error(`Unknown stance: ${value}`);
  return stance;
}

export type PhaseChangeResult =
  | { kind: "proposed"; pending: { to: Phase; proposedBy: string } }
  | { kind: "changed"; phase: Phase };

export function coupleService({ db, clock, config }: ServiceDeps, facts: CoupleFacts) {
  const store = coupleStore(db);

  async function issueInvite(tx: CoupleStore, coupleId: string, userId: string) {
    const now = clock.now();
    const token = newSecret();
    const expiresAt = new Date(now.getTime() + INVITE_TTL_DAYS * DAY_MS).toISOString();
    await tx.revokeOpenInvites(coupleId, now.toISOString());
    await tx.insertInvite({
      id: newId(),
      couple_id: coupleId,
      created_by: userId,
      token_hash: hashSecret(token),
      created_at: now.toISOString(),
      expires_at: expiresAt,
      used_at: null,
      used_by: null,
      revoked_at: null,
    });
    return { token, url: `${config.publicUrl}/join/${token}`, expiresAt };
  }

  /** An invite that can still be used: unknown, replaced and expired links all look the same. */
  async function findLiveInvite(token: string) {
    const invite = await store.findInviteByTokenHash(hashSecret(token));
    const now = clock.now().toISOString();
    if (!invite || invite.revoked_at !== null || invite.expires_at <= now) {
      throw errors.notFound("This invite link");
    }
    return invite;
  }

  return {
    async create(actor: Actor, stance: Stance) {
      if (actor.coupleId !== null) {
        throw errors.conflict("already_in_couple", "You are already part of a couple space.");
      }
      return inTransaction(db, coupleStore, async (tx) => {
        const now = clock.now().toISOString();
        const couple = { id: newId(), phase: "stabilize", phase_since: now, created_at: now };
        await tx.insertCouple(couple);
        const joined = await tx.insertMember({
          couple_id: couple.id,
          user_id: actor.userId,
          stance,
          joined_at: now,
        });
        if (!joined)
          throw errors.conflict("already_in_couple", "You are already part of a couple space.");
        await tx.insertPhaseHistory({
          id: newId(),
          couple_id: couple.id,
          from_phase: null,
          to_phase: "stabilize",
          direction: "start",
          by_user: actor.userId,
          confirmed_by: null,
          reason: null,
          at: now,
        });
        const invite = await issueInvite(tx, couple.id, actor.userId);
        return { couple: { id: couple.id, phase: "stabilize" as const }, invite };
      });
    },

    async newInvite(actor: Actor) {
      const coupleId = requireCoupleMember(actor);
      return inTransaction(db, coupleStore, async (tx) => {
        if ((await tx.members(coupleId)).length >= 2) {
          throw errors.conflict("couple_full", "Your partner has already joined.");
        }
        return issueInvite(tx, coupleId, actor.userId);
      });
    },

    async previewInvite(token: string) {
      const invite = await findLiveInvite(token);
      if (invite.used_at !== null) throw errors.notFound("This invite link");
      const inviter = await store.userName(invite.created_by);
      if (!inviter) throw errors.notFound("This invite link");
      return { invitedBy: inviter.name, expiresAt: invite.expires_at };
    },

    async acceptInvite(actor: Actor, token: string, stance: Stance, address: string) {
      await hitRateLimit(
        db,
        `invite:ip:${address}`,
        config.authRateLimit * 5,
        10 * 60_000,
        clock.now(),
      );
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
      return inTransaction(db, coupleStore, async (tx) => {
        const now = clock.now().toISOString();
        if ((await tx.members(invite.couple_id)).length >= 2) {
          throw errors.conflict("couple_full", "This couple space already has two partners.");
        }
        if (!(await tx.claimInvite(invite.id, actor.userId, now))) {
          throw errors.conflict("invite_used", "This invite link has already been used.");
        }
        const joined = await tx.insertMember({
          couple_id: invite.couple_id,
          user_id: actor.userId,
          stance,
          joined_at: now,
        });
        if (!joined)
          throw errors.conflict("already_in_couple", "You are already part of a couple space.");
        const couple = await tx.findCouple(invite.couple_id);
        if (!couple) throw errors.notFound("This invite link");
        return { couple: { id: couple.id, phase: parsePhase(couple.phase) } };
      });
    },

    async view(actor: Actor): Promise<CoupleView> {
      const coupleId = requireCoupleMember(actor);
      const couple = await store.findCouple(coupleId);
      if (!couple) throw errors.notFound("Your couple space");
      const now = clock.now();
      const [members, history, pending, agreementCounts, invitePending, activePause, talks] =
        await Promise.all([
          store.members(coupleId),
          store.phaseHistory(coupleId),
          store.pendingProposal(coupleId),
          facts.agreements(coupleId, utcDay(now)),
          store.hasOpenInvite(coupleId, now.toISOString()),
          facts.activePause(coupleId, actor.userId),
          facts.talks(actor, coupleId),
        ]);
      const intensity = await facts.intensity(actor, coupleId, talks.timeZone ?? "UTC");
      const therapy = storedEnum(THERAPY_STATUSES, couple.couples_therapy ?? "not-decided");
      const me = members.find((m) => m.user_id === actor.userId);
      if (!me) throw errors.notFound("Your couple space");
      const phase = parsePhase(couple.phase);
      return {
        id: couple.id,
        phase,
        phaseSince: couple.phase_since,
        partners: members.map((m) => ({ id: m.user_id, name: m.name })),
        phaseHistory: history.map((h) => ({
          from: h.from_phase === null ? null : parsePhase(h.from_phase),
          to: parsePhase(h.to_phase),
          direction:
            h.direction === "start" ? "start" : h.direction === "back" ? "back" : "forward",
          by: h.by_user,
          confirmedBy: h.confirmed_by,
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
          }),
        },
        pendingPhase: pending
          ? {
              to: parsePhase(pending.to_phase),
              proposedBy: pending.proposed_by,
              reason: pending.reason,
              at: pending.created_at,
            }
          : null,
        invitePending: members.length < 2 && invitePending,
        activePause,
        therapy,
        me: {
          id: actor.userId,
          stance: parseStance(me.stance),
          safeEnough: me.safe_enough === 1,
          individualMode: me.individual_mode === 1,
        },
      };
    },

    async setSafeEnough(actor: Actor, value: boolean): Promise<void> {
      await store.setSafeEnough(requireCoupleMember(actor), actor.userId, value);
    },

    /** Couple features paused for this person alone; the partner's view does not change. */
    async setIndividualMode(actor: Actor, on: boolean): Promise<void> {
      await store.setIndividualMode(requireCoupleMember(actor), actor.userId, on);
    },

    async setTherapy(actor: Actor, status: TherapyStatus): Promise<TherapyStatus> {
      await store.setTherapy(requireCoupleMember(actor), status);
      return status;
    },

    /** The viewer's own private flags, for the safety check. */
    memberFlags: {
      setSafeEnough: (coupleId: string, userId: string, value: boolean) =>
        store.setSafeEnough(coupleId, userId, value),
      individualMode: async (coupleId: string, userId: string) =>
        (await store.members(coupleId)).some(
          (m) => m.user_id === userId && m.individual_mode === 1,
        ),
    },

    /** Forward needs both partners (propose, then confirm); back happens at once. */
    async changePhase(
      actor: Actor,
      input: z.infer<typeof PhaseChangeBody>,
    ): Promise<PhaseChangeResult> {
      const coupleId = requireCoupleMember(actor);
      return inTransaction(db, coupleStore, async (tx) => {
        const couple = await tx.findCouple(coupleId);
        if (!couple) throw errors.notFound("Your couple space");
        const from = parsePhase(couple.phase);
        const direction = phaseDirection(from, input.to);
        const now = clock.now().toISOString();
        const pending = await tx.pendingProposal(coupleId);
        const reason = input.reason ?? null;

        if (direction === "same") {
          throw errors.conflict("same_phase", "You are in this phase already.");
        }
        if (direction === "back") {
          if (pending) await tx.resolveProposal(pending.id, "superseded", now);
          await tx.setPhase(coupleId, input.to, now);
          await tx.insertPhaseHistory({
            id: newId(),
            couple_id: coupleId,
            from_phase: from,
            to_phase: input.to,
            direction: "back",
            by_user: actor.userId,
            confirmed_by: null,
            reason,
            at: now,
          });
          return { kind: "changed", phase: input.to };
        }
        if ((await tx.members(coupleId)).length < 2) {
          throw errors.conflict(
            "partner_not_joined",
            "Moving forward takes both of you; your partner has not joined yet.",
          );
        }
        if (pending && pending.proposed_by !== actor.userId && pending.to_phase === input.to) {
          if (!(await tx.resolveProposal(pending.id, "confirmed", now))) {
            throw errors.conflict("proposal_gone", "That proposal was withdrawn meanwhile.");
          }
          await tx.setPhase(coupleId, input.to, now);
          await tx.insertPhaseHistory({
            id: newId(),
            couple_id: coupleId,
            from_phase: from,
            to_phase: input.to,
            direction: "forward",
            by_user: pending.proposed_by,
            confirmed_by: actor.userId,
            reason: pending.reason ?? reason,
            at: now,
          });
          return { kind: "changed", phase: input.to };
        }
        if (pending && pending.proposed_by === actor.userId) {
          throw errors.conflict(
            "already_proposed",
            "You have proposed a move already; your partner has not answered yet.",
          );
        }
        if (pending) await tx.resolveProposal(pending.id, "superseded", now);
        await tx.insertProposal({
          id: newId(),
          couple_id: coupleId,
          to_phase: input.to,
          proposed_by: actor.userId,
          reason,
          created_at: now,
        });
        return { kind: "proposed", pending: { to: input.to, proposedBy: actor.userId } };
      });
    },

    /** The proposer withdraws, or the other partner says "not yet". */
    async cancelPendingPhase(actor: Actor): Promise<void> {
      const coupleId = requireCoupleMember(actor);
      const pending = await store.pendingProposal(coupleId);
      if (!pending) throw errors.notFound("A pending move");
      const resolution = pending.proposed_by === actor.userId ? "withdrawn" : "declined";
      if (!(await store.resolveProposal(pending.id, resolution, clock.now().toISOString()))) {
        throw errors.notFound("A pending move");
      }
    },
  };
}
export type CoupleService = ReturnType<typeof coupleService>;
