import { accountRoutes } from "../contracts/account.ts";
import { coupleRoutes } from "../contracts/couples.ts";
import { therapistRoutes } from "../contracts/therapists.ts";
import type { Api } from "./api.ts";
import { isApiError } from "./api.ts";
import {
  type DeriveKeys,
  grantTo,
  inviteFor,
  newSpace,
  type OpenedKeys,
  openBoxes,
  openInvite,
  passwordProof,
  recoveryProof,
  rewrapKeys,
  signupKeys,
} from "./crypto/account-keys.ts";
import { fromB64, randomBytes } from "./crypto/encoding.ts";
import type { KdfParams } from "./crypto/keys.ts";
import { parseRecoveryCode } from "./crypto/recovery-code.ts";
import { type GrantsReply, Keyring } from "./sealing.ts";

/**
 * The account and couple steps that involve keys, the same for the browser, the tests, the
 * demo seed and the benchmark: each turns a password or a link's secret into what the protocol
 * sends, calls the API, and hands back the opened keys. The password never leaves this module.
 */
export interface Unlocked {
  user: { id: string; email: string; name: string };
  opened: OpenedKeys;
  unlockKey: string;
}

/** A keyring for opened keys: its space key comes from the caller's own grants. */
export function keyringFor(api: Api, opened: OpenedKeys): Keyring {
  return new Keyring(opened, async () => {
    try {
      return await api.call(coupleRoutes.keys, {}, { expectUnauthorized: true });
    } catch (error) {
      if (isApiError(error) && error.status === 404) return null;
      throw error;
    }
  });
}

export async function signUp(
  api: Api,
  input: { email: string; name: string; password: string; token?: string },
  derive: DeriveKeys,
  kdf?: KdfParams,
): Promise<Unlocked & { recoveryCode: string }> {
  const made = await signupKeys(input.password, derive, kdf);
  const { user, unlockKey } = await api.call(accountRoutes.signup, {
    body: {
      email: input.email,
      ...(input.token ? { token: input.token } : {}),
      name: input.name,
      authKey: made.authKey,
      kdf: made.kdf,
      keys: made.keys,
    },
  });
  return { user, unlockKey, opened: made.opened(user.id), recoveryCode: made.recoveryCode };
}

export async function signIn(
  api: Api,
  input: { email: string; password: string },
  derive: DeriveKeys,
): Promise<Unlocked> {
  const { kdf } = await api.call(accountRoutes.prelogin, { body: { email: input.email } });
  const { authKey, masterKey } = await passwordProof(input.password, kdf, derive);
  const reply = await api.call(
    accountRoutes.login,
    { body: { email: input.email, authKey } },
    { expectUnauthorized: true },
  );
  const opened = await openBoxes(masterKey, reply.keys, reply.user.id);
  return { user: reply.user, opened, unlockKey: reply.unlockKey };
}

/** The authKey a password proves now (to confirm a deletion, or a password change). */
export async function authKeyFor(
  api: Api,
  email: string,
  password: string,
  derive: DeriveKeys,
): Promise<string> {
  const { kdf } = await api.call(accountRoutes.prelogin, { body: { email } });
  return (await passwordProof(password, kdf, derive)).authKey;
}

/** A new password for the same keys: nothing sealed with them changes. Other sessions end. */
export async function changePassword(
  api: Api,
  input: { email: string; currentPassword: string; newPassword: string; opened: OpenedKeys },
  derive: DeriveKeys,
): Promise<void> {
  const currentAuthKey = await authKeyFor(api, input.email, input.currentPassword, derive);
  const next = await rewrapKeys(input.opened, input.newPassword, derive);
  await api.call(accountRoutes.changePassword, {
    body: { currentAuthKey, authKey: next.authKey, kdf: next.kdf, keys: next.keys },
  });
}

/** Thrown when a recovery code is not one at all (a typo), before anything is sent. */
export class NotARecoveryCode extends Error {}

