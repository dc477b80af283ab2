import { describe, expect, it } from "vitest";
import {
  isStorableText,
  nameableField,
  unstorableFields,
} from "../../src/server/platform/input-guard.ts";

describe("text that can be stored on every engine", () => {
  it.each([
    ["plain words", true],
    ["tabs\tand\nline\r\nbreaks", true],
    ["an emoji 💔 whole", true],
    ["\u0000", false],
    ["bell \u0007", false],
    ["escape \u001b[2J", false],
    ["delete \u007f", false],
    ["half a pair \ud83d", false],
    ["the other half \udc94", false],
  ])("%j storable: %s", (text, storable) => {
    expect(isStorableText(text)).toBe(storable);
  });

  it("names where in a body the unstorable text is", () => {
    expect(
      unstorableFields({ note: "ok", nested: { deep: ["fine", "bad\u0000"] }, other: 3 }),
    ).toEqual(["nested.deep.1"]);
  });

  it("walks a body nested thousands deep without running out of stack", () => {
    let deep: unknown = "bad\u0000";
    for (let level = 0; level < 20_000; level++) deep = [deep];
    expect(unstorableFields({ deep })).toEqual([`deep${".0".repeat(20_000)}`]);
  });

  it("never names an odd key back, only where it sits", () => {
    expect(unstorableFields({ outer: { "k\u0000": "x" } })).toEqual(["outer"]);
    expect(unstorableFields({ ["x".repeat(500)]: "bad\u0000" })).toEqual([""]);
    expect(nameableField("outer.inner", "body")).toBe("outer.inner");
    expect(nameableField(`outer.${"k".repeat(100)}`, "body")).toBe("body");
  });
});
