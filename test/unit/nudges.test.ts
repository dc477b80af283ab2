import { describe, expect, it } from "vitest";
import { agreementNudges, talkTimeNudges } from "../../src/domain/nudges.ts";

const keys = (nudges: Array<{ key: string }>) => nudges.map((n) => n.key);

describe("talk-time nudges", () => {
  it("say nothing about an evening talk of an ordinary length", () => {
    expect(talkTimeNudges("19:30", 45)).toEqual([]);
    expect(talkTimeNudges("20:00", 90)).toEqual([]);
  });

  it("name a late start, a late end, a talk in the small hours, and a long one", () => {
    expect(keys(talkTimeNudges("21:30", 30))).toEqual(["late"]);
    expect(keys(talkTimeNudges("21:15", 90))).toEqual(["late"]);
    expect(keys(talkTimeNudges("05:30", 30))).toEqual(["late"]);
    expect(keys(talkTimeNudges("18:00", 120))).toEqual(["long"]);
    expect(keys(talkTimeNudges("22:00", 120))).toEqual(["late", "long"]);
    expect(talkTimeNudges("not a time", 45)).toEqual([]);
  });
});

describe("agreement nudges", () => {
  it("notice absolutes as whole words, in any case, and offer a smaller wording", () => {
    const [nudge] = agreementNudges("I will NEVER text her again.");
    expect(nudge?.sentence).toMatch(/^"never" is hard to keep/);
    expect(nudge?.suggestion).toMatch(/for the next four weeks/);
    expect(keys(agreementNudges("We always talk before nine."))).toEqual(["absolute"]);
    expect(keys(agreementNudges("Forever is a long time."))).toEqual(["absolute"]);
  });

  it("leave ordinary wording alone, and words that merely contain an absolute", () => {
    expect(agreementNudges("We talk on Sunday mornings for the next month.")).toEqual([]);
    expect(agreementNudges("Nevertheless, we check in.")).toEqual([]);
  });
});