/** Forgot the password, kept the code: a new password and a new code in one step. */
export async function recover(
  api: Api,
  input: { email: string; code: string; newPassword: string },
  derive: DeriveKeys,
): Promise<Unlocked & { recoveryCode: string }> {
  const bytes = parseRecoveryCode(input.code);
  if (!bytes) throw new NotARecoveryCode("That is not a whole recovery code.");
  const { recoveryKey, recoveryAuthKey } = await recoveryProof(bytes);
  const boxes = await api.call(
    accountRoutes.recoveryKeys,
    { body: { email: input.email, recoveryAuthKey } },
    { expectUnauthorized: true },
  );
  // The user id is not known yet: the boxes' contexts do not name it, the device seal does.
  const opened = await openBoxes(recoveryKey, boxes, "");
  const next = await rewrapKeys(opened, input.newPassword, derive);
  const recovery = await next.newRecovery();
  const { user, unlockKey } = await api.call(
    accountRoutes.recover,
    {
      body: {
        email: input.email,
        recoveryAuthKey,
        authKey: next.authKey,
        kdf: next.kdf,
        keys: { ...next.keys, recovery: recovery.boxes },
      },
    },
    { expectUnauthorized: true },
  );
  return { user, unlockKey, opened: { ...opened, userId: user.id }, recoveryCode: recovery.code };
}

/**
 * After an operator's reset link: brand-new keys (nothing the old ones sealed opens with them),
 * a new recovery code, and a session. The partner can grant the shared space again.
 */
export async function resetWithLink(
  api: Api,
  input: { token: string; newPassword: string },
  derive: DeriveKeys,
): Promise<Unlocked & { recoveryCode: string }> {
  const made = await signupKeys(input.newPassword, derive);
  const { user, unlockKey } = await api.call(
    accountRoutes.reset,
    { body: { token: input.token, authKey: made.authKey, kdf: made.kdf, keys: made.keys } },
    { expectUnauthorized: true },
  );
  return { user, unlockKey, opened: made.opened(user.id), recoveryCode: made.recoveryCode };
}

/** Gives the partner (who lost their keys) the couple's current space key again. */
export async function grantPartner(
  api: Api,
  keyring: Keyring,
  partner: { id: string; publicKey: string },
): Promise<void> {
  const space = await keyring.spaceKeys();
  const key = space?.keys.get(space.version);
  if (!space || !key) throw new Error("The couple's key is not open on this device.");
  const grant = await grantTo(
    fromB64(partner.publicKey),
    space.coupleId,
    space.version,
    partner.id,
    key,
  );
  await api.call(coupleRoutes.grant, {
    body: { userId: partner.id, version: space.version, grant },
  });
}

/** Starts a couple: the link to send is the server's URL with the space key's secret after `#k=`. */
export async function startCouple(
  api: Api,
  opened: OpenedKeys,
  stance: "broke-trust" | "hurt" | "both",
) {
  const space = await newSpace(opened);
  const reply = await api.call(coupleRoutes.create, {
    body: { id: space.coupleId, stance, grant: space.grant, inviteBox: space.inviteBox },
  });
  return { ...reply, link: `${reply.invite.url}#k=${space.secret}` };
}

/** The space key an invite link opens, or null when the link lacks its secret or it fails. */
export async function openInviteLink(
  preview: { coupleId: string; keyVersion: number; inviteBox: string },
  secret: string | null,
): Promise<Uint8Array | null> {
  if (!secret) return null;
  try {
    return await openInvite(preview, secret);
  } catch {
    return null;
  }
}

/** Joins by an invite whose box the link's secret opened: the space key granted to oneself. */
export async function joinCouple(
  api: Api,
  opened: OpenedKeys,
  token: string,
  preview: { coupleId: string; keyVersion: number },
  spaceKey: Uint8Array,
  stance: "broke-trust" | "hurt" | "both",
) {
  const grant = await grantTo(
    opened.identity.publicKey,
    preview.coupleId,
    preview.keyVersion,
    opened.userId,
    spaceKey,
  );
  return api.call(coupleRoutes.acceptInvite, { params: { token }, body: { stance, grant } });
}

