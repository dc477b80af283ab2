import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { codeWords, ExportValue } from "../../src/web/features/account/components/export-value.tsx";

const ROBIN = "u-robin";
const names = new Map([[ROBIN, "Robin"]]);
const html = (value: unknown) => renderToStaticMarkup(createElement(ExportValue, { value, names }));

describe("the printable export", () => {
  it("says the API's codes in words: a state, a kind, a weekday, a list of kinds", () => {
    const shown = html({
      status: "asked-again",
      weekday: "sun",
      kinds: ["talk-soon", "proposal-waiting"],
      went: "hard-but-ok",
      proposedBy: ROBIN,
    });
    expect(shown).toContain("Asked again");
    expect(shown).toContain("Sunday");
    expect(shown).toContain("Talk soon, Proposal waiting");
    expect(shown).toContain("Hard but ok");
    expect(shown).toContain("Robin");
    expect(shown).not.toMatch(/asked-again|>sun<|talk-soon|hard-but-ok/);
  });

  it("leaves a person's own words as they wrote them, lowercase and hyphens included", () => {
    const shown = html({ topic: "money-talk", text: "sun", note: "asked-again" });
    expect(shown).toContain("money-talk");
    expect(shown).toContain(">sun<");
    expect(shown).toContain("asked-again");
  });

  it("names every weekday, and only turns hyphens into spaces otherwise", () => {
    expect(codeWords("mon")).toBe("Monday");
    expect(codeWords("broke-trust")).toBe("Broke trust");
    expect(codeWords("accepted")).toBe("Accepted");
  });
});
