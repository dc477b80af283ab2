import { KDF_DEFAULTS } from "../../domain/kdf.ts";
import { b64, fromB64, fromUtf8, randomBytes, utf8 } from "./encoding.ts";
import { open, seal } from "./envelope.ts";
import { grant, type Identity, identityOf, inviteKey, newIdentity, openGrant } from "./grant.ts";
import type { KdfParams, passwordKeys } from "./keys.ts";
import { formatRecoveryCode, RECOVERY_CODE_BYTES, recoveryKeys } from "./recovery-code.ts";

/**
 * A person's keys as their browser holds them once opened: the identity (which opens the
 * couple's grants) and the personal key (which seals their private items). Never sent, never
 * written to storage unsealed.
 */
export interface OpenedKeys {
  userId: string;
  identity: Identity;
  personal: Uint8Array;
}

/** The two key boxes an account keeps, sealed with one key (master `m` or recovery `r`). */
export interface KeyBoxes {
  identity: string;
  personal: string;
}

/** Argon2id as the caller runs it: on the main thread in Node, in a worker in the browser. */
export type DeriveKeys = (password: string, kdf: KdfParams) => ReturnType<typeof passwordKeys>;

export function newKdf(): KdfParams {
  return { ...KDF_DEFAULTS, salt: b64(randomBytes(16)) };
}

/** A fresh 16-byte id for a new item, made before the server sees it (its context names it). */
export function newItemId(): string {
  return b64(randomBytes(16));
}

async function sealBoxes(
  key: Uint8Array,
  kid: "m" | "r",
  identity: Identity,
  personal: Uint8Array,
): Promise<KeyBoxes> {
  return {
    identity: await seal(key, kid, "key|identity", identity.pkcs8),
    personal: await seal(key, kid, "key|personal", personal),
  };
}

/** Opens the two boxes; a wrong key or any altered byte throws. */
export async function openBoxes(
  key: Uint8Array,
  boxes: KeyBoxes,
  userId: string,
): Promise<OpenedKeys> {
  const pkcs8 = await open(key, boxes.identity, "key|identity");
  return {
    userId,
    identity: await identityOf(pkcs8),
    personal: await open(key, boxes.personal, "key|personal"),
  };
}

/** A new recovery code and what it seals: shown once, its auth key stored hashed. */
async function newRecovery(identity: Identity, personal: Uint8Array) {
  const code = randomBytes(RECOVERY_CODE_BYTES);
  const { recoveryKey, recoveryAuthKey } = await recoveryKeys(code);
  return {
    code: formatRecoveryCode(code),
    boxes: {
      ...(await sealBoxes(recoveryKey, "r", identity, personal)),
      authKey: b64(recoveryAuthKey),
    },
  };
}

/** Everything sign-up sends (the password itself stays here), and the code to show once. */
export async function signupKeys(password: string, derive: DeriveKeys, kdf: KdfParams = newKdf()) {
  const { authKey, masterKey } = await derive(password, kdf);
  const identity = await newIdentity();
  const personal = randomBytes(32);
  const recovery = await newRecovery(identity, personal);
  return {
    authKey: b64(authKey),
    kdf,
    keys: {
      publicKey: b64(identity.publicKey),
      ...(await sealBoxes(masterKey, "m", identity, personal)),
      recovery: recovery.boxes,
    },
    recoveryCode: recovery.code,
    opened: (userId: string): OpenedKeys => ({ userId, identity, personal }),
  };
}

/** The same keys under a new password (and, for a recovery, a new code); no item changes. */
export async function rewrapKeys(opened: OpenedKeys, password: string, derive: DeriveKeys) {
  const kdf = newKdf();
  const { authKey, masterKey } = await derive(password, kdf);
  return {
    authKey: b64(authKey),
    kdf,
    keys: await sealBoxes(masterKey, "m", opened.identity, opened.personal),
    newRecovery: () => newRecovery(opened.identity, opened.personal),
  };
}

