import { describe, expect, it } from "vitest";
import { computeReadiness, type ReadinessFacts } from "../../src/domain/readiness.ts";

const facts = (over: Partial<ReadinessFacts> = {}): ReadinessFacts => ({
  acceptedAgreements: 0,
  overdueReviews: 0,
  viewerFeelsSafeEnough: false,
  partnerJoined: true,
  ...over,
});

describe("readiness", () => {
  it("lists Stabilize's items, each saying what is missing", () => {
    const items = computeReadiness("stabilize", facts());
    expect(items.map((i) => [i.key, i.met])).toEqual([
      ["partner-joined", true],
      ["agreement-accepted", false],
      ["reviews-current", true],
      ["safe-enough", false],
    ]);
    expect(items[1]?.detail).toMatch(/No agreement/);
  });

  it("is met item by item as the data arrives", () => {
    const items = computeReadiness(
      "stabilize",
      facts({ acceptedAgreements: 2, viewerFeelsSafeEnough: true }),
    );
    expect(items.every((i) => i.met)).toBe(true);
    expect(items[1]?.detail).toBe("2 agreements in place.");
  });

  it("flags overdue reviews and a partner who has not joined", () => {
    const items = computeReadiness("meaning", facts({ overdueReviews: 1, partnerJoined: false }));
    expect(items.find((i) => i.key === "reviews-current")).toMatchObject({
      met: false,
      detail: "1 agreement is waiting for a review.",
    });
    expect(items.find((i) => i.key === "partner-joined")?.met).toBe(false);
    expect(items.some((i) => i.key === "agreement-accepted")).toBe(false);
  });
});
