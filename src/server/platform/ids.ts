import { createHash, randomBytes } from "node:crypto";

/** Opaque ids: 16 random bytes, URL-safe; nothing about order or count can be read from them. */
export function newId(): string {
  return randomBytes(16).toString("base64url");
}

/** A secret handed to a client (session, invite, feed): 32 bytes from the CSPRNG. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** Secrets are stored only as this hash, so a database leak does not hand out sessions. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url");
}
