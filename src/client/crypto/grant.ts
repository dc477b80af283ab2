import { b64, concat, fromB64, randomBytes, utf8 } from "./encoding.ts";
import { hkdf } from "./keys.ts";

const GRANT = /^g1\.([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]+)$/;

/** A person's X25519 key pair, the private half as PKCS#8 (what their master key seals). */
export interface Identity {
  pkcs8: Uint8Array;
  publicKey: Uint8Array;
}

export async function newIdentity(): Promise<Identity> {
  const pair = (await crypto.subtle.generateKey({ name: "X25519" }, true, [
    "deriveBits",
  ])) as CryptoKeyPair;
  return {
    pkcs8: new Uint8Array(await crypto.subtle.exportKey("pkcs8", pair.privateKey)),
    publicKey: new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey)),
  };
}

async function privateKey(pkcs8: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey("pkcs8", pkcs8 as BufferSource, { name: "X25519" }, true, [
    "deriveBits",
  ]);
}

/** The public half of a stored private key (its JWK carries it as `x`). */
export async function identityOf(pkcs8: Uint8Array): Promise<Identity> {
  const jwk = await crypto.subtle.exportKey("jwk", await privateKey(pkcs8));
  if (!jwk.x) throw new Error("Not an X25519 private key.");
  return { pkcs8, publicKey: fromB64(jwk.x) };
}

async function sharedSecret(pkcs8: Uint8Array, publicKey: Uint8Array): Promise<Uint8Array> {
  const peer = await crypto.subtle.importKey(
    "raw",
    publicKey as BufferSource,
    { name: "X25519" },
    false,
    [],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: "X25519", public: peer },
    await privateKey(pkcs8),
    256,
  );
  return new Uint8Array(bits);
}

async function wrapKey(shared: Uint8Array, ephemeral: Uint8Array, recipient: Uint8Array) {
  const raw = await hkdf(shared, "mend/v1/grant", concat(ephemeral, recipient));
  return crypto.subtle.importKey("raw", raw as BufferSource, "AES-GCM", false, [
    "encrypt",
    "decrypt",
  ]);
}

const aad = (context: string) => utf8(`m1|g|${context}`);

/**
 * Seals a space key to one person, so only their identity opens it:
 * `g1.<ephemeral public>.<iv>.<ciphertext>`, bound to `grant|<coupleId>|<version>|<userId>`.
 */
export async function grant(
  recipientPublicKey: Uint8Array,
  context: string,
  spaceKey: Uint8Array,
  ephemeral?: Identity,
  iv: Uint8Array = randomBytes(12),
): Promise<string> {
  const once = ephemeral ?? (await newIdentity());
  const shared = await sharedSecret(once.pkcs8, recipientPublicKey);
  const key = await wrapKey(shared, once.publicKey, recipientPublicKey);
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv: iv as BufferSource, additionalData: aad(context) as BufferSource },
    key,
    spaceKey as BufferSource,
  );
  return `g1.${b64(once.publicKey)}.${b64(iv)}.${b64(new Uint8Array(sealed))}`;
}

export async function openGrant(recipient: Identity, context: string, sealed: string) {
  const match = GRANT.exec(sealed);
  if (!match) throw new Error("Not a grant.");
  const [, ephemeral = "", iv = "", body = ""] = match;
  const ephemeralKey = fromB64(ephemeral);
  try {
    const shared = await sharedSecret(recipient.pkcs8, ephemeralKey);
    const key = await wrapKey(shared, ephemeralKey, recipient.publicKey);
    const plain = await crypto.subtle.decrypt(
      {
        name: "AES-GCM",
        iv: fromB64(iv) as BufferSource,
        additionalData: aad(context) as BufferSource,
      },
      key,
      fromB64(body) as BufferSource,
    );
    return new Uint8Array(plain);
  } catch {
    throw new Error("This grant does not open here.");
  }
}

/** The key an invite link's secret opens: the box holding the couple's space key. */
export const inviteKey = (secret: Uint8Array) => hkdf(secret, "mend/v1/invite");
