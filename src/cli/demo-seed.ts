import type { FastifyInstance } from "fastify";
import type { TalkTime } from "../contracts/talks.ts";
import { SAFETY_QUESTIONS } from "../domain/safety-check.ts";
import type { ManualClock } from "../server/platform/clock.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** At least six weeks of a couple's first, raw weeks. */
export const DEMO_DAYS = 42;

/**
 * The demo's first day: a Monday at least six weeks before `now`. Starting on the same weekday
 * every time keeps the story (which talks fall on which days, which topics get discussed) the
 * same whatever day it is seeded on; only the last few days before `now` differ.
 */
export function demoStart(now: Date): Date {
  const start = new Date(now.getTime() - DEMO_DAYS * DAY);
  start.setUTCHours(0, 0, 0, 0);
  const sinceMonday = (start.getUTCDay() + 6) % 7;
  return new Date(start.getTime() - sinceMonday * DAY);
}

/** How many days of history the demo seeds before `now`: 42 to 48, ending yesterday. */
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

/** Intensity over the weeks: high at first, easing, a hard week in the middle, easing again. */
function intensityFor(person: 0 | 1, day: number): number {
  const start = person === 0 ? 8.5 : 7;
  const floor = person === 0 ? 3.5 : 2.5;
  const eased = floor + (start - floor) * Math.exp(-day / 14);
  const hardWeek = day >= 18 && day <= 24 ? (person === 0 ? 3 : 2) : 0;
  const value = eased + hardWeek + (noise(day * 7 + person) - 0.5) * 2;
  return Math.max(0, Math.min(10, Math.round(value)));
}

interface Caller {
  cookie: string;
  id: string;
}

class DemoError extends Error {}

/**
 * Seeds the demo couple through the real HTTP API, with the clock moved by hand, so every rule
 * (validation, access, life cycles) applies exactly as it does for real people.
 */
