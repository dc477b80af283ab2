/**
 * The weakest key derivation Mend accepts. A server offering less may be attacking, so the
 * browser refuses to derive below it, and the server refuses to store less at sign-up.
 */
export const KDF_FLOOR = { memoryKiB: 65_536, iterations: 3 } as const;

/** What a browser chooses at sign-up (with its own random salt), and what decoys show. */
export const KDF_DEFAULTS = {
  algorithm: "argon2id",
  version: 19,
  memoryKiB: KDF_FLOOR.memoryKiB,
  iterations: KDF_FLOOR.iterations,
  parallelism: 1,
} as const;
