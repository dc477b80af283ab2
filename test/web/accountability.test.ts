import { describe, expect, it } from "vitest";
import { UNOPENED } from "../../src/client/sealing.ts";
import type { Statement } from "../../src/contracts/accountability.ts";
import { defensivenessMarks } from "../../src/domain/defensiveness.ts";
import { marksAnnouncement, phraseCount } from "../../src/web/features/accountability/highlight.ts";
import {
  draftSections,
  editableSections,
  sameSections,
  sectionsOf,
} from "../../src/web/features/accountability/sections.ts";
import {
  addendaInOrder,
  defaultComparison,
  leadsWithWriting,
  newestAnswer,
  newestFirst,
  newestVersion,
  splitStatements,
  type Version,
} from "../../src/web/features/accountability/statements.ts";
import { diffCounts, sideOf, wordDiff } from "../../src/web/features/accountability/word-diff.ts";

describe("word diff between two versions", () => {
  it("marks nothing when the words are the same, even re-wrapped", () => {
    expect(wordDiff("I lied to you.", "I lied\nto  you.")).toEqual([
      { kind: "same", text: "I lied\nto  you." },
    ]);
  });

  it("marks words put in the middle, keeping the shared start and end", () => {
    expect(
      wordDiff("I told you I was at work late.", "I told you I was with them, not at work late."),
    ).toEqual([
      { kind: "same", text: "I told you I was " },
      { kind: "added", text: "with them, not " },
      { kind: "same", text: "at work late." },
    ]);
  });

  it("marks words taken out", () => {
    expect(wordDiff("It was just a few texts.", "It was a few texts.")).toEqual([
      { kind: "same", text: "It was " },
      { kind: "removed", text: "just " },
      { kind: "same", text: "a few texts." },
    ]);
  });

  it("gives what was taken out before what was put in, at each change", () => {
    expect(wordDiff("a b c d e", "a x c y e")).toEqual([
      { kind: "same", text: "a " },
      { kind: "removed", text: "b " },
      { kind: "added", text: "x " },
      { kind: "same", text: "c " },
      { kind: "removed", text: "d " },
      { kind: "added", text: "y " },
      { kind: "same", text: "e" },
    ]);
  });

  it("counts punctuation and case as part of a word", () => {
    expect(wordDiff("I lied to you.", "I lied to You")).toEqual([
      { kind: "same", text: "I lied to " },
      { kind: "removed", text: "you." },
      { kind: "added", text: "You" },
    ]);
  });

  it("handles an empty side", () => {
    expect(wordDiff("", "New words here.")).toEqual([{ kind: "added", text: "New words here." }]);
    expect(wordDiff("Old words.", "")).toEqual([{ kind: "removed", text: "Old words." }]);
    expect(wordDiff("", "")).toEqual([]);
  });

  it("keeps every word of both texts, in order", () => {
    const before = "I hid the messages for months and told you it was nothing.";
    const after = "For five months I hid the messages from you, and I told you they meant nothing.";
    const parts = wordDiff(before, after);
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    expect(
      words(
        sideOf(parts, "before")
          .map((p) => p.text)
          .join(""),
      ),
    ).toEqual(words(before));
    expect(
      words(
        sideOf(parts, "after")
          .map((p) => p.text)
          .join(""),
      ),
    ).toEqual(words(after));
  });

  it("splits into the two sides of a side-by-side view, and counts words", () => {
    const parts = wordDiff("a b c d e", "a x c y e");
    expect(sideOf(parts, "before")).toEqual([
      { kind: "same", text: "a " },
      { kind: "removed", text: "b " },
      { kind: "same", text: "c " },
      { kind: "removed", text: "d " },
      { kind: "same", text: "e" },
    ]);
    expect(sideOf(parts, "after").filter((p) => p.kind === "removed")).toEqual([]);
    expect(
      diffCounts(wordDiff("It was just a few texts.", "It was many texts, over months.")),
    ).toEqual({
      added: 4,
      removed: 4,
    });
  });
});

