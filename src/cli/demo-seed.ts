import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import { createApi } from "../client/api.ts";
import { newItemId } from "../client/crypto/account-keys.ts";
import { passwordKeys } from "../client/crypto/keys.ts";
import type { Keyring } from "../client/sealing.ts";
import {
  joinCouple,
  keyringFor,
  openInviteLink,
  secretFromFragment,
  signIn,
  signUp,
  startCouple,
} from "../client/session.ts";
import { agreementRoutes as agreements } from "../contracts/agreements.ts";
import { circleRoutes as circle } from "../contracts/circle.ts";
import { coupleRoutes as couples } from "../contracts/couples.ts";
import { intensityRoutes as intensity } from "../contracts/intensity.ts";
import { safetyRoutes as safety } from "../contracts/safety.ts";
import { signalRoutes as signals } from "../contracts/signals.ts";
import { type AddStressorBody, stressorRoutes as stressors } from "../contracts/stressors.ts";
import { talkRoutes as talks } from "../contracts/talks.ts";
import type { AgreementCategory } from "../domain/agreements.ts";
import { utcDay } from "../domain/dates.ts";
import { feelsSafeEnoughToGoOn, SAFETY_QUESTIONS } from "../domain/safety-check.ts";
import { injectTransport } from "../server/inject-transport.ts";
import type { ManualClock } from "../server/platform/clock.ts";
import { meaningScript } from "./demo-meaning.ts";
import { REBUILD_WEEKS, rebuildScript } from "./demo-rebuild.ts";
import { type TherapistInviter, therapistScript } from "./demo-therapist.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The day the couple moves to Make meaning (both agree: one proposes, the other confirms). */
export const MEANING_DAY = 42;
/** The day after couples therapy starts, when the couple links Dr. Lee. */
const THERAPY_LINKED_DAY = 21;
/** Three weeks of Make meaning later, a Monday, the couple moves to Rebuild the same way. */
export const REBUILD_DAY = 63;
/** Six weeks of a couple's first, raw weeks, three of Make meaning, then eight of Rebuild. */
export const DEMO_DAYS = REBUILD_DAY + REBUILD_WEEKS * 7;
/**
 * Days into Rebuild both sign in again, as after weeks away: a session lasts at most 60 days
 * (MEND_SESSION_MAX_DAYS), and the one from the move would end before the last seeded day.
 */
const SIGN_IN_AGAIN = 28;
/** The agreement a couple lets slide: due since this day, whatever day the demo is seeded. */
const PHONES_DUE_ON = REBUILD_DAY + 52;

/**
 * The demo's first day: a Monday at least DEMO_DAYS before `now`. Starting on the same weekday
 * every time keeps the story (which talks fall on which days, which topics get discussed) the
 * same whatever day it is seeded on; only the last few days before `now` differ.
 */
export function demoStart(now: Date): Date {
  const start = new Date(now.getTime() - DEMO_DAYS * DAY);
  start.setUTCHours(0, 0, 0, 0);
  const sinceMonday = (start.getUTCDay() + 6) % 7;
  return new Date(start.getTime() - sinceMonday * DAY);
}

/** How many days of history the demo seeds before `now`: 119 to 125, ending yesterday. */
export function demoDays(now: Date): number {
  const today = new Date(now);
  today.setUTCHours(0, 0, 0, 0);
  return Math.round((today.getTime() - demoStart(now).getTime()) / DAY);
}

export const DEMO_PEOPLE = [
  { name: "Robin", email: "robin@demo.mend.example", password: "demo password for robin" },
  { name: "Kai", email: "kai@demo.mend.example", password: "demo password for kai" },
] as const;

/** A small deterministic noise source, so every demo tells the same story. */
function noise(seed: number): number {
  const x = Math.sin(seed * 12.9898) * 43_758.5453;
  return x - Math.floor(x);
}

