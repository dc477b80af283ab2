import { z } from "zod";
import { PromiseBody, type PromiseItem } from "../../../contracts/promises.ts";
import { draftOf } from "../../../contracts/words.ts";
import { addDaysToDay, daysBetween, type IsoDay } from "../../../domain/dates.ts";
import {
  PROMISE_CADENCE_KINDS,
  type PromiseCadence,
  type PromiseCadenceKind,
  type PromiseLint,
} from "../../../domain/promise-linter.ts";
import { type PromiseTemplate, TRANSPARENCY_AREAS } from "../../../domain/promise-templates.ts";
import {
  DEFAULT_PROMISE_REVIEW_DAYS,
  PROMISE_KINDS,
  PROMISE_REVIEW_MAX_DAYS,
  type PromiseKind,
  reviewDayProblem,
  TRANSPARENCY_REVIEW_MAX_DAYS,
} from "../../../domain/promises.ts";
import { isWeekday, WEEKDAYS, type Weekday } from "../../../domain/schedule.ts";
import type { PromiseInput } from "./api/promises.ts";

const Plain = draftOf(PromiseBody);

/**
 * The builder's form: the contract's own checks for the words, and the cadence laid out as a
 * person chooses it (a kind, then weekdays) rather than as the nested shape the server takes.
 * `today` is the couple's, so the review day is checked by the same rule the server uses.
 */
export function builderSchema(today: IsoDay) {
  return z
    .object({
      text: Plain.shape.text,
      noticeHow: Plain.shape.noticeHow,
      cadence: z.enum(PROMISE_CADENCE_KINDS, { error: "Choose when it's due." }),
      days: z.array(z.enum(WEEKDAYS)),
      weeklyDay: z.union([z.enum(WEEKDAYS), z.literal("")]),
      kind: z.enum(PROMISE_KINDS, { error: "Choose ordinary or transparency." }),
      area: z.enum(TRANSPARENCY_AREAS).nullish(),
      reviewOn: z.string(),
    })
    .superRefine((values, context) => {
      if (values.cadence === "weekdays" && values.days.length === 0) {
        context.addIssue({ code: "custom", path: ["days"], message: "Choose at least one day." });
      }
      const transparency = values.kind === "transparency";
      if (transparency && !values.area) {
        context.addIssue({
          code: "custom",
          path: ["area"],
          message: "Choose what the routine opens up: finances, technology or social media.",
        });
      }
      const day = values.reviewOn.trim();
      const problem = reviewDayProblem(values.kind, day === "" ? undefined : day, today);
      if (problem) context.addIssue({ code: "custom", path: ["reviewOn"], message: problem });
    });
}

export type BuilderValues = z.input<ReturnType<typeof builderSchema>>;
export type BuilderOutput = z.output<ReturnType<typeof builderSchema>>;
/** The form's starting values: a new promise starts with no when chosen. */
export type BuilderStart = Omit<BuilderValues, "cadence"> & { cadence?: PromiseCadenceKind };

/** The review day offered unless the couple choose another: four weeks ahead. */
export function defaultReviewOn(today: IsoDay): IsoDay {
  return addDaysToDay(today, DEFAULT_PROMISE_REVIEW_DAYS);
}

/** The days the date field allows for a kind: from tomorrow, within 90 days for a routine. */
export function reviewBounds(kind: PromiseKind, today: IsoDay): { min: IsoDay; max: IsoDay } {
  const max = kind === "transparency" ? TRANSPARENCY_REVIEW_MAX_DAYS : PROMISE_REVIEW_MAX_DAYS;
  return { min: addDaysToDay(today, 1), max: addDaysToDay(today, max) };
}

/** A blank promise. Its when is left unchosen on purpose: picking one is part of making it. */
export function emptyValues(today: IsoDay): BuilderStart {
  return {
    text: "",
    noticeHow: "",
    days: [],
    weeklyDay: "",
    kind: "ordinary",
    area: null,
    reviewOn: defaultReviewOn(today),
  };
}

const weekdaysIn = (days: readonly string[] | undefined): Weekday[] =>
  (days ?? []).filter(isWeekday);

export function valuesFromTemplate(template: PromiseTemplate, today: IsoDay): BuilderStart {
  return {
    text: template.text,
    noticeHow: template.noticeHow,
    cadence: template.cadence.kind,
    days: template.cadence.kind === "weekdays" ? weekdaysIn(template.cadence.days) : [],
    weeklyDay: "",
    kind: template.kind,
    area: template.area ?? null,
    reviewOn: defaultReviewOn(today),
  };
}

