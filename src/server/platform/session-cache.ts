import type { SessionWithActor } from "./session.store.ts";

/**
 * Sessions looked up in the last moments, so a screen polling every few seconds does not pay a
 * database lookup for each read (ADR 0021). Only reads use it: every write looks its session up
 * afresh and forgets what is kept for its person and their couple, so a sign-out, an ended
 * session or a new key is seen at once in this process. Another process (a second Mend on the
 * same database, the reset-account command) is seen within `lifeMs`. Time here is the process's
 * own monotonic clock, not Mend's clock: it bounds staleness, it never decides an expiry.
 */
export function sessionCache(lifeMs: number, capacity = 10_000, now = () => performance.now()) {
  const kept = new Map<string, { session: SessionWithActor; at: number }>();

  return {
    get(tokenHash: string): SessionWithActor | undefined {
      const entry = kept.get(tokenHash);
      if (!entry) return undefined;
      if (now() - entry.at < lifeMs) return entry.session;
      kept.delete(tokenHash);
      return undefined;
    },

    keep(tokenHash: string, session: SessionWithActor): void {
      kept.delete(tokenHash);
      if (kept.size >= capacity) dropStale();
      // Still full of fresh entries: the oldest kept goes (a Map iterates in insertion order).
      if (kept.size >= capacity) kept.delete(kept.keys().next().value as string);
      kept.set(tokenHash, { session, at: now() });
    },

    /** After a write: nothing kept for this person, or anyone in their couple, is trusted. */
    forget(userId: string, coupleId: string | null): void {
      for (const [tokenHash, { session }] of kept) {
        if (session.userId === userId || (coupleId !== null && session.coupleId === coupleId)) {
          kept.delete(tokenHash);
        }
      }
    },
  };

  function dropStale(): void {
    const cutoff = now() - lifeMs;
    for (const [tokenHash, entry] of kept) if (entry.at <= cutoff) kept.delete(tokenHash);
  }
}

export type SessionCache = ReturnType<typeof sessionCache>;