/** Rebuild's setbacks stir the evening's intensity for each partner (Robin, Kai). */
const SETBACK_EVENINGS: Record<number, [number, number]> = {
  [REBUILD_DAY + 9]: [3, 1],
  [REBUILD_DAY + 23]: [2, 1],
  [REBUILD_DAY + 52]: [2, 2],
  [REBUILD_DAY + 53]: [1, 1],
};

/**
 * Intensity over the weeks: high at first, easing, a hard week in the middle, easing again,
 * and a little lower still through Rebuild, with a bump on a setback's evening.
 */
function intensityFor(person: 0 | 1, day: number): number {
  const start = person === 0 ? 8.5 : 7;
  const rebuilding = Math.max(0, Math.min(1, (day - REBUILD_DAY) / (REBUILD_WEEKS * 7)));
  const floor = (person === 0 ? 3.5 : 2.5) - rebuilding;
  const eased = floor + (start - floor) * Math.exp(-day / 14);
  const hardWeek = day >= 18 && day <= 24 ? (person === 0 ? 3 : 2) : 0;
  const setback = SETBACK_EVENINGS[day]?.[person] ?? 0;
  const value = eased + hardWeek + setback + (noise(day * 7 + person) - 0.5) * 2;
  return Math.max(0, Math.min(10, Math.round(value)));
}

/**
 * One demo partner, signed up through the same sealing client a browser uses, calling the API
 * with their own session: every word of the demo is sealed in "their browser".
 */
async function signUpIn(app: FastifyInstance, person: (typeof DEMO_PEOPLE)[number]) {
  let keyring: Keyring | null = null;
  const api = createApi(injectTransport(app), { keyring: () => keyring });
  const { user, opened } = await signUp(api, person, passwordKeys);
  keyring = keyringFor(api, opened);
  const caller = {
    call: api.call,
    api,
    id: user.id,
    opened,
    keyring,
    /** A new session, as after weeks away: sessions end after MEND_SESSION_MAX_DAYS. */
    async signInAgain() {
      const again = await signIn(api, person, passwordKeys);
      keyring = keyringFor(api, again.opened);
      caller.keyring = keyring;
    },
  };
  return caller;
}
type Caller = Awaited<ReturnType<typeof signUpIn>>;

/**
 * Seeds the demo couple through the real HTTP API, with the clock moved by hand, so every rule
 * (validation, access, life cycles) applies exactly as it does for real people.
 */
