import { describe, expect, it } from "vitest";
import type { PromiseItem } from "../../src/contracts/promises.ts";
import { lintPromise } from "../../src/domain/promise-linter.ts";
import { PROMISE_TEMPLATES } from "../../src/domain/promise-templates.ts";
import {
  bodyOf,
  builderSchema,
  defaultReviewOn,
  emptyValues,
  lintCadence,
  reviewBounds,
  splitLints,
  suggestionOf,
  valuesFromPromise,
  valuesFromTemplate,
} from "../../src/web/features/promises/builder.ts";

const TODAY = "2027-03-10";
const schema = builderSchema(TODAY);

const filled = {
  ...emptyValues(TODAY),
  text: "Text you when I leave work.",
  noticeHow: "You get a message from me by 18:00.",
  cadence: "weekdays" as const,
  days: ["wed", "mon"] as ("mon" | "wed")[],
};

const lint = (text: string, noticeHow = "You get a message from me by 18:00.") =>
  lintPromise({ text, noticeHow, cadence: { kind: "daily" }, activePromises: 0 });

describe("the builder's form", () => {
  it("starts with no when, an ordinary promise and the review four weeks ahead", () => {
    const start = emptyValues(TODAY);
    expect(start.cadence).toBeUndefined();
    expect(start.kind).toBe("ordinary");
    expect(start.reviewOn).toBe("2027-04-07");
    expect(defaultReviewOn(TODAY)).toBe("2027-04-07");
  });

  it("asks for a when, and for days when it is given weekdays", () => {
    const noWhen = schema.safeParse({ ...filled, cadence: null });
    expect(noWhen.success).toBe(false);
    expect(noWhen.error?.issues.map((i) => i.path.join("."))).toContain("cadence");
    const noDays = schema.safeParse({ ...filled, days: [] });
    expect(noDays.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["days", "Choose at least one day."],
    ]);
  });

  it("holds a transparency routine to an area and a review within 90 days", () => {
    const routine = { ...filled, kind: "transparency" as const };
    const noArea = schema.safeParse({ ...routine, area: null });
    expect(noArea.error?.issues.map((i) => i.path.join("."))).toEqual(["area"]);
    const far = schema.safeParse({ ...routine, area: "finances", reviewOn: "2027-06-30" });
    expect(far.error?.issues[0]?.message).toMatch(/within 90 days/);
    const none = schema.safeParse({ ...routine, area: "finances", reviewOn: "" });
    expect(none.error?.issues[0]?.message).toMatch(/time-limited/);
    expect(schema.safeParse({ ...routine, area: "finances" }).success).toBe(true);
    expect(reviewBounds("transparency", TODAY)).toEqual({ min: "2027-03-11", max: "2027-06-08" });
    expect(reviewBounds("ordinary", TODAY).max).toBe("2027-09-06");
  });

  it("lets an ordinary promise leave its review day to the server's default", () => {
    const parsed = schema.parse({ ...filled, reviewOn: "" });
    expect(bodyOf(parsed)).not.toHaveProperty("reviewOn");
  });

  it("sends the cadence as the contract shapes it, an area only for a routine", () => {
    const body = bodyOf(schema.parse({ ...filled, area: "finances" }), "old");
    expect(body).toEqual({
      text: "Text you when I leave work.",
      noticeHow: "You get a message from me by 18:00.",
      cadence: { kind: "weekdays", days: ["mon", "wed"] },
      kind: "ordinary",
      reviewOn: "2027-04-07",
      replaces: "old",
    });
    const weekly = schema.parse({ ...filled, cadence: "weekly", weeklyDay: "sun" });
    expect(bodyOf(weekly).cadence).toEqual({ kind: "weekly", days: ["sun"] });
    expect(bodyOf(schema.parse({ ...filled, cadence: "weekly" })).cadence).toEqual({
      kind: "weekly",
    });
  });

  it("gives the linter the cadence as chosen so far", () => {
    expect(lintCadence({ cadence: undefined })).toBeNull();
    expect(lintCadence({ cadence: "weekdays", days: ["fri", "mon"] })).toEqual({
      kind: "weekdays",
      days: ["mon", "fri"],
    });
    expect(lintCadence({ cadence: "daily", days: ["mon"] })).toEqual({ kind: "daily" });
  });

  it("fills from a template, every one of them valid as it stands", () => {
    for (const template of PROMISE_TEMPLATES) {
      const values = valuesFromTemplate(template, TODAY);
      expect(values.text).toBe(template.text);
      const parsed = schema.safeParse(values);
      // A routine the app has no area for leaves the choice to the person.
      const expected = template.kind === "ordinary" || template.area !== undefined;
      expect(parsed.success, template.key).toBe(expected);
    }
  });

  it("fills from a promise to change its wording, keeping a review day still ahead", () => {
    const promise = {
      text: "Call you at lunch.",
      noticeHow: "Your phone rings at 12:30.",
      cadence: { kind: "weekly", days: ["tue"] },
      kind: "transparency",
      area: "technology",
      reviewOn: "2027-03-20",
    } as unknown as PromiseItem;
    const values = valuesFromPromise(promise, TODAY);
    expect(values).toMatchObject({ cadence: "weekly", weeklyDay: "tue", reviewOn: "2027-03-20" });
    const due = valuesFromPromise({ ...promise, reviewOn: TODAY }, TODAY);
    expect(due.reviewOn).toBe("2027-04-07");
  });
});

describe("the linter's advice in the form", () => {
  it("offers the linter's example sentence in place of grand words, never the words themselves", () => {
    const lints = lint("I will be a better partner.");
    const vague = lints.find((l) => l.issue === "vague-verb");
    expect(vague).toBeDefined();
    const suggestion = vague ? suggestionOf(vague) : null;
    expect(suggestion?.field).toBe("text");
    expect(suggestion?.value).toMatch(/^Ask you each evening/);
  });

  it("offers nothing to paste where the advice is a fragment", () => {
    const always = lint("I'll always be home.").find((l) => l.issue === "absolute");
    expect(always).toBeDefined();
    expect(always ? suggestionOf(always) : "none").toBeNull();
  });

  it("offers a sign to notice for the notice field", () => {
    const sign = lint("Call you at lunch each day.", "You'll just know.").find(
      (l) => l.issue === "not-observable",
    );
    expect(sign ? suggestionOf(sign) : null).toEqual({
      field: "noticeHow",
      value: "You'll get a call from me at lunchtime.",
    });
  });

  it("picks the cadence the words already point to", () => {
    const lints = lintPromise({
      text: "Call you every evening.",
      noticeHow: "Your phone rings.",
      cadence: null,
      activePromises: 0,
    });
    const noWhen = lints.find((l) => l.issue === "no-cadence");
    expect(noWhen ? suggestionOf(noWhen) : null).toEqual({ field: "cadence", value: "daily" });
  });

  it("splits word lints from whole-promise ones", () => {
    const text = "I will never lie and always be honest.";
    const lints = lintPromise({ text, noticeHow: "", cadence: null, activePromises: 0 });
    const { words, whole } = splitLints(lints);
    expect(words.length).toBeGreaterThan(0);
    expect(words.every((l) => l.start !== null)).toBe(true);
    expect(whole.every((l) => l.start === null)).toBe(true);
    expect(words.length + whole.length).toBe(lints.length);
  });
});
