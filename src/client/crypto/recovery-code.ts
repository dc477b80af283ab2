import { hkdf } from "./keys.ts";

/** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const RECOVERY_CODE_BYTES = 20;

/** 20 bytes as 32 characters in 8 groups of 4: "M2GT-58X4-…". */
export function formatRecoveryCode(bytes: Uint8Array): string {
  if (bytes.length !== RECOVERY_CODE_BYTES) throw new Error("A recovery code is 20 bytes.");
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)?.join("-") ?? out;
}

/**
 * Reads a code back as people type it: any case, with or without dashes and spaces, O for 0 and
 * I or L for 1. Null when it is not a whole code.
 */
export function parseRecoveryCode(text: string): Uint8Array | null {
  const clean = text.toUpperCase().replace(/[\s-]/g, "").replaceAll("O", "0").replace(/[IL]/g, "1");
  if (clean.length !== 32) return null;
  const out = new Uint8Array(RECOVERY_CODE_BYTES);
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const char of clean) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return null;
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out[at++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  return out;
}

/** What a recovery code opens, and the key that proves it to the server once. */
export async function recoveryKeys(code: Uint8Array) {
  return {
    recoveryKey: await hkdf(code, "mend/v1/recovery"),
    recoveryAuthKey: await hkdf(code, "mend/v1/recovery-auth"),
  };
}