export async function seedDemo(
  app: FastifyInstance,
  clock: ManualClock,
  now: Date,
  inviteTherapist: TherapistInviter,
): Promise<{ therapistTotpSecret: string }> {
  const signUp = (person: (typeof DEMO_PEOPLE)[number]) => signUpIn(app, person);
  const at = (day: number, hour: number) =>
    clock.set(new Date(start.getTime() + day * DAY + hour * HOUR));

  const start = demoStart(now);
  const days = demoDays(now);

  at(0, 9);
  const robin = await signUp(DEMO_PEOPLE[0]);
  const { invite, link } = await startCouple(robin.api, robin.opened, "hurt");
  robin.keyring.forgetSpace();
  at(0, 20);
  const kai = await signUp(DEMO_PEOPLE[1]);
  const preview = await kai.call(couples.previewInvite, { params: { token: invite.token } });
  const spaceKey = await openInviteLink(preview, secretFromFragment(new URL(link).hash));
  if (!spaceKey) throw new Error("The demo's invite link did not open its box.");
  await joinCouple(kai.api, kai.opened, invite.token, preview, spaceKey, "broke-trust");
  kai.keyring.forgetSpace();

  at(1, 8);
  const tuesday = await robin.call(talks.proposeTalkTime, {
    body: { weekday: "tue", start: "19:30", minutes: 45, timeZone: "Europe/Berlin" },
  });
  at(1, 12);
  const wednesday = await kai.call(talks.counterTalkTime, {
    params: { id: tuesday.talkTime.id },
    body: { weekday: "wed", start: "19:00", minutes: 45, timeZone: "Europe/Berlin" },
  });
  at(1, 18);
  await robin.call(talks.acceptTalkTime, { params: { id: wednesday.talkTime.id } });
  const saturday = await kai.call(talks.proposeTalkTime, {
    body: { weekday: "sat", start: "10:30", minutes: 30, timeZone: "Europe/Berlin" },
  });
  await robin.call(talks.acceptTalkTime, { params: { id: saturday.talkTime.id } });

  const agree = async (by: Caller, other: Caller, category: AgreementCategory, text: string) => {
    const { agreement } = await by.call(agreements.propose, {
      body: { id: newItemId(), category, text },
    });
    await other.call(agreements.accept, { params: { id: agreement.id } });
    return agreement.id;
  };
  at(2, 19);
  const lateNight = await agree(
    robin,
    kai,
    "talk",
    "We don't talk about it after 21:00. If it comes up, we write it in the parking lot.",
  );
  const phones = await kai.call(agreements.propose, {
    body: {
      id: newItemId(),
      category: "technology",
      text: "I keep my phone face up when we're in the same room.",
    },
  });
  at(3, 8);
  const phonesCounter = await robin.call(agreements.counter, {
    params: { id: phones.agreement.id },
    body: {
      id: newItemId(),
      text: "Phones stay face up in shared rooms, for both of us, for the next month.",
    },
  });
  await kai.call(agreements.accept, { params: { id: phonesCounter.agreement.id } });
  at(5, 20);
  const money = await agree(
    robin,
    kai,
    "money",
    "We look at the joint account together every Sunday morning.",
  );
  const confidants = await agree(
    kai,
    robin,
    "confidants",
    "We talk about this only with Sam, with our GPs and with a therapist.",
  );
  /**
   * Agreements in place, reviewed on the day they fall due (every 14 days), as a couple who
   * keeps them would. The phones agreement, kept review after review, last falls due late in
   * Rebuild and is let slide, so on any day the demo is seeded it waits, due, for the two of them.
   */
  const reviews: Array<{ id: string; acceptedOn: number; by: Caller; lastDueOn?: number }> = [
    { id: lateNight, acceptedOn: 2, by: kai },
    { id: phonesCounter.agreement.id, acceptedOn: 3, by: robin, lastDueOn: PHONES_DUE_ON },
    { id: money, acceptedOn: 5, by: kai },
    { id: confidants, acceptedOn: 5, by: robin },
  ];
  const reviewNotes = ["It works. Keep it.", "Still right for us.", "Keep it as it is."];

  const name = async (by: Caller, name: string, relation: string) =>
    (await by.call(circle.add, { body: { id: newItemId(), name, relation } })).person.id;
  at(2, 21);
  const sam = await name(robin, "Sam", "my sister");
  const jordan = await name(kai, "Jordan", "friend from work");
  const doctor = await name(kai, "Dr. Okafor", "my GP");
  at(3, 19);
  await kai.call(circle.agree, { params: { id: sam } });
  await robin.call(circle.agree, { params: { id: doctor } });
  await robin.call(circle.concern, {
    params: { id: jordan },
    body: {
      concern:
        "Jordan was at the office party where it started. I'd rather they weren't the one you confide in.",
    },
  });

  at(2, 22);
  const stressor = (by: Caller, body: Omit<z.input<typeof AddStressorBody>, "id">) =>
    by.call(stressors.add, { body: { id: newItemId(), ...body } });
  await stressor(robin, { text: "Quarter-end deadline at work", plan: "reduce" });
  await stressor(robin, { text: "Hosting my parents next month", plan: "pause" });
  await stressor(kai, { text: "Evening football twice a week", plan: "reduce" });
  await stressor(kai, { text: "Renovating the bathroom", plan: "pause" });
  await stressor(robin, {
    text: "Sleeping badly since it came out",
    plan: "keep",
    visibility: "private",
  });

  const safe = Object.fromEntries(
    SAFETY_QUESTIONS.map((q) => [
      q.key,
      q.options.find((o) => !o.concern && o.value !== "rather-not-say")?.value ?? "",
    ]),
  );
  at(4, 21);
  await robin.call(safety.take, { body: { id: newItemId(), answers: safe } });
  await kai.call(safety.take, { body: { id: newItemId(), answers: safe } });
  // As a browser does after a check: only the bare "safe enough" reaches the server.
  await kai.call(couples.safeEnough, { body: { safeEnough: feelsSafeEnoughToGoOn(safe) } });

  const topics: Array<[number, Caller, string]> = [
    [3, robin, "Why the messages were deleted in March"],
    [6, kai, "Whether we tell my parents anything"],
    [9, robin, "The weekend in Lisbon: what was true"],
    [16, kai, "How we handle the office party in December"],
    [19, robin, "Whether you still see Jordan at lunch"],
    [27, robin, "What 'being transparent' with money means for us"],
  ];
  const topicIds: string[] = [];
  /** One topic keeps coming back: the looping a therapist could help with. */
  let loopingTopic = "";

  const outcomes = ["hard-but-okay", "calm", "hard-but-okay", "calm"] as const;
  const meaning = meaningScript(robin, kai);
  const rebuild = rebuildScript(robin, kai);
  at(THERAPY_LINKED_DAY, 18);
  const therapist = await therapistScript(app, clock, inviteTherapist, robin, kai, {
    start: THERAPY_LINKED_DAY,
    meaning: MEANING_DAY,
    rebuild: REBUILD_DAY,
    last: days,
  });
  for (let day = 0; day < days; day++) {
    if (day === MEANING_DAY - 1) {
      at(day, 20);
      await robin.call(couples.changePhase, {
        body: {
          to: "meaning",
          reasonId: newItemId(),
          reason: "Evenings are calmer now. I think I'm ready to look at how it happened.",
        },
      });
    }
    if (day === MEANING_DAY) {
      at(day, 8);
      await robin.signInAgain();
      await kai.signInAgain();
      await kai.call(couples.changePhase, { body: { to: "meaning" } });
    }
    const meaningWork = meaning[day - MEANING_DAY];
    if (meaningWork) {
      at(day, 20.75);
      await meaningWork();
    }
    if (day === REBUILD_DAY - 1) {
      at(day, 20.9);
      await kai.call(couples.changePhase, {
        body: {
          to: "rebuild",
          reasonId: newItemId(),
          reason:
            "Our story is signed and you've said you feel heard. I'd like us to start building on it, one small promise at a time.",
        },
      });
    }
    if (day === REBUILD_DAY || day === REBUILD_DAY + SIGN_IN_AGAIN) {
      at(day, 7);
      await robin.signInAgain();
      await kai.signInAgain();
    }
    if (day === REBUILD_DAY) {
      at(day, 7.5);
      await robin.call(couples.changePhase, { body: { to: "rebuild" } });
    }
    if (day >= REBUILD_DAY) {
      // The script's hours all fall before 22:00 UTC, when Berlin's date is still the UTC one.
      await rebuild(day - REBUILD_DAY, {
        at: (hour) => at(day, hour),
        on: (offset = 0) => utcDay(new Date(start.getTime() + (day + offset) * DAY)),
      });
    }
    for (const [topicDay, who, topic] of topics) {
      if (topicDay !== day) continue;
      at(day, 22);
      const { item } = await who.call(talks.raiseTopic, { body: { id: newItemId(), topic } });
      if (topic.includes("Jordan")) loopingTopic = item.id;
      else topicIds.push(item.id);
    }
    for (const [index, person] of [robin, kai].entries()) {
      at(day, 21 + index * 0.25);
      const value = intensityFor(index === 0 ? 0 : 1, day);
      const privately = index === 0 && noise(day) > 0.85;
      await person.call(intensity.record, {
        body: {
          id: newItemId(),
          value,
          ...(privately
            ? { note: "A rough evening; keeping this one to myself.", visibility: "private" }
            : {}),
          ...(day === 19 && index === 0
            ? { note: "Found an old photo. Everything came back." }
            : {}),
        },
      });
    }
    if (day === 19 || day === 22) {
      at(day, 20);
      await (day === 19 ? robin : kai).call(talks.startPause, { body: { minutes: 30 } });
    }
    at(day, 23);
    for (const [index, person] of [robin, kai].entries()) {
      const { toLog } = await person.call(talks.talkTimes);
      if (!toLog || noise(day * 3 + index) > 0.9) continue;
      const hard = day >= 18 && day <= 24;
      const value = intensityFor(index === 0 ? 0 : 1, day);
      await person.call(talks.logTalk, {
        params: { id: toLog.talkTimeId },
        body: {
          id: newItemId(),
          windowStart: toLog.startsAt,
          went: hard
            ? day === 19
              ? "too-heated"
              : "hard-but-okay"
            : (outcomes[day % outcomes.length] ?? "calm"),
          intensityBefore: Math.min(10, value + 1),
          intensityAfter: Math.max(0, value - (hard ? 0 : 2)),
        },
      });
      if (index === 0 && loopingTopic) {
        // Carried over talk after talk, until early in Rebuild it is talked through at last.
        if (day >= REBUILD_DAY + 7) {
          await robin.call(talks.discussed, { params: { id: loopingTopic } });
          loopingTopic = "";
        } else await kai.call(talks.carryOver, { params: { id: loopingTopic } });
      }
      if (index === 0) {
        const open = topicIds.shift();
        if (open && day % 2 === 0) await robin.call(talks.discussed, { params: { id: open } });
        else if (open) {
          await kai.call(talks.carryOver, { params: { id: open } });
          topicIds.push(open);
        }
      }
    }
    if (day === 10) await robin.call(couples.therapy, { body: { status: "looking" } });
    if (day === 20) await kai.call(couples.therapy, { body: { status: "started" } });
    for (const [index, review] of reviews.entries()) {
      const since = day - review.acceptedOn;
      if (since <= 0 || since % 14 !== 0) continue;
      if (review.lastDueOn !== undefined && day >= review.lastDueOn) continue;
      at(day, 20.5);
      // The review before the last due day keeps it until then, not for another 14 days.
      const last = review.lastDueOn !== undefined && day + 14 > review.lastDueOn;
      await review.by.call(agreements.review, {
        params: { id: review.id },
        body: {
          id: newItemId(),
          outcome: "keep",
          ...(last
            ? { reviewOn: utcDay(new Date(start.getTime() + (review.lastDueOn ?? 0) * DAY)) }
            : {}),
          ...(index % 2 === 0 ? { note: reviewNotes[(since / 14 - 1) % reviewNotes.length] } : {}),
        },
      });
    }
    if (day === 30) await robin.call(circle.agree, { params: { id: jordan } });
    const therapistWork = therapist.script[day];
    if (therapistWork) {
      at(day, 19);
      await therapistWork();
    }
  }
  // When to seek support has something to say whatever day the demo is seeded on: a topic
  // carried over three weeks running, and Robin sharing that she feels pushed to move on.
  at(days - 25, 21.75);
  const { item: holidays } = await robin.call(talks.raiseTopic, {
    body: { id: newItemId(), topic: "Where we spend the holidays this year" },
  });
  for (const back of [21, 14, 7]) {
    at(days - back, 21.75);
    await kai.call(talks.carryOver, { params: { id: holidays.id } });
  }
  at(days - 4, 22);
  await robin.call(signals.answer, {
    body: { id: newItemId(), kind: "pushed-to-move-on", visibility: "couple" },
  });
  at(days - 1, 22);
  await robin.call(couples.safeEnough, { body: { safeEnough: true } });
  // Raised last night, after the last talk: it waits, open, whatever day the demo is seeded on.
  at(days - 1, 23.5);
  await kai.call(talks.raiseTopic, {
    body: { id: newItemId(), topic: "Planning something just for the two of us" },
  });
  clock.set(now);
  return { therapistTotpSecret: therapist.lee.totpSecret };
}
