import { b64, fromB64, randomBytes, utf8 } from "./encoding.ts";

/**
 * Which key sealed an envelope: `m` master, `r` recovery, `p` the author's personal key, `s<N>`
 * the couple's space key version N, `i` an invite key, `u` a session unlock key.
 */
export type Kid = "m" | "r" | "p" | "i" | "u" | `s${number}`;

const ENVELOPE = /^m1\.(m|r|p|i|u|s[0-9]+)\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]+)$/;
const IV_BYTES = 12;

async function aesKey(key: Uint8Array, use: KeyUsage): Promise<CryptoKey> {
  if (key.length !== 32) throw new Error("An envelope key is 32 bytes.");
  return crypto.subtle.importKey("raw", key as BufferSource, "AES-GCM", false, [use]);
}

/** AES-256-GCM bound to its place: the additional data names the protocol, the key and the context. */
export function aadOf(kid: string, context: string): Uint8Array {
  return utf8(`m1|${kid}|${context}`);
}

export async function seal(
  key: Uint8Array,
  kid: Kid,
  context: string,
  plaintext: Uint8Array,
  iv: Uint8Array = randomBytes(IV_BYTES),
): Promise<string> {
  const sealed = await crypto.subtle.encrypt(
    {
      name: "AES-GCM",
      iv: iv as BufferSource,
      additionalData: aadOf(kid, context) as BufferSource,
    },
    await aesKey(key, "encrypt"),
    plaintext as BufferSource,
  );
  return `m1.${kid}.${b64(iv)}.${b64(new Uint8Array(sealed))}`;
}

/** The kid an envelope names, or null when it is no envelope at all. */
export function kidOf(envelope: string): Kid | null {
  return (ENVELOPE.exec(envelope)?.[1] as Kid | undefined) ?? null;
}

/**
 * Opens an envelope sealed for exactly this context; copied into another item, field or couple,
 * or altered in any byte, it does not open (the error says nothing of why).
 */
export async function open(
  key: Uint8Array,
  envelope: string,
  context: string,
): Promise<Uint8Array> {
  const match = ENVELOPE.exec(envelope);
  if (!match) throw new Error("Not a sealed value.");
  const [, kid = "", iv = "", body = ""] = match;
  try {
    const plain = await crypto.subtle.decrypt(
      {
        name: "AES-GCM",
        iv: fromB64(iv) as BufferSource,
        additionalData: aadOf(kid, context) as BufferSource,
      },
      await aesKey(key, "decrypt"),
      fromB64(body) as BufferSource,
    );
    return new Uint8Array(plain);
  } catch {
    throw new Error("This sealed value does not open here.");
  }
}
