import { createHmac } from "node:crypto";
import { setTimeout } from "node:timers/promises";
import type { z } from "zod";
import type {
  ChangePasswordBody,
  Kdf,
  LoginBody,
  RecoverBody,
  RecoveryKeysBody,
  ResetBody,
  SignupBody,
  User,
} from "../../../contracts/account.ts";
import { KDF_DEFAULTS } from "../../../domain/kdf.ts";
import { parsePhase } from "../../../domain/phases.ts";
import type { Actor } from "../../platform/access.ts";
import type { UserRow } from "../../platform/db-schema.ts";
import { AppError, errors } from "../../platform/errors.ts";
import { hashSecret, newId, newSecret } from "../../platform/ids.ts";
import { hashPassword, needsRehash, verifyPassword } from "../../platform/passwords.ts";
import type { SessionStore } from "../../platform/session.store.ts";
import type { KnownDevice } from "../../platform/sessions.ts";
import type { ServiceDeps } from "../deps.ts";
import type { AccountStore } from "./account.store.ts";

const TEN_MINUTES = 10 * 60_000;
const ONE_HOUR = 60 * 60_000;
/** Each guess at one account beyond its allowance from everywhere waits this much longer. */
const SLOWER_BY_MS = 100;
const SLOWEST_MS = 3_000;

/** A sign-up link unknown, spent, past its day, or for another address: one answer for all. */
const signupLinkGone = () =>
  new AppError(404, "not_found", "This sign-up link no longer works. Ask for a new one.");

function present(row: { id: string; email: string; name: string }): User {
  return { id: row.id, email: row.email, name: row.name };
}

/** What a password's keys fill in: the authKey's hash, the KDF, and both sets of key boxes. */
export async function keyColumns(
  input: Pick<z.infer<typeof RecoverBody>, "authKey" | "kdf" | "keys">,
) {
  const { keys } = input;
  return {
    password_hash: await hashPassword(input.authKey),
    kdf: JSON.stringify(input.kdf),
    identity_box: keys.identity,
    personal_box: keys.personal,
    recovery_identity_box: keys.recovery.identity,
    recovery_personal_box: keys.recovery.personal,
    recovery_auth_hash: await hashPassword(keys.recovery.authKey),
  };
}

function keysOf(row: UserRow) {
  return { publicKey: row.public_key, identity: row.identity_box, personal: row.personal_box };
}

/**
 * Accounts under sealed words: the server sees an authKey in place of the password (and keeps
 * only its own hash of it), holds each person's keys only as boxes their browser sealed, and
 * answers an unknown e-mail exactly as a known one.
 */