describe("the working copy's sections", () => {
  it("sends a section only once it has words", () => {
    expect(draftSections({ whatIDid: "I lied.", impact: "   ", whyNotSooner: "" })).toEqual({
      whatIDid: "I lied.",
    });
    expect(draftSections(sectionsOf(null))).toEqual({});
  });

  it("compares sections as the server keeps them, trimmed", () => {
    const a = { whatIDid: "I lied. ", impact: "x", whyNotSooner: "y" };
    expect(sameSections(a, { ...a, whatIDid: "I lied." })).toBe(true);
    expect(sameSections(a, { ...a, impact: "z" })).toBe(false);
  });

  it("never opens a marker of unopened words for editing", () => {
    expect(editableSections({ whatIDid: UNOPENED.earlierKeys, impact: "mine" })).toEqual({
      sections: { whatIDid: "", impact: "mine", whyNotSooner: "" },
      unopened: true,
    });
    expect(editableSections(null)).toEqual({
      sections: { whatIDid: "", impact: "", whyNotSooner: "" },
      unopened: false,
    });
  });
});

const version = (n: number, over: Partial<Version> = {}): Version => ({
  id: `v${n}`,
  n,
  sharedWithTherapist: false,
  at: `2027-03-0${n}T10:00:00.000Z`,
  by: "kai",
  whatIDid: `what ${n}`,
  impact: `impact ${n}`,
  whyNotSooner: `why ${n}`,
  responses: [],
  ...over,
});

const statement = (over: Partial<Statement>): Statement => ({
  by: "kai",
  mine: false,
  versions: [],
  addenda: [],
  ...over,
});

const answer = (versionId: string, heard: "yes" | "partly" | "not-yet", at: string) => ({
  id: `${versionId}-${at}`,
  versionId,
  by: "robin",
  mine: true,
  heard,
  at,
});

describe("statements on screen", () => {
  it("leads with writing unless the person said they were hurt", () => {
    expect(leadsWithWriting("broke-trust")).toBe(true);
    expect(leadsWithWriting("both")).toBe(true);
    expect(leadsWithWriting(undefined)).toBe(true);
    expect(leadsWithWriting("hurt")).toBe(false);
  });

  it("finds one's own statement and the partner's", () => {
    const mine = statement({ by: "robin", mine: true });
    const theirs = statement({ by: "kai" });
    expect(splitStatements([theirs, mine])).toEqual({ mine, partners: theirs });
    expect(splitStatements([])).toEqual({ mine: null, partners: null });
  });

  it("puts the newest version first", () => {
    const s = statement({ versions: [version(1), version(3), version(2)] });
    expect(newestFirst(s.versions).map((v) => v.n)).toEqual([3, 2, 1]);
    expect(newestVersion(s)?.n).toBe(3);
    expect(newestVersion(null)).toBeNull();
  });

  it("says the newest version is unanswered even when an earlier one was answered", () => {
    const answered = version(1, {
      responses: [answer("v1", "not-yet", "2027-03-01T12:00:00.000Z")],
    });
    expect(newestAnswer(statement({ versions: [answered] }))).toBe("not-yet");
    expect(newestAnswer(statement({ versions: [answered, version(2)] }))).toBeNull();
    const twice = version(2, {
      responses: [
        answer("v2", "yes", "2027-03-03T12:00:00.000Z"),
        answer("v2", "partly", "2027-03-02T12:00:00.000Z"),
      ],
    });
    expect(newestAnswer(statement({ versions: [answered, twice] }))).toBe("yes");
  });

  it("lists addenda in the order they were added", () => {
    const later = {
      id: "b",
      at: "2027-03-05T10:00:00.000Z",
      by: "kai",
      text: "b",
      afterVersion: 2,
      sharedWithTherapist: false,
    };
    const earlier = { ...later, id: "a", at: "2027-03-02T10:00:00.000Z", afterVersion: 1 };
    expect(addendaInOrder(statement({ addenda: [later, earlier] })).map((a) => a.id)).toEqual([
      "a",
      "b",
    ]);
  });

  it("opens a comparison on the newest version and the one before it", () => {
    expect(defaultComparison([version(2), version(1), version(3)])).toEqual([2, 3]);
    expect(defaultComparison([version(1)])).toBeNull();
  });
});

describe("the helper's count, read out", () => {
  it("announces a count only when it has changed", () => {
    expect(marksAnnouncement("What I did", 2, 2)).toBe("");
    expect(marksAnnouncement("What I did", 1, 0)).toBe(
      "What I did: the helper marks 1 phrase. They are listed under the field.",
    );
    expect(marksAnnouncement("What I did", 0, 3)).toBe("What I did: no phrases marked now.");
    expect(phraseCount(3)).toBe("3 phrases");
  });
});
