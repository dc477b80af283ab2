import type { z } from "zod";
import type {
  ChangePasswordBody,
  LoginBody,
  SignupBody,
  User,
} from "../../../contracts/account.ts";
import { passwordProblem } from "../../../domain/passwords.ts";
import { parsePhase } from "../../../domain/phases.ts";
import type { Actor } from "../../platform/access.ts";
import { errors } from "../../platform/errors.ts";
import { hashSecret, newId } from "../../platform/ids.ts";
import { hashPassword, needsRehash, verifyPassword } from "../../platform/passwords.ts";
import type { SessionStore } from "../../platform/session.store.ts";
import type { ServiceDeps } from "../deps.ts";
import type { AccountStore } from "./account.store.ts";

const TEN_MINUTES = 10 * 60_000;
const ONE_HOUR = 60 * 60_000;

function present(row: { id: string; email: string; name: string }): User {
  return { id: row.id, email: row.email, name: row.name };
}

export function accountService(
  { clock, config, limits }: ServiceDeps,
  store: AccountStore,
  sessionStore: SessionStore,
) {
  const perAddress = config.authRateLimit * 5;

  async function requirePassword(userId: string, password: string, field: string) {
    const user = await store.findById(userId);
    if (!user) throw errors.unauthenticated();
    if (!(await verifyPassword(user.password_hash, password))) throw errors.wrongPassword(field);
    return user;
  }

  function requireGoodPassword(password: string, field: string): void {
    const problem = passwordProblem(password);
    if (problem) throw errors.invalid({ [field]: problem });
  }

  return {
    async signup(input: z.infer<typeof SignupBody>, address: string): Promise<User> {
      await limits.hit(`signup:ip:${address}`, perAddress, ONE_HOUR, clock.now());
      requireGoodPassword(input.password, "password");
      const user = {
        id: newId(),
        email: input.email,
        name: input.name,
        password_hash: await hashPassword(input.password),
        created_at: clock.now().toISOString(),
      };
      if (!(await store.insert(user))) {
        throw errors.conflict("email_taken", "An account with this e-mail address already exists.");
      }
      return present(user);
    },

    async login(input: z.infer<typeof LoginBody>, address: string): Promise<User> {
      const now = clock.now();
      // Guessing is limited per account from each address, and more loosely per account from
      // everywhere: someone hammering one address (a partner at home, say) cannot lock the
      // owner out of their own account from their phone.
      const account = hashSecret(input.email);
      const accountKey = `login:acct:${account}:${address}`;
      await limits.hit(`login:ip:${address}`, perAddress, TEN_MINUTES, now);
      await limits.hit(accountKey, config.authRateLimit, TEN_MINUTES, now);
      await limits.hit(`login:acct:${account}`, perAddress * 2, TEN_MINUTES, now);
      const user = await store.findByEmail(input.email);
      const matches = await verifyPassword(user?.password_hash ?? null, input.password);
      if (!user || !matches) throw errors.wrongCredentials();
      await limits.clear(accountKey);
      if (needsRehash(user.password_hash)) {
        await store.setPasswordHash(user.id, await hashPassword(input.password));
      }
      return present(user);
    },

    async me(actor: Actor) {
      const user = await store.findById(actor.userId);
      if (!user) throw errors.unauthenticated();
      const couple = await store.coupleOf(actor.userId);
      return {
        user: present(user),
        couple: couple ? { id: couple.id, phase: parsePhase(couple.phase) } : null,
      };
    },

    /** Changes the password and signs out every session; the caller starts a fresh one. */
    async changePassword(actor: Actor, input: z.infer<typeof ChangePasswordBody>): Promise<void> {
      await requirePassword(actor.userId, input.currentPassword, "currentPassword");
      requireGoodPassword(input.newPassword, "newPassword");
      await store.setPasswordHash(actor.userId, await hashPassword(input.newPassword));
      await sessionStore.deleteAllExcept(actor.userId, null);
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

    async deleteAccount(actor: Actor, password: string): Promise<void> {
      await requirePassword(actor.userId, password, "password");
      await store.deleteUser(actor.userId);
    },
  };
}
export type AccountService = ReturnType<typeof accountService>;
