import { KDF_FLOOR } from "../../domain/kdf.ts";
import { fromB64, utf8 } from "./encoding.ts";

/** The key-derivation parameters a client chooses at sign-up and the server keeps for it. */
export interface KdfParams {
  algorithm: "argon2id";
  version: 19;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  salt: string;
}

/** HKDF-SHA-256 with 32 bytes out; `info` is the protocol's ASCII label. */
export async function hkdf(
  ikm: Uint8Array,
  info: string,
  salt: Uint8Array = new Uint8Array(0),
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", ikm as BufferSource, "HKDF", false, [
    "deriveBits",
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: "HKDF", hash: "SHA-256", salt: salt as BufferSource, info: utf8(info) as BufferSource },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/** Argon2id over the NFC form of the password: the root every other key of a person grows from. */
export async function deriveRootKey(password: string, kdf: KdfParams): Promise<Uint8Array> {
  if (kdf.algorithm !== "argon2id" || kdf.version !== 19) {
    throw new Error("Unknown key derivation; refusing to derive.");
  }
  if (kdf.memoryKiB < KDF_FLOOR.memoryKiB || kdf.iterations < KDF_FLOOR.iterations) {
    throw new Error("Key derivation weaker than Mend allows; refusing to derive.");
  }
  // Loaded only where a password is typed, so no other page carries the Argon2 module.
  const { argon2id } = await import("hash-wasm");
  return argon2id({
    password: password.normalize("NFC"),
    salt: fromB64(kdf.salt),
    iterations: kdf.iterations,
    parallelism: kdf.parallelism,
    memorySize: kdf.memoryKiB,
    hashLength: 32,
    outputType: "binary",
  });
}

/** What a password opens: the key the server sees instead of it, and the one it never sees. */
export async function passwordKeys(password: string, kdf: KdfParams) {
  const rootKey = await deriveRootKey(password, kdf);
  return {
    rootKey,
    authKey: await hkdf(rootKey, "mend/v1/auth"),
    masterKey: await hkdf(rootKey, "mend/v1/master"),
  };
}
