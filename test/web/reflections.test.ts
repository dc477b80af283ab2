import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/client/api.ts";
import type { Reflection } from "../../src/contracts/reflections.ts";
import { partnerSharedLine, standingLabel } from "../../src/web/features/reflections/copy.ts";
import {
  decideSave,
  failureLine,
  needsAttention,
  saveLine,
  stateWhileTyping,
  whenSaved,
  wordsBeyond,
} from "../../src/web/features/reflections/draft-save.ts";
import {
  groupByTheme,
  overviewOf,
  type Prompt,
  promptCount,
  type ReflectionsData,
  standingOn,
  type Theme,
} from "../../src/web/features/reflections/standing.ts";
import { formatDateTime, formatTime } from "../../src/web/ui/format.ts";

const reflection = (over: Partial<Reflection>): Reflection => ({
  id: "r",
  promptKey: "a1",
  body: "words",
  visibility: "private",
  by: "me",
  mine: true,
  updatedAt: "2027-01-10T10:00:00.000Z",
  sharedAt: null,
  comments: [],
  ...over,
});

const themes: Theme[] = [
  { key: "before", title: "The time before", intro: "…" },
  { key: "unspoken", title: "What went unsaid", intro: "…" },
];
const prompts: Prompt[] = [
  { key: "a1", theme: "before", text: "A1", hint: "" },
  { key: "b1", theme: "unspoken", text: "B1", hint: "" },
  { key: "a2", theme: "before", text: "A2", hint: "" },
  { key: "b2", theme: "unspoken", text: "B2", hint: "" },
];

const none: ReflectionsData = { reflections: [], pairs: [], partnerSharedOn: [] };

describe("where the viewer stands on a prompt", () => {
  it("has not started where nothing of theirs is there", () => {
    expect(standingOn("a1", none)).toEqual({ kind: "not-started", partnerShared: false });
  });

  it("holds a private draft until it is shared", () => {
    const draft = reflection({});
    expect(standingOn("a1", { ...none, reflections: [draft] })).toEqual({
      kind: "draft",
      mine: draft,
      partnerShared: false,
    });
  });

  it("waits for the partner once shared, and stands side by side once both shared", () => {
    const mine = reflection({ visibility: "couple", sharedAt: "2027-01-11T09:00:00.000Z" });
    expect(standingOn("a1", { ...none, reflections: [mine] }).kind).toBe("waiting");
    const theirs = reflection({ id: "t", by: "them", mine: false, sharedAt: mine.sharedAt });
    const data = {
      ...none,
      reflections: [mine, theirs],
      pairs: [{ promptKey: "a1", mine, theirs }],
    };
    expect(standingOn("a1", data)).toEqual({
      kind: "side-by-side",
      pair: { promptKey: "a1", mine, theirs },
    });
  });

  it("knows only that the partner has shared, on a prompt not yet shared by the viewer", () => {
    const data = { ...none, reflections: [reflection({})], partnerSharedOn: ["a1", "b1"] };
    expect(standingOn("a1", data)).toMatchObject({ kind: "draft", partnerShared: true });
    expect(standingOn("b1", data)).toEqual({ kind: "not-started", partnerShared: true });
    expect(standingOn("a2", data)).toEqual({ kind: "not-started", partnerShared: false });
  });

  it("ignores the partner's words on a prompt: only the viewer's own make a draft", () => {
    const theirs = reflection({ by: "them", mine: false });
    expect(standingOn("a1", { ...none, reflections: [theirs] }).kind).toBe("not-started");
  });
});

describe("prompts grouped by theme", () => {
  it("keeps the themes' order, and the prompts' order within each", () => {
    const groups = groupByTheme(prompts, themes, none);
    expect(groups.map((g) => g.theme.key)).toEqual(["before", "unspoken"]);
    expect(groups.map((g) => g.prompts.map((p) => p.prompt.key))).toEqual([
      ["a1", "a2"],
      ["b1", "b2"],
    ]);
  });
});

describe("the overview counts honestly", () => {
  it("counts drafts as written, only shared ones as shared, and pairs as side by side", () => {
    const shared = reflection({ id: "s", promptKey: "a2", sharedAt: "2027-01-11T09:00:00.000Z" });
    const theirs = reflection({ id: "t", promptKey: "a2", by: "them", mine: false });
    const data: ReflectionsData = {
      reflections: [reflection({}), shared, theirs],
      pairs: [{ promptKey: "a2", mine: shared, theirs }],
      partnerSharedOn: ["b1"],
    };
    expect(overviewOf(prompts, data)).toEqual({
      prompts: 4,
      written: 2,
      shared: 1,
      sideBySide: 1,
      partnerWaiting: 1,
    });
  });

  it("leaves out answers on prompts no longer offered", () => {
    const data = { ...none, reflections: [reflection({ promptKey: "retired" })] };
    expect(overviewOf(prompts, data).written).toBe(0);
  });

  it("says one prompt, two prompts", () => {
    expect(promptCount(1)).toBe("1 prompt");
    expect(promptCount(0)).toBe("0 prompts");
    expect(promptCount(16)).toBe("16 prompts");
  });
});