/** What proves a recovery code to the server, and the key that opens its boxes. */
export async function recoveryProof(code: Uint8Array) {
  const { recoveryKey, recoveryAuthKey } = await recoveryKeys(code);
  return { recoveryKey, recoveryAuthKey: b64(recoveryAuthKey) };
}

// Unlock: what a device keeps between reloads

const unlockContext = (userId: string) => `unlock|${userId}`;

/** The opened keys, sealed under the session's unlock key: all a device ever stores. */
export async function sealForDevice(unlockKey: string, opened: OpenedKeys): Promise<string> {
  const plain = JSON.stringify({
    identity: b64(opened.identity.pkcs8),
    personal: b64(opened.personal),
  });
  return seal(fromB64(unlockKey), "u", unlockContext(opened.userId), utf8(plain));
}

export async function openFromDevice(
  unlockKey: string,
  sealed: string,
  userId: string,
): Promise<OpenedKeys> {
  const plain = await open(fromB64(unlockKey), sealed, unlockContext(userId));
  const { identity, personal } = JSON.parse(fromUtf8(plain)) as Record<string, string>;
  return {
    userId,
    identity: await identityOf(fromB64(identity ?? "")),
    personal: fromB64(personal ?? ""),
  };
}

// The couple's space key

export const grantContext = (coupleId: string, version: number, userId: string) =>
  `grant|${coupleId}|${version}|${userId}`;
const inviteContext = (coupleId: string, version: number) => `invite|${coupleId}|${version}`;

/** A new couple: its id, space key v1 granted to its starter, and the invite link's box. */
export async function newSpace(opened: OpenedKeys) {
  const coupleId = newItemId();
  const spaceKey = randomBytes(32);
  return {
    coupleId,
    spaceKey,
    grant: await grant(
      opened.identity.publicKey,
      grantContext(coupleId, 1, opened.userId),
      spaceKey,
    ),
    ...(await inviteFor(coupleId, 1, spaceKey)),
  };
}

/** A secret for the link's fragment, and the space key sealed under it. */
export async function inviteFor(coupleId: string, version: number, spaceKey: Uint8Array) {
  const secret = randomBytes(32);
  return {
    secret: b64(secret),
    inviteBox: await seal(await inviteKey(secret), "i", inviteContext(coupleId, version), spaceKey),
  };
}

/** The space key from an invite's box, with the link's secret; throws when it does not open. */
export async function openInvite(
  preview: { coupleId: string; keyVersion: number; inviteBox: string },
  secret: string,
): Promise<Uint8Array> {
  const key = await inviteKey(fromB64(secret));
  return open(key, preview.inviteBox, inviteContext(preview.coupleId, preview.keyVersion));
}

export async function grantTo(
  publicKey: Uint8Array,
  coupleId: string,
  version: number,
  userId: string,
  spaceKey: Uint8Array,
): Promise<string> {
  return grant(publicKey, grantContext(coupleId, version, userId), spaceKey);
}

export async function openOwnGrant(
  opened: OpenedKeys,
  coupleId: string,
  version: number,
  sealed: string,
): Promise<Uint8Array> {
  return openGrant(opened.identity, grantContext(coupleId, version, opened.userId), sealed);
}

/** The auth key for signing in, and the master key that opens the account's boxes. */
export async function passwordProof(password: string, kdf: KdfParams, derive: DeriveKeys) {
  const { authKey, masterKey } = await derive(password, kdf);
  return { authKey: b64(authKey), masterKey };
}

/**
 * A short, readable fingerprint of a public key, for two people to compare in person before one
 * gives the other the couple's key: "3F9A 07C2 …". Not secret; it only has to match.
 */
export async function keyFingerprint(publicKey: string): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest("SHA-256", fromB64(publicKey) as BufferSource),
  );
  const hex = Array.from(digest.subarray(0, 10), (byte) => byte.toString(16).padStart(2, "0"));
  return (hex.join("").toUpperCase().match(/.{4}/g) ?? []).join(" ");
}
