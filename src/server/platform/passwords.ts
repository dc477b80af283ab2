import { hash, verify } from "@node-rs/argon2";
import { errors } from "./errors.ts";

/** argon2id (the library's `Algorithm` is a const enum we cannot import at run time: 2). */
const ARGON2ID = 2;

/** OWASP's argon2id floor: 19 MiB, two passes, one lane. */
const PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Hashes in flight at once; the rest wait in line so a burst cannot exhaust memory. */
const MAX_CONCURRENT = 4;
const MAX_WAITING = 200;
let running = 0;
const waiting: Array<() => void> = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) {
    if (waiting.length >= MAX_WAITING) throw errors.busy();
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export function hashPassword(password: string): Promise<string> {
  return limited(() => hash(password, PARAMS));
}

/** A real hash of nothing anyone knows, verified against when the e-mail is unknown. */
let decoyHash: Promise<string> | null = null;

/**
 * Verifies a password, or spends the same time on a decoy when there is no account, so the
 * answer's timing does not tell whether an e-mail is registered.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    decoyHash ??= hashPassword("decoy password that matches no account");
    const decoy = await decoyHash;
    await limited(() => verify(decoy, password).catch(() => false));
    return false;
  }
  return limited(() => verify(stored, password).catch(() => false));
}

/** True when a stored hash used weaker parameters than today's, so sign-in should rehash it. */
export function needsRehash(stored: string): boolean {
  const match = /^\$argon2(id|i|d)\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
  if (!match) return true;
  const [, variant, m, t] = match;
  return variant !== "id" || Number(m) < PARAMS.memoryCost || Number(t) < PARAMS.timeCost;
}
