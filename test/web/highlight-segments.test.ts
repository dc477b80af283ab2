import { describe, expect, it } from "vitest";
import { defensivenessMarks } from "../../src/domain/defensiveness.ts";
import { lintPromise } from "../../src/domain/promise-linter.ts";
import { highlightSegments } from "../../src/web/ui/highlight-segments.ts";

describe("highlights behind a text area", () => {
  it("cuts the text at the defensiveness helper's marks, keeping every character", () => {
    const text = "I'm sorry, but you made me feel alone. Mistakes were made.";
    const marks = defensivenessMarks(text);
    expect(marks.length).toBeGreaterThanOrEqual(2);
    const segments = highlightSegments(text, marks);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.filter((s) => s.span !== null).map((s) => s.text)).toEqual(
      marks.map((m) => m.text),
    );
  });

  it("skips the linter's remarks on the whole promise and marks its words", () => {
    const text = "I will never lie and always be honest.";
    const lints = lintPromise({ text, noticeHow: "", cadence: null, activePromises: 0 });
    expect(lints.some((l) => l.start === null)).toBe(true);
    const segments = highlightSegments(text, lints);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.filter((s) => s.span !== null).map((s) => s.text)).toEqual(
      lints.filter((l) => l.start !== null).map((l) => l.text),
    );
  });

  it("gives unmarked text as one run, and nothing for no text", () => {
    expect(highlightSegments("I lied to you.", [])).toEqual([
      { text: "I lied to you.", span: null },
    ]);
    expect(highlightSegments("", [])).toEqual([]);
  });

  it("cuts a stale mark that reaches past the text", () => {
    expect(highlightSegments("I was wrong", [{ start: 4, end: 40 }])).toEqual([
      { text: "I wa", span: null },
      { text: "s wrong", span: 0 },
    ]);
  });
});