export function accountService(
  { clock, config, limits }: ServiceDeps,
  store: AccountStore,
  sessionStore: SessionStore,
) {
  const perAddress = config.authRateLimit * 5;
  // Read once, so an unknown e-mail costs no more queries than a known one.
  let decoySecret: Promise<string> | null = null;

  async function requireAuthKey(userId: string, authKey: string, field: string) {
    const user = await store.findById(userId);
    if (!user) throw errors.unauthenticated();
    if (!(await verifyPassword(user.password_hash, authKey))) throw errors.wrongPassword(field);
    return user;
  }

  /**
   * Guessing is limited per account from each address and per address across accounts. From
   * everywhere at once it is slowed, never refused: many addresses guessing cannot lock the
   * owner out of their own account, from a fresh address or any other. A browser the owner
   * signed in on before keeps an allowance of its own, which nobody else's guesses use up.
   */
  async function limitGuesses(
    kind: string,
    email: string,
    address: string,
    device: KnownDevice | null,
  ) {
    const now = clock.now();
    if (device && (await store.findByEmail(email))?.id === device.userId) {
      const deviceKey = `${kind}:dev:${device.tokenHash}`;
      await limits.hit(deviceKey, config.authRateLimit, TEN_MINUTES, now);
      return () => limits.clear(deviceKey);
    }
    const account = hashSecret(email);
    const accountKey = `${kind}:acct:${account}:${address}`;
    await limits.hit(`${kind}:ip:${address}`, perAddress, TEN_MINUTES, now);
    await limits.hit(accountKey, config.authRateLimit, TEN_MINUTES, now);
    const fromEverywhere = await limits.count(`${kind}:acct:${account}`, TEN_MINUTES, now);
    const beyond = fromEverywhere - perAddress * 2;
    if (beyond > 0) await setTimeout(Math.min(SLOWEST_MS, beyond * SLOWER_BY_MS));
    return () => limits.clear(accountKey);
  }

  /** The account a recovery code proves, or the one answer for a wrong code and no account. */
  async function requireRecoveryCode(
    email: string,
    recoveryAuthKey: string,
    address: string,
    device: KnownDevice | null,
  ) {
    const clear = await limitGuesses("recover", email, address, device);
    const user = await store.findByEmail(email);
    const matches = await verifyPassword(user?.recovery_auth_hash ?? null, recoveryAuthKey);
    if (!user || !matches) throw errors.wrongRecoveryCode();
    await clear();
    return user;
  }

  return {
    /**
     * The account's key-derivation parameters; for an unknown e-mail, defaults with a salt made
     * from the address and this instance's secret, so asking again (or after a restart, or of
     * another process) answers the same and says nothing about who has an account.
     */
    async prelogin(email: string, address: string): Promise<{ kdf: z.infer<typeof Kdf> }> {
      await limits.hit(`prelogin:ip:${address}`, perAddress * 4, TEN_MINUTES, clock.now());
      const user = await store.findByEmail(email);
      if (user) return { kdf: JSON.parse(user.kdf) };
      decoySecret ??= store.serverSecret("decoy-salt", newSecret);
      const secret = await decoySecret.catch((error) => {
        decoySecret = null;
        throw error;
      });
      const salt = createHmac("sha256", secret).update(email).digest().subarray(0, 16);
      return { kdf: { ...KDF_DEFAULTS, salt: salt.toString("base64url") } };
    },

    async signup(input: z.infer<typeof SignupBody>, address: string): Promise<User> {
      await limits.hit(`signup:ip:${address}`, perAddress, ONE_HOUR, clock.now());
      const user = {
        id: newId(),
        email: input.email,
        name: input.name,
        created_at: clock.now().toISOString(),
        public_key: input.keys.publicKey,
        totp_secret: null,
        totp_last_step: null,
        ...(await keyColumns(input)),
      };
      // With e-mail on, only a link from the mailbox makes an account (ADR 0027): a sign-up
      // without one says nothing about whether the address is taken.
      let outcome: "ok" | "taken" | "no-link" = "no-link";
      if (config.smtpUrl === null) outcome = (await store.insert(user)) ? "ok" : "taken";
      else if (input.token) outcome = await store.insertVerifiedUser(user, hashSecret(input.token));
      if (outcome === "no-link") throw signupLinkGone();
      if (outcome === "taken") {
        throw errors.conflict("email_taken", "An account with this e-mail address already exists.");
      }
      return present(user);
    },

    /**
     * With e-mail on, the first step of signing up: a one-time link for an address without an
     * account, good for a day, carrying where to go afterwards; for one with an account, null,
     * so the caller writes a reminder instead.
     */
    async createSignupLink(email: string, next: string | undefined): Promise<string | null> {
      if (await store.findByEmail(email)) return null;
      const token = newSecret();
      const now = clock.now();
      await store.insertSignupVerification({
        id: newId(),
        email,
        token_hash: hashSecret(token),
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + 24 * ONE_HOUR).toISOString(),
      });
      const query = next ? `?next=${encodeURIComponent(next)}` : "";
      return `${config.publicUrl}/signup/${token}${query}`;
    },

    /** The address a sign-up link is for, so the page can show it fixed; 404 once it is spent. */
    async signupLink(token: string): Promise<{ email: string }> {
      const email = await store.signupVerificationEmail(
        hashSecret(token),
        clock.now().toISOString(),
      );
      if (!email) throw signupLinkGone();
      return { email };
    },

    async login(input: z.infer<typeof LoginBody>, address: string, device: KnownDevice | null) {
      const clear = await limitGuesses("login", input.email, address, device);
      const user = await store.findByEmail(input.email);
      const matches = await verifyPassword(user?.password_hash ?? null, input.authKey);
      if (!user || !matches) throw errors.wrongCredentials();
      await clear();
      if (needsRehash(user.password_hash)) {
        await store.setPasswordHash(user.id, await hashPassword(input.authKey));
      }
      return { user: present(user), keys: keysOf(user) };
    },

    async keys(actor: Actor) {
      const user = await store.findById(actor.userId);
      if (!user) throw errors.unauthenticated();
      return keysOf(user);
    },

    async me(actor: Actor) {
      const user = await store.findById(actor.userId);
      if (!user) throw errors.unauthenticated();
      const couple = await store.coupleOf(actor.userId);
      const role: "partner" | "therapist" = user.role === "therapist" ? "therapist" : "partner";
      return {
        user: { ...present(user), role },
        needsSecondFactor: role === "therapist" && !actor.secondFactor,
        couple: couple ? { id: couple.id, phase: parsePhase(couple.phase) } : null,
      };
    },

    /**
     * New keys for a new password: the identity and personal keys re-sealed in the browser, no
     * item touched. Every session ends; the caller starts a fresh one.
     */
    async changePassword(actor: Actor, input: z.infer<typeof ChangePasswordBody>): Promise<void> {
      await requireAuthKey(actor.userId, input.currentAuthKey, "currentAuthKey");
      await store.setKeysEndingSessions(actor.userId, {
        password_hash: await hashPassword(input.authKey),
        kdf: JSON.stringify(input.kdf),
        identity_box: input.keys.identity,
        personal_box: input.keys.personal,
      });
    },

    async recoveryKeys(
      input: z.infer<typeof RecoveryKeysBody>,
      address: string,
      device: KnownDevice | null,
    ) {
      const user = await requireRecoveryCode(input.email, input.recoveryAuthKey, address, device);
      return { identity: user.recovery_identity_box, personal: user.recovery_personal_box };
    },

    /** A new password and a new recovery code in one step; the old code stops working. */
    async recover(
      input: z.infer<typeof RecoverBody>,
      address: string,
      device: KnownDevice | null,
    ): Promise<User> {
      const user = await requireRecoveryCode(input.email, input.recoveryAuthKey, address, device);
      await store.setKeysEndingSessions(user.id, await keyColumns(input));
      return present(user);
    },

    /**
     * An operator's reset: a one-time link for an e-mail, valid a day. Private words sealed with
     * the old keys stay sealed; the link restores sign-in only.
     */
    async createResetLink(email: string): Promise<string> {
      const user = await store.findByEmail(email);
      if (!user) throw errors.notFound("An account with that e-mail address");
      const token = newSecret();
      const now = clock.now();
      await store.insertReset({
        id: newId(),
        user_id: user.id,
        token_hash: hashSecret(token),
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + 24 * ONE_HOUR).toISOString(),
      });
      return `${config.publicUrl}/reset/${token}`;
    },

    async reset(input: z.infer<typeof ResetBody>, address: string): Promise<User> {
      await limits.hit(`reset:ip:${address}`, perAddress, TEN_MINUTES, clock.now());
      const user = await store.resetKeys(hashSecret(input.token), clock.now().toISOString(), {
        public_key: input.keys.publicKey,
        ...(await keyColumns(input)),
      });
      if (!user) throw errors.notFound("This reset link");
      return present(user);
    },

    async changeName(actor: Actor, name: string): Promise<User> {
      const user = await store.setName(actor.userId, name);
      if (!user) throw errors.unauthenticated();
      return present(user);
    },

    async listSessions(actor: Actor) {
      const rows = await sessionStore.listForUser(actor.userId);
      return rows.map((row) => ({
        id: row.id,
        device: row.device,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        current: row.id === actor.sessionId,
      }));
    },

    async endSession(actor: Actor, sessionId: string): Promise<void> {
      if (!(await sessionStore.deleteOwn(actor.userId, sessionId)))
        throw errors.notFound("That session");
    },

    /** The signed-in person, once their authKey proves the password; a wrong one is refused. */
    async verifyAuthKey(actor: Actor, authKey: string): Promise<User> {
      return present(await requireAuthKey(actor.userId, authKey, "authKey"));
    },

    async deleteAccount(actor: Actor, authKey: string): Promise<void> {
      await requireAuthKey(actor.userId, authKey, "authKey");
      await store.deleteUser(actor.userId);
    },
  };
}
export type AccountService = ReturnType<typeof accountService>;
