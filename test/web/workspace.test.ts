import { describe, expect, it } from "vitest";
import { UNOPENED } from "../../src/client/sealing.ts";
import type { SharedItem } from "../../src/contracts/therapists.ts";
import {
  checkinTrendWords,
  daysWords,
  partnerNames,
  reliabilityWords,
  sortCaseload,
} from "../../src/web/features/workspace/caseload.ts";
import {
  authorName,
  groupSharedItems,
  sharedOverview,
  sharedSince,
} from "../../src/web/features/workspace/shared-items.ts";
import { inFours, NOT_OPENED, readable } from "../../src/web/features/workspace/words.ts";

const couple = (id: string, attention: number, ...names: string[]) => ({
  id,
  attention,
  partners: names.map((name, i) => ({ id: `${id}-${i}`, name })),
});

describe("the caseload", () => {
  it("puts the couple needing most attention first, ties by their names", () => {
    const sorted = sortCaseload([
      couple("a", 1, "Sam", "Lou"),
      couple("b", 5, "Robin", "Kai"),
      couple("c", 1, "Ana", "Bo"),
      couple("d", 0, "Zed", "Yan"),
    ]);
    expect(sorted.map((c) => c.id)).toEqual(["b", "c", "a", "d"]);
  });

  it("does not reorder the list it was given", () => {
    const list = [couple("a", 0, "A"), couple("b", 3, "B")];
    sortCaseload(list);
    expect(list.map((c) => c.id)).toEqual(["a", "b"]);
  });

  it("names the partners as the API gives them", () => {
    expect(partnerNames([{ name: "Robin" }, { name: "Kai" }])).toBe("Robin and Kai");
    expect(partnerNames([{ name: "Robin" }])).toBe("Robin");
    expect(partnerNames([])).toBe("A couple");
  });

  it("says the days in a phase in words", () => {
    expect(daysWords(0)).toBe("since today");
    expect(daysWords(1)).toBe("for one day");
    expect(daysWords(12)).toBe("for twelve days");
    expect(daysWords(40)).toBe("for 40 days");
  });

  it("says the check-in trend from the first to the latest shared week", () => {
    expect(checkinTrendWords([])).toBe("No check-ins shared yet");
    expect(checkinTrendWords([{ week: "2026-W40", trust: 4, connection: 5.25 }])).toBe(
      "Trust 4, connection 5.3 (one week)",
    );
    expect(
      checkinTrendWords([
        { week: "2026-W40", trust: 3, connection: 5 },
        { week: "2026-W41", trust: 4, connection: 5 },
        { week: "2026-W42", trust: 5.5, connection: 5 },
      ]),
    ).toBe("Trust 3 → 5.5, connection steady at 5 over three weeks");
  });

  it("says reliability as the forgiving score, or that nothing is marked", () => {
    expect(reliabilityWords(null)).toBe("No shared promise marked yet");
    expect(reliabilityWords(0.784)).toBe("78% on the forgiving score");
  });
});

const base = { by: "p1", visibility: "therapist" as const };
const items: SharedItem[] = [
  {
    type: "paragraph",
    id: "g2",
    at: "2026-03-04T10:00:00Z",
    section: "after",
    text: "After",
    ...base,
  },
  {
    type: "paragraph",
    id: "g1",
    at: "2026-03-02T10:00:00Z",
    section: "before",
    text: "Before",
    ...base,
  },
  { type: "paragraph", id: "g3", at: "2026-03-05T10:00:00Z", section: "odd", text: "Odd", ...base },
  {
    type: "addendum",
    id: "a1",
    at: "2026-03-06T10:00:00Z",
    afterVersion: 1,
    text: "Also",
    ...base,
  },
  {
    type: "addendum",
    id: "a9",
    at: "2026-03-07T10:00:00Z",
    afterVersion: 9,
    text: "Lone",
    ...base,
  },
  {
    type: "statement",
    id: "s2",
    at: "2026-03-05T10:00:00Z",
    n: 2,
    whatIDid: "w",
    impact: "i",
    whyNotSooner: "y",
    ...base,
  },
  {
    type: "statement",
    id: "s1",
    at: "2026-03-01T10:00:00Z",
    n: 1,
    whatIDid: "w",
    impact: "i",
    whyNotSooner: "y",
    ...base,
  },
  {
    type: "reflection",
    id: "r1",
    at: "2026-03-03T10:00:00Z",
    promptKey: "before-distance",
    body: "b",
    ...base,
  },
];

describe("a couple's shared items", () => {
  it("groups story paragraphs by section in the story's order, unknown sections last", () => {
    const { story } = groupSharedItems(items);
    expect(story.map((s) => s.section)).toEqual(["before", "after", "odd"]);
    expect(story[0]?.title).not.toBe("before");
    expect(story[2]?.title).toBe("odd");
  });

  it("puts each statement version before the addenda written after it", () => {
    const { statements } = groupSharedItems(items);
    expect(statements.map((s) => s.id)).toEqual(["s1", "a1", "s2", "a9"]);
  });

  it("keeps what changed since the last note, or everything before a first note", () => {
    expect(sharedSince(items, null)).toHaveLength(items.length);
    expect(sharedSince(items, "2026-03-05T10:00:00Z").map((i) => i.id)).toEqual(["a1", "a9"]);
  });

  it("overviews each kind shared with its count and latest day", () => {
    expect(sharedOverview(groupSharedItems(items))).toEqual([
      expect.objectContaining({ kind: "reflections", count: 1, latest: "2026-03-03T10:00:00Z" }),
      expect.objectContaining({ kind: "statements", count: 4, latest: "2026-03-07T10:00:00Z" }),
      expect.objectContaining({ kind: "story", count: 3, latest: "2026-03-05T10:00:00Z" }),
    ]);
  });

  it("names the author from the couple's partners", () => {
    expect(authorName([{ id: "p1", name: "Robin" }], "p1")).toBe("Robin");
    expect(authorName([{ id: "p1", name: "Robin" }], "p2")).toBe("One of them");
  });
});

describe("words for the therapist", () => {
  it("shows an unopened marker in the therapist's own words", () => {
    expect(readable(UNOPENED.notGranted)).toEqual({ text: NOT_OPENED, opened: false });
    expect(readable("I was scared")).toEqual({ text: "I was scared", opened: true });
    expect(readable(null)).toBeNull();
  });

  it("groups a TOTP secret in fours for typing by hand", () => {
    expect(inFours("JBSWY3DPEHPK3PXP")).toBe("JBSW Y3DP EHPK 3PXP");
    expect(inFours("ABCDEF")).toBe("ABCD EF");
  });
});