/** A new invite link for the partner, with a new box; the earlier link stops working. */
export async function newInviteLink(api: Api, keyring: Keyring) {
  const space = await keyring.spaceKeys();
  const key = space?.keys.get(space.version);
  if (!space || !key) throw new Error("The couple's key is not open on this device.");
  const made = await inviteFor(space.coupleId, space.version, key);
  const { invite } = await api.call(coupleRoutes.newInvite, {
    body: { inviteBox: made.inviteBox },
  });
  return { invite, link: `${invite.url}#k=${made.secret}` };
}

/** The secret an invite link carries after `#k=`, if it does. */
export function secretFromFragment(hash: string): string | null {
  const match = /(?:^#|&)k=([A-Za-z0-9_-]{43})(?:&|$)/.exec(hash);
  if (!match?.[1]) return null;
  try {
    return fromB64(match[1]).length === 32 ? match[1] : null;
  } catch {
    return null;
  }
}

/**
 * A therapist's account from the operator's one-time link: the same keys as a partner's, and a
 * TOTP secret with recovery codes to set up before any couple's data is reachable.
 */
export async function signUpTherapist(
  api: Api,
  input: { token: string; email: string; name: string; password: string },
  derive: DeriveKeys,
  kdf?: KdfParams,
) {
  const made = await signupKeys(input.password, derive, kdf);
  const { user, unlockKey, totp } = await api.call(therapistRoutes.signup, {
    body: {
      token: input.token,
      email: input.email,
      name: input.name,
      authKey: made.authKey,
      kdf: made.kdf,
      keys: made.keys,
    },
  });
  return {
    user,
    unlockKey,
    totp,
    opened: made.opened(user.id),
    recoveryCode: made.recoveryCode,
  };
}

/**
 * Lets the linked therapist read what the couple shares with them: every space-key version this
 * device holds, sealed to the key both partners compared in person. The server refuses a grant
 * sealed to a key that is no longer the therapist's.
 */
export async function grantTherapist(
  api: Api,
  keyring: Keyring,
  link: { id: string; therapist: { id: string; publicKey: string } },
): Promise<number[]> {
  const space = await keyring.spaceKeys();
  if (!space || space.keys.size === 0) {
    throw new Error("The couple's key is not open on this device.");
  }
  const granted: number[] = [];
  for (const [version, key] of [...space.keys.entries()].sort(([a], [b]) => a - b)) {
    const grant = await grantTo(
      fromB64(link.therapist.publicKey),
      space.coupleId,
      version,
      link.therapist.id,
      key,
    );
    try {
      await api.call(therapistRoutes.grant, {
        params: { linkId: link.id },
        body: { version, grant, publicKey: link.therapist.publicKey },
      });
      granted.push(version);
    } catch (error) {
      if (!(isApiError(error) && error.code === "already_granted")) throw error;
    }
  }
  return granted;
}

/**
 * After a therapist was unlinked: a new space key for the two partners alone, so nothing written
 * from now on opens for the former therapist. Older versions stay, so older words still open.
 */
export async function rotateSpaceKey(
  api: Api,
  keyring: Keyring,
  partner: { id: string; publicKey: string } | null,
): Promise<number> {
  const space = await keyring.spaceKeys();
  if (!space) throw new Error("The couple's key is not open on this device.");
  const version = space.version + 1;
  const key = randomBytes(32);
  const people = [
    { id: keyring.opened.userId, publicKey: keyring.opened.identity.publicKey },
    ...(partner ? [{ id: partner.id, publicKey: fromB64(partner.publicKey) }] : []),
  ];
  const grants = await Promise.all(
    people.map(async (person) => ({
      userId: person.id,
      grant: await grantTo(person.publicKey, space.coupleId, version, person.id, key),
    })),
  );
  await api.call(therapistRoutes.rotateKeys, { body: { version, grants } });
  keyring.forgetSpace();
  return version;
}

/** A therapist's view of one couple, its shared words opened with the grants it carries. */
export function readSharedCouple(api: Api, opened: OpenedKeys, coupleId: string) {
  return api.call(
    therapistRoutes.couple,
    { params: { id: coupleId } },
    {
      keyringFor: (reply) => new Keyring(opened, async () => (reply as { keys: GrantsReply }).keys),
    },
  );
}