describe("standing said in words", () => {
  it("names the partner where they are waited for, and says what the partner did, nothing more", () => {
    const waiting = { kind: "waiting", mine: reflection({}) } as const;
    expect(standingLabel(waiting, "Kai")).toBe("Shared, waiting for Kai");
    expect(standingLabel({ kind: "draft", mine: reflection({}), partnerShared: true }, "Kai")).toBe(
      "Draft, private",
    );
    expect(partnerSharedLine({ kind: "not-started", partnerShared: true }, "Kai")).toBe(
      "Kai has shared on this one. Share yours to see both.",
    );
    expect(partnerSharedLine({ kind: "not-started", partnerShared: true }, "your partner")).toBe(
      "Your partner has shared on this one. Share yours to see both.",
    );
    expect(partnerSharedLine({ kind: "not-started", partnerShared: false }, "Kai")).toBeNull();
    expect(partnerSharedLine(waiting, "Kai")).toBeNull();
  });
});

describe("when a draft is saved", () => {
  it("saves new words, and not the same words again (trimmed as the server stores them)", () => {
    expect(decideSave("I remember", null, 100)).toBe("save");
    expect(decideSave("I remember  \n", "I remember", 100)).toBe("unchanged");
    expect(decideSave("I remember more", "I remember", 100)).toBe("save");
  });

  it("does not save an empty page or one over the limit", () => {
    expect(decideSave("   \n ", "earlier", 100)).toBe("empty");
    expect(decideSave("x".repeat(101), null, 100)).toBe("too-long");
    expect(decideSave(`${"x".repeat(100)}   `, null, 100)).toBe("save");
  });

  it("shows a calm state while typing, keeping the last save's time when nothing changed", () => {
    const at = "2027-01-10T13:02:00.000Z";
    expect(stateWhileTyping("save", at, true, 100)).toEqual({ kind: "pending" });
    expect(stateWhileTyping("unchanged", at, true, 100)).toEqual({ kind: "saved", at });
    expect(stateWhileTyping("unchanged", null, false, 100)).toEqual({ kind: "fresh" });
    expect(stateWhileTyping("empty", at, true, 100)).toEqual({ kind: "empty", hasDraft: true });
    expect(stateWhileTyping("empty", null, false, 100)).toEqual({ kind: "fresh" });
    expect(stateWhileTyping("too-long", at, true, 100)).toEqual({ kind: "too-long", max: 100 });
  });

  it("says when it was saved, and that it is private", () => {
    const time = (at: string) => at.slice(11, 16);
    expect(saveLine({ kind: "saved", at: "2027-01-10T14:02:00.000Z" }, time)).toBe(
      "Saved privately at 14:02.",
    );
    expect(saveLine({ kind: "saving" }, time)).toBe("Saving…");
    expect(saveLine({ kind: "too-long", max: 6000 }, time)).toContain("6,000 characters");
  });

  it("gives the time alone for a save today, and the date too for an earlier one", () => {
    const now = new Date("2027-01-10T22:30:00.000Z"); // 23:30 in Berlin
    const today = "2027-01-10T13:02:00.000Z";
    const yesterday = "2027-01-09T13:02:00.000Z";
    expect(whenSaved(today, now)).toBe(formatTime(today));
    expect(whenSaved(yesterday, now)).toBe(formatDateTime(yesterday));
    // 23:50 in Berlin, seen ten minutes after Berlin's midnight (still one day in UTC): yesterday.
    const lateEvening = "2027-01-10T22:50:00.000Z";
    expect(whenSaved(lateEvening, new Date("2027-01-10T23:10:00.000Z"))).toBe(
      formatDateTime(lateEvening),
    );
  });

  it("asks for attention only when something went wrong", () => {
    expect(needsAttention({ kind: "failed", message: "x" })).toBe(true);
    expect(needsAttention({ kind: "too-long", max: 1 })).toBe(true);
    expect(needsAttention({ kind: "saving" })).toBe(false);
    expect(needsAttention({ kind: "empty", hasDraft: true })).toBe(false);
  });

  it("says the words are still on screen whatever failed, and what the server said", () => {
    const offline = failureLine(new ApiError(0, "network", "offline"));
    expect(offline).toContain("can't be reached");
    expect(offline).toContain("still here");
    const field = failureLine(
      new ApiError(400, "invalid_input", "Some fields need another look.", {
        body: "Keep this to 6000 characters or fewer.",
      }),
    );
    expect(field).toBe(
      "Keep this to 6000 characters or fewer. Your words are still here on this screen.",
    );
    expect(failureLine(new Error("boom"))).toContain("couldn't be saved");
  });
});

describe("words typed after an answer was shared elsewhere", () => {
  it("offers only what the shared answer does not hold", () => {
    expect(wordsBeyond("We went quiet. Then one of us left.", "We went quiet.")).toBe(
      "Then one of us left.",
    );
    expect(wordsBeyond("We went quiet.  ", "We went quiet.")).toBe("");
    expect(wordsBeyond("Something else entirely.", "We went quiet.")).toBe(
      "Something else entirely.",
    );
  });
});
