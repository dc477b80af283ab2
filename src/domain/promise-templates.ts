import type { PromiseCadence } from "./promise-linter.ts";

/**
 * Promises to start from in the promise builder: small, concrete, repeatable, each with its when
 * and a sign the partner would notice. Either partner may pick one, so none assumes who broke
 * trust. Every one of them lints clean (the unit tests hold them to it), and all are meant to be
 * changed into the couple's own words.
 *
 * Transparency routines are voluntary, agreed and time-limited: the promiser offers to open
 * something up, for a while, with a review date. They are never monitoring: nothing here tracks a
 * device or reads anything behind anyone's back.
 */

export const PROMISE_TEMPLATE_KINDS = ["ordinary", "transparency"] as const;
export type PromiseTemplateKind = (typeof PROMISE_TEMPLATE_KINDS)[number];

export const TRANSPARENCY_AREAS = ["finances", "technology", "social-media"] as const;
export type TransparencyArea = (typeof TRANSPARENCY_AREAS)[number];

export interface PromiseTemplate {
  key: string;
  title: string;
  text: string;
  noticeHow: string;
  cadence: PromiseCadence;
  kind: PromiseTemplateKind;
  /** What a transparency routine opens up, where it is one of the three the app names. */
  area?: TransparencyArea;
}

const WORKDAYS = ["mon", "tue", "wed", "thu", "fri"] as const;

export const PROMISE_TEMPLATES: readonly PromiseTemplate[] = [
  {
    key: "reply-within-an-hour",
    title: "Answer messages within an hour",
    text: "Answer your messages within an hour on workdays, even if it's only to say I'm busy.",
    noticeHow:
      "Your messages get a reply within the hour, even a short one like “in a meeting, back at 3”.",
    cadence: { kind: "weekdays", days: WORKDAYS },
    kind: "ordinary",
  },
  {
    key: "text-when-leaving-work",
    title: "Text when I leave work",
    text: "Text you when I leave work, so you know I'm on my way.",
    noticeHow: "You get a message from me by 18:00.",
    cadence: { kind: "weekdays", days: WORKDAYS },
    kind: "ordinary",
  },
  {
    key: "same-day-telling",
    title: "Bring it up the same day",
    text: "Tell you the same day if I feel tempted, or if someone I agreed not to contact gets in touch.",
    noticeHow: "You hear it from me before bed that day, not from anyone else later.",
    cadence: { kind: "situational" },
    kind: "ordinary",
  },
  {
    key: "plans-change",
    title: "Say when plans change",
    text: "Text you as soon as I know my plans have changed.",
    noticeHow: "You get a message from me before the time I'd said, not after it.",
    cadence: { kind: "situational" },
    kind: "ordinary",
  },
  {
    key: "weekly-check-in",
    title: "Our weekly check-in",
    text: "Sit down with you for our weekly check-in on Sunday evening.",
    noticeHow: "We both fill in the check-in in the app, and talk it through together.",
    cadence: { kind: "weekly" },
    kind: "ordinary",
  },
  {
    key: "ten-minute-talk",
    title: "Ten minutes to talk, every day",
    text: "Talk with you for ten minutes after dinner, with our phones in another room.",
    noticeHow: "We sit together for ten minutes each evening, just the two of us.",
    cadence: { kind: "daily" },
    kind: "ordinary",
  },
  {
    key: "going-out",
    title: "Say where I'm going",
    text: "Tell you where I'm going and when I'll be back, before I go out in the evening.",
    noticeHow: "You hear it from me before I leave, and I'm back by the time I said.",
    cadence: { kind: "situational" },
    kind: "ordinary",
  },
  {
    key: "joint-account-together",
    title: "A weekly look at the joint account",
    text: "Look through the joint account with you on Sunday mornings, for the next two months.",
    noticeHow: "We sit down with the statement together, and you can ask about any payment.",
    cadence: { kind: "weekly" },
    kind: "transparency",
    area: "finances",
  },
  {
    key: "phones-face-up",
    title: "Phones face up at home",
    text: "Keep my phone face up on the table when we're in the same room, for the next month.",
    noticeHow: "You'll see my phone face up whenever we're together at home.",
    cadence: { kind: "daily" },
    kind: "transparency",
    area: "technology",
  },
  {
    key: "evenings-out-calendar",
    title: "A shared calendar of evenings out",
    text: "Put my evenings out in our shared calendar by Sunday night, with where I'll be.",
    noticeHow: "Each Monday the week's evenings out are in the calendar, before they happen.",
    cadence: { kind: "weekly" },
    kind: "transparency",
  },
  {
    key: "social-media-together",
    title: "Social media, side by side",
    text: "Show you my social media messages at our weekly check-in, for the next four weeks.",
    noticeHow: "You scroll through them with me, and can ask about anyone in them.",
    cadence: { kind: "weekly" },
    kind: "transparency",
    area: "social-media",
  },
];
