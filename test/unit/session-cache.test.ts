import { describe, expect, it } from "vitest";
import type { SessionWithActor } from "../../src/server/platform/session.store.ts";
import { sessionCache } from "../../src/server/platform/session-cache.ts";

function session(id: string, userId: string, coupleId: string | null): SessionWithActor {
  return {
    id,
    userId,
    role: "partner",
    coupleId,
    keyVersion: 1,
    createdAt: "2026-03-29T00:30:00.000Z",
    lastSeenAt: "2026-03-29T00:30:00.000Z",
    expiresAt: "2026-05-28T00:30:00.000Z",
    secondFactorAt: null,
  };
}

describe("the recent-session cache", () => {
  it("keeps a session for its life and not a moment longer", () => {
    let t = 0;
    const cache = sessionCache(2_000, 100, () => t);
    cache.keep("a", session("s1", "robin", "c1"));
    t = 1_999;
    expect(cache.get("a")?.id).toBe("s1");
    t = 2_000;
    expect(cache.get("a")).toBeUndefined();
    t = 0;
    expect(cache.get("a")).toBeUndefined();
  });

  it("forgets every session of the writer and of their couple, and no one else's", () => {
    const cache = sessionCache(2_000, 100, () => 0);
    cache.keep("robin-phone", session("s1", "robin", "c1"));
    cache.keep("robin-laptop", session("s2", "robin", "c1"));
    cache.keep("kai", session("s3", "kai", "c1"));
    cache.keep("ida", session("s4", "ida", "c2"));
    cache.keep("alone", session("s5", "lee", null));
    cache.forget("robin", "c1");
    expect(cache.get("robin-phone")).toBeUndefined();
    expect(cache.get("robin-laptop")).toBeUndefined();
    expect(cache.get("kai")).toBeUndefined();
    expect(cache.get("ida")?.id).toBe("s4");
    expect(cache.get("alone")?.id).toBe("s5");
    cache.forget("lee", null);
    expect(cache.get("alone")).toBeUndefined();
    expect(cache.get("ida")?.id).toBe("s4");
  });

  it("stays within its capacity, dropping stale entries first, then the oldest", () => {
    let t = 0;
    const cache = sessionCache(2_000, 2, () => t);
    cache.keep("old", session("s1", "a", null));
    t = 2_500;
    cache.keep("b", session("s2", "b", null));
    cache.keep("c", session("s3", "c", null));
    expect(cache.get("b")?.id).toBe("s2");
    expect(cache.get("c")?.id).toBe("s3");
    cache.keep("d", session("s4", "d", null));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("c")?.id).toBe("s3");
    expect(cache.get("d")?.id).toBe("s4");
  });
});
