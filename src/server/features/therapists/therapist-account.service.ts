import type { z } from "zod";
import type { TherapistSignupBody } from "../../../contracts/therapists.ts";
import type { Actor } from "../../platform/access.ts";
import { errors } from "../../platform/errors.ts";
import { hashSecret, newId, newSecret } from "../../platform/ids.ts";
import type { SessionStore } from "../../platform/session.store.ts";
import { keyColumns } from "../account/account.service.ts";
import type { AccountStore } from "../account/account.store.ts";
import type { ServiceDeps } from "../deps.ts";
import { isTotpCode, newRecoveryCodes, newTotpSecret, totpStep, totpUri } from "./second-factor.ts";

const DAY_MS = 86_400_000;
const TEN_MINUTES = 10 * 60_000;
/** Wrong codes a therapist may try in ten minutes before waiting. */
const TOTP_TRIES = 10;

/**
 * Therapist accounts: made only from an operator's one-time link, with the same sealed keys as a
 * partner's and a TOTP second factor that every session must pass before any couple's data.
 */
export function therapistAccountService(
  { clock, config, limits }: ServiceDeps,
  store: AccountStore,
  sessionStore: SessionStore,
) {
  /** A right code counts once: its step must be later than the last one accepted. */
  async function spendTotpCode(userId: string, secret: string, code: string, now: Date) {
    const step = totpStep(secret, code, now);
    return step !== null && (await store.advanceTotpStep(userId, step));
  }

  return {
    /** For `mend invite-therapist`: a link valid for a week, shown once. */
    async createInvite(email: string): Promise<string> {
      const token = newSecret();
      const now = clock.now();
      await store.insertTherapistInvite({
        id: newId(),
        email,
        token_hash: hashSecret(token),
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + 7 * DAY_MS).toISOString(),
      });
      return `${config.publicUrl}/therapist/join/${token}`;
    },

    async invitePreview(token: string) {
      const invite = await store.therapistInvite(hashSecret(token), clock.now().toISOString());
      if (!invite) throw errors.notFound("This invite link");
      return { email: invite.email, expiresAt: invite.expires_at };
    },

    async signup(input: z.infer<typeof TherapistSignupBody>, address: string) {
      const now = clock.now();
      await limits.hit(`signup:ip:${address}`, config.authRateLimit * 5, 60 * 60_000, now);
      const secret = newTotpSecret();
      const recoveryCodes = newRecoveryCodes();
      const user = {
        id: newId(),
        email: input.email,
        name: input.name,
        created_at: now.toISOString(),
        public_key: input.keys.publicKey,
        totp_secret: secret,
        totp_last_step: null,
        ...(await keyColumns(input)),
      };
      const made = await store.insertTherapist(
        user,
        hashSecret(input.token),
        recoveryCodes.map(hashSecret),
      );
      if (made === "no-invite") throw errors.notFound("This invite link");
      if (made === "wrong-email") {
        throw errors.invalid({ email: "This invite is for another e-mail address." });
      }
      if (made === "taken") {
        throw errors.conflict("email_taken", "An account with this e-mail address already exists.");
      }
      return {
        user: { id: user.id, email: user.email, name: user.name, role: "therapist" as const },
        totp: { secret, uri: totpUri(secret, config.instanceName, user.email), recoveryCodes },
      };
    },

    /** Gives this session its second factor, or says the code was wrong (slowly, after ten). */
    async secondFactor(actor: Actor, code: string): Promise<void> {
      const now = clock.now();
      const user = await store.findById(actor.userId);
      if (user?.role !== "therapist" || !user.totp_secret) {
        throw errors.notFound("A second factor for this account");
      }
      await limits.hit(`totp:user:${actor.userId}`, TOTP_TRIES, TEN_MINUTES, now);
      const normalized = code.trim().toLowerCase();
      const right = isTotpCode(normalized)
        ? await spendTotpCode(actor.userId, user.totp_secret, normalized, now)
        : await store.spendTotpRecoveryCode(
            actor.userId,
            hashSecret(normalized),
            now.toISOString(),
          );
      if (!right) throw errors.wrongCode();
      await sessionStore.markSecondFactor(actor.sessionId, now.toISOString());
      await limits.clear(`totp:user:${actor.userId}`);
    },
  };
}
export type TherapistAccountService = ReturnType<typeof therapistAccountService>;