export async function seedDemo(app: FastifyInstance, clock: ManualClock, now: Date): Promise<void> {
  const call = async <T>(
    who: Caller | null,
    method: "GET" | "POST",
    url: string,
    body?: unknown,
  ): Promise<T> => {
    const res = await app.inject({
      method,
      url,
      ...(body !== undefined
        ? { payload: body as object }
        : method === "POST"
          ? { payload: {} }
          : {}),
      headers: who ? { cookie: who.cookie } : {},
    });
    if (res.statusCode >= 300)
      throw new DemoError(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return (res.body ? res.json() : null) as T;
  };
  const signUp = async (person: (typeof DEMO_PEOPLE)[number]): Promise<Caller> => {
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/signup",
      payload: { ...person },
    });
    if (res.statusCode !== 201) throw new DemoError(`signup: ${res.body}`);
    const cookie = String(res.headers["set-cookie"]).split(";")[0] ?? "";
    return { cookie, id: res.json().user.id };
  };
  const at = (day: number, hour: number) =>
    clock.set(new Date(start.getTime() + day * DAY + hour * HOUR));

  const start = demoStart(now);
  const days = demoDays(now);

  at(0, 9);
  const robin = await signUp(DEMO_PEOPLE[0]);
  const { invite } = await call<{ invite: { token: string } }>(robin, "POST", "/api/couples", {
    stance: "hurt",
  });
  at(0, 20);
  const kai = await signUp(DEMO_PEOPLE[1]);
  await call(kai, "POST", `/api/invites/${invite.token}/accept`, { stance: "broke-trust" });

  at(1, 8);
  const first = await call<{ talkTime: TalkTime }>(robin, "POST", "/api/talk-times", {
    weekday: "tue",
    start: "19:30",
    minutes: 45,
    timeZone: "Europe/Berlin",
  });
  at(1, 12);
  const wednesday = await call<{ talkTime: TalkTime }>(
    kai,
    "POST",
    `/api/talk-times/${first.talkTime.id}/counter`,
    {
      weekday: "wed",
      start: "19:00",
      minutes: 45,
      timeZone: "Europe/Berlin",
    },
  );
  at(1, 18);
  await call(robin, "POST", `/api/talk-times/${wednesday.talkTime.id}/accept`);
  const saturday = await call<{ talkTime: TalkTime }>(kai, "POST", "/api/talk-times", {
    weekday: "sat",
    start: "10:30",
    minutes: 30,
    timeZone: "Europe/Berlin",
  });
  await call(robin, "POST", `/api/talk-times/${saturday.talkTime.id}/accept`);

  const agree = async (by: Caller, other: Caller, category: string, text: string) => {
    const { agreement } = await call<{ agreement: { id: string } }>(by, "POST", "/api/agreements", {
      category,
      text,
    });
    await call(other, "POST", `/api/agreements/${agreement.id}/accept`);
    return agreement.id;
  };
  at(2, 19);
  const lateNight = await agree(
    robin,
    kai,
    "talk",
    "We don't talk about it after 21:00. If it comes up, we write it in the parking lot.",
  );
  const { agreement: phones } = await call<{ agreement: { id: string } }>(
    kai,
    "POST",
    "/api/agreements",
    {
      category: "technology",
      text: "I keep my phone face up when we're in the same room.",
    },
  );
  at(3, 8);
  const { agreement: phonesCounter } = await call<{ agreement: { id: string } }>(
    robin,
    "POST",
    `/api/agreements/${phones.id}/counter`,
    { text: "Phones stay face up in shared rooms, for both of us, for the next month." },
  );
  await call(kai, "POST", `/api/agreements/${phonesCounter.id}/accept`);
  at(5, 20);
  await agree(robin, kai, "money", "We look at the joint account together every Sunday morning.");
  await agree(
    kai,
    robin,
    "confidants",
    "We talk about this only with Sam, with our GPs and with a therapist.",
  );

  const circle = async (by: Caller, name: string, relation: string) =>
    (await call<{ person: { id: string } }>(by, "POST", "/api/circle", { name, relation })).person
      .id;
  at(2, 21);
  const sam = await circle(robin, "Sam", "my sister");
  const jordan = await circle(kai, "Jordan", "friend from work");
  const doctor = await circle(kai, "Dr. Okafor", "my GP");
  at(3, 19);
  await call(kai, "POST", `/api/circle/${sam}/agree`);
  await call(robin, "POST", `/api/circle/${doctor}/agree`);
  await call(robin, "POST", `/api/circle/${jordan}/concern`, {
    concern:
      "Jordan was at the office party where it started. I'd rather they weren't the one you confide in.",
  });

  at(2, 22);
  await call(robin, "POST", "/api/stressors", {
    text: "Quarter-end deadline at work",
    plan: "reduce",
  });
  await call(robin, "POST", "/api/stressors", {
    text: "Hosting my parents next month",
    plan: "pause",
  });
  await call(kai, "POST", "/api/stressors", {
    text: "Evening football twice a week",
    plan: "reduce",
  });
  await call(kai, "POST", "/api/stressors", { text: "Renovating the bathroom", plan: "pause" });
  await call(robin, "POST", "/api/stressors", {
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
  await call(robin, "POST", "/api/safety-checks", { answers: safe });
  await call(kai, "POST", "/api/safety-checks", { answers: safe });

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
  for (let day = 0; day < days; day++) {
    for (const [topicDay, who, topic] of topics) {
      if (topicDay !== day) continue;
      at(day, 22);
      const { item } = await call<{ item: { id: string } }>(who, "POST", "/api/parking-lot", {
        topic,
      });
      if (topic.includes("Jordan")) loopingTopic = item.id;
      else topicIds.push(item.id);
    }
    for (const [index, person] of [robin, kai].entries()) {
      at(day, 21 + index * 0.25);
      const value = intensityFor(index === 0 ? 0 : 1, day);
      const privately = index === 0 && noise(day) > 0.85;
      await call(person, "POST", "/api/intensity", {
        value,
        ...(privately
          ? { note: "A rough evening; keeping this one to myself.", visibility: "private" }
          : {}),
        ...(day === 19 && index === 0 ? { note: "Found an old photo. Everything came back." } : {}),
      });
    }
    if (day === 19 || day === 22) {
      at(day, 20);
      await call(day === 19 ? robin : kai, "POST", "/api/pauses", { minutes: 30 });
    }
    at(day, 23);
    for (const [index, person] of [robin, kai].entries()) {
      const { toLog } = await call<{ toLog: { startsAt: string; talkTimeId: string } | null }>(
        person,
        "GET",
        "/api/talk-times",
      );
      if (!toLog || noise(day * 3 + index) > 0.9) continue;
      const hard = day >= 18 && day <= 24;
      const value = intensityFor(index === 0 ? 0 : 1, day);
      await call(person, "POST", `/api/talk-times/${toLog.talkTimeId}/logs`, {
        windowStart: toLog.startsAt,
        went: hard
          ? day === 19
            ? "too-heated"
            : "hard-but-okay"
          : outcomes[day % outcomes.length],
        intensityBefore: Math.min(10, value + 1),
        intensityAfter: Math.max(0, value - (hard ? 0 : 2)),
      });
      if (index === 0 && loopingTopic) {
        await call(kai, "POST", `/api/parking-lot/${loopingTopic}/carry-over`);
      }
      if (index === 0) {
        const open = topicIds.shift();
        if (open && day % 2 === 0) await call(robin, "POST", `/api/parking-lot/${open}/discussed`);
        else if (open) {
          await call(kai, "POST", `/api/parking-lot/${open}/carry-over`);
          topicIds.push(open);
        }
      }
    }
    if (day === 10) await call(robin, "POST", "/api/couple/therapy", { status: "looking" });
    if (day === 20) await call(kai, "POST", "/api/couple/therapy", { status: "started" });
    if (day === 16)
      await call(kai, "POST", `/api/agreements/${lateNight}/review`, {
        outcome: "keep",
        note: "It works. Keep it.",
      });
    if (day === 30) await call(robin, "POST", `/api/circle/${jordan}/agree`);
  }
  at(days - 1, 22);
  await call(robin, "POST", "/api/couple/safe-enough", { safeEnough: true });
  // Raised last night, after the last talk: it waits, open, whatever day the demo is seeded on.
  at(days - 1, 23.5);
  await call(kai, "POST", "/api/parking-lot", {
    topic: "Planning something just for the two of us",
  });
  clock.set(now);
}