/**
 * A promise's own values, to change its wording: the same when, kind and area, and its review
 * day while that still lies ahead (a new one four weeks on otherwise).
 */
export function valuesFromPromise(promise: PromiseItem, today: IsoDay): BuilderStart {
  const { cadence } = promise;
  const ahead = promise.reviewOn !== null && daysBetween(today, promise.reviewOn) >= 1;
  return {
    text: promise.text,
    noticeHow: promise.noticeHow,
    cadence: cadence.kind,
    days: cadence.kind === "weekdays" ? [...cadence.days] : [],
    weeklyDay: cadence.kind === "weekly" ? (cadence.days?.[0] ?? "") : "",
    kind: promise.kind,
    area: promise.area,
    reviewOn: ahead && promise.reviewOn !== null ? promise.reviewOn : defaultReviewOn(today),
  };
}

const inWeekOrder = (days: readonly Weekday[]) => WEEKDAYS.filter((day) => days.includes(day));

/** The cadence as the linter reads it, or null while none is chosen. */
export function lintCadence(values: {
  cadence?: PromiseCadenceKind | null | undefined;
  days?: readonly Weekday[] | undefined;
}): PromiseCadence | null {
  if (!values.cadence) return null;
  return values.cadence === "weekdays"
    ? { kind: "weekdays", days: inWeekOrder(values.days ?? []) }
    : { kind: values.cadence };
}

function cadenceBody(values: BuilderOutput): PromiseInput["cadence"] {
  switch (values.cadence) {
    case "daily":
      return { kind: "daily" };
    case "weekdays":
      return { kind: "weekdays", days: inWeekOrder(values.days) };
    case "weekly":
      return values.weeklyDay ? { kind: "weekly", days: [values.weeklyDay] } : { kind: "weekly" };
    case "situational":
      return { kind: "situational" };
  }
}

/** What is sent: an area only for a routine, and `replaces` when this changes a promise. */
export function bodyOf(values: BuilderOutput, replaces?: string): PromiseInput {
  const reviewOn = values.reviewOn.trim();
  return {
    text: values.text,
    noticeHow: values.noticeHow,
    cadence: cadenceBody(values),
    kind: values.kind,
    ...(values.kind === "transparency" && values.area ? { area: values.area } : {}),
    ...(reviewOn ? { reviewOn } : {}),
    ...(replaces ? { replaces } : {}),
  };
}

export type Suggestion =
  | { field: "text" | "noticeHow"; value: string }
  | { field: "cadence"; value: PromiseCadenceKind };

const QUOTE = /“([^”]+)”/g;
/** A quoted example that stands as a promise of its own: a sentence, not a fragment. */
const whole = (quote: string) => /^\p{Lu}/u.test(quote) && !quote.includes("…");

const CADENCE_CHOICES: Readonly<Record<string, PromiseCadenceKind>> = {
  daily: "daily",
  "on given weekdays": "weekdays",
  weekly: "weekly",
  "whenever a situation arises": "situational",
};
const CHOOSE = /choose “([^”]+)” as the cadence/;

/**
 * What "Use this" puts into the form for a lint, or null when its advice is not something to
 * paste (split a promise, leave out a word, wait with a fourth one). The linter's examples are
 * quoted whole sentences; the writer's own marked words are quoted too, and are never offered.
 */
export function suggestionOf(lint: PromiseLint): Suggestion | null {
  switch (lint.issue) {
    case "absolute":
    case "vague-verb": {
      const marked = lint.text?.toLowerCase();
      const example = [...lint.instead.matchAll(QUOTE)]
        .map((m) => (m[1] ?? "").trim())
        .filter((q) => whole(q) && q.toLowerCase() !== marked)
        .at(-1);
      return example ? { field: "text", value: example } : null;
    }
    case "not-observable": {
      const example = [...lint.instead.matchAll(QUOTE)].map((m) => (m[1] ?? "").trim()).find(whole);
      return example ? { field: "noticeHow", value: example } : null;
    }
    case "no-cadence": {
      const choice = CADENCE_CHOICES[CHOOSE.exec(lint.instead)?.[1] ?? ""];
      return choice ? { field: "cadence", value: choice } : null;
    }
    default:
      return null;
  }
}

/** Lints on marked words (shown under the text) and those about the whole promise. */
export function splitLints(lints: readonly PromiseLint[]) {
  return {
    words: lints.filter((lint) => lint.start !== null),
    whole: lints.filter((lint) => lint.start === null),
  };
}
