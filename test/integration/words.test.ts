import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallArgs } from "../../src/client/api.ts";
import { authKeyFor } from "../../src/client/session.ts";
import { accountRoutes } from "../../src/contracts/account.ts";
import { accountabilityRoutes } from "../../src/contracts/accountability.ts";
import { agreementRoutes } from "../../src/contracts/agreements.ts";
import { ALL_ROUTES } from "../../src/contracts/api.ts";
import { checkinRoutes } from "../../src/contracts/checkins.ts";
import { circleRoutes } from "../../src/contracts/circle.ts";
import { coupleRoutes } from "../../src/contracts/couples.ts";
import { hurtRoutes } from "../../src/contracts/hurt.ts";
import { intensityRoutes } from "../../src/contracts/intensity.ts";
import { promiseRoutes } from "../../src/contracts/promises.ts";
import { questionRoutes } from "../../src/contracts/questions.ts";
import { reflectionRoutes } from "../../src/contracts/reflections.ts";
import type { ReplyOf, Route } from "../../src/contracts/route.ts";
import { setbackRoutes } from "../../src/contracts/setbacks.ts";
import { storyRoutes } from "../../src/contracts/story.ts";
import { stressorRoutes } from "../../src/contracts/stressors.ts";
import { talkRoutes } from "../../src/contracts/talks.ts";
import { therapistRoutes } from "../../src/contracts/therapists.ts";
import { ITEM_ENVELOPE, wordsIn } from "../../src/contracts/words.ts";
import { windowsBetween } from "../../src/domain/schedule.ts";
import { AUTHORED_WORDS } from "../../src/server/features/words.ts";
import { deriveOnce, makeCouple, newItemId, PASSWORD, type Person } from "../support/factories.ts";
import { makeTestApp, ownTables, type TestApp } from "../support/test-app.ts";
import { makeTherapist, type Therapist } from "../support/therapists.ts";

/**
 * One partner writes words into every place the API takes words, then deletes their account.
 * Words are stored sealed, so what each person wrote is known by its envelopes: the ones that
 * appeared in the database with each of their calls. Before: every column those envelopes
 * landed in must be listed in AUTHORED_WORDS (so a new words column cannot be forgotten by
 * deletion, sealing or export), and every listed column must have been reached. After: not one
 * of the leaving person's envelopes is left anywhere in the database, while the other
 * partner's are all still there and still open for them.
 */
let t: TestApp;
let leaving: Person;
let staying: Person;
let therapist: Therapist;
let coupleId: string;
const gone = `GONE${randomBytes(5).toString("hex")}`;
const kept = `KEPT${randomBytes(5).toString("hex")}`;
/** The envelopes each person's calls put into the database. */
const wrote = new Map<Person, Set<string>>();

/** Every item envelope in the database, with the columns it sits in. */
async function envelopesInDatabase(): Promise<Map<string, Set<string>>> {
  const db = t.database.db;
  const found = new Map<string, Set<string>>();
  const tables = await ownTables(t.database);
  for (const table of tables) {
    // biome-ignore lint/suspicious/noExplicitAny: every table, read whole, column by column
    const rows = await (db as any).selectFrom(table.name).selectAll().execute();
    for (const row of rows as Record<string, unknown>[]) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== "string" || !ITEM_ENVELOPE.test(value)) continue;
        found.set(value, (found.get(value) ?? new Set()).add(`${table.name}.${column}`));
      }
    }
  }
  return found;
}

async function columnsHolding(envelopes: Set<string>): Promise<Set<string>> {
  const found = new Set<string>();
  for (const [envelope, columns] of await envelopesInDatabase()) {
    if (envelopes.has(envelope)) for (const column of columns) found.add(column);
  }
  return found;
}

/** A typed call as `person`, crediting them with every envelope it adds to the database. */
function as(person: Person) {
  return async <R extends Route>(route: R, ...args: CallArgs<R>): Promise<ReplyOf<R>> => {
    const before = await envelopesInDatabase();
    const reply = await person.client.api.call(route, ...args);
    const theirs = wrote.get(person) ?? new Set<string>();
    for (const envelope of (await envelopesInDatabase()).keys()) {
      if (!before.has(envelope)) theirs.add(envelope);
    }
    wrote.set(person, theirs);
    return reply;
  };
}
const written = (person: Person) => wrote.get(person) ?? new Set<string>();
/** The staying partner's words in reply to the leaving partner's items. */
const repliesToLeaving = new Set<string>();

beforeAll(async () => {
  t = await makeTestApp();
  ({ a: leaving, b: staying, coupleId } = await makeCouple(t.app, ["Leaving", "Staying"]));
  const words = (what: string, mark: string) => `${what} ${mark}`;

  for (const [person, mark] of [
    [leaving, gone],
    [staying, kept],
  ] as const) {
    const call = as(person);
    await call(agreementRoutes.propose, {
      body: { id: newItemId(), category: "talk", text: words("We talk after dinner", mark) },
    });
    await call(talkRoutes.raiseTopic, {
      body: { id: newItemId(), topic: words("The trip", mark) },
    });
    await call(intensityRoutes.record, {
      body: { id: newItemId(), value: 6, note: words("A long day", mark) },
    });
    await call(stressorRoutes.add, {
      body: { id: newItemId(), text: words("Work", mark), plan: "keep" },
    });
    await call(circleRoutes.add, {
      body: { id: newItemId(), name: words("Sam", mark), relation: words("sister", mark) },
    });
  }

  // Make meaning, each partner on the other's items: a comment, a response, an answer, a mark.
  const mine = new Map<
    Person,
    { reflection: string; version: string; question: string; paragraph: string }
  >();
  for (const [person, mark] of [
    [leaving, gone],
    [staying, kept],
  ] as const) {
    const call = as(person);
    const reflection = newItemId();
    await call(reflectionRoutes.write, {
      params: { id: reflection },
      body: { promptKey: "before-distance", body: words("We drifted", mark), visibility: "couple" },
    });
    const { version } = await call(accountabilityRoutes.share, {
      body: {
        id: newItemId(),
        whatIDid: words("I hid it", mark),
        impact: words("It hurt", mark),
        whyNotSooner: words("Fear", mark),
      },
    });
    // A working copy after sharing (one before would be replaced by the shared version).
    await call(accountabilityRoutes.saveDraft, {
      body: {
        id: newItemId(),
        whatIDid: words("Draft again", mark),
        impact: words("Draft impact again", mark),
        whyNotSooner: words("Draft why again", mark),
      },
    });
    await call(accountabilityRoutes.addendum, {
      body: { id: newItemId(), text: words("One more thing", mark) },
    });
    await call(hurtRoutes.record, {
      body: {
        id: newItemId(),
        words: [words("hurt", mark)],
        broken: words("Us", mark),
        repairPossible: 5,
      },
    });
    const { question } = await call(questionRoutes.ask, {
      body: { id: newItemId(), text: words("Why?", mark) },
    });
    const { paragraph } = await call(storyRoutes.add, {
      body: { id: newItemId(), section: "before", text: words("We were tired", mark) },
    });
    mine.set(person, {
      reflection,
      version: version.id,
      question: question.id,
      paragraph: paragraph.id,
    });
  }
  for (const [person, other, mark] of [
    [leaving, staying, gone],
    [staying, leaving, kept],
  ] as const) {
    const before = new Set(written(person));
    const call = as(person);
    const theirs = mine.get(other);
    if (!theirs) throw new Error("the partner's items are missing");
    await call(reflectionRoutes.comment, {
      params: { id: theirs.reflection },
      body: { id: newItemId(), text: words("Thank you", mark) },
    });
    await call(accountabilityRoutes.respond, {
      params: { id: theirs.version },
      body: { id: newItemId(), heard: "partly", missing: words("More", mark) },
    });
    await call(questionRoutes.answer, {
      params: { id: theirs.question },
      body: { id: newItemId(), text: words("Because", mark) },
    });
    await call(storyRoutes.mark, {
      params: { id: theirs.paragraph },
      body: { id: newItemId(), mark: "needs-talk", version: 1, note: words("Let us talk", mark) },
    });
    // The staying partner's replies to the leaving partner's items go with those items.
    if (person === staying) {
      for (const envelope of written(staying)) {
        if (!before.has(envelope)) {
          written(staying).delete(envelope);
          repliesToLeaving.add(envelope);
        }
      }
    }
  }
  for (const [person, mark] of [
    [leaving, gone],
    [staying, kept],
  ] as const) {
    await as(person)(questionRoutes.askAgain, {
      params: { id: mine.get(person)?.question ?? "" },
      body: { id: newItemId(), note: words("Once more", mark) },
    });
  }

  // Words on rows the couple keeps: a review note on the partner's agreement, a concern
  // about the partner's confidant, the reasons for phase moves.
  const { agreement } = await as(staying)(agreementRoutes.propose, {
    body: { id: newItemId(), category: "money", text: words("We share statements", kept) },
  });
  await as(leaving)(agreementRoutes.accept, { params: { id: agreement.id } });
  await as(leaving)(agreementRoutes.review, {
    params: { id: agreement.id },
    body: { id: newItemId(), outcome: "keep", note: words("It helps", gone) },
  });
  const { people } = await as(leaving)(circleRoutes.list);
  const theirs = people.find((p) => p.by === staying.id);
  if (!theirs) throw new Error("the partner's confidant is missing");
  await as(leaving)(circleRoutes.concern, {
    params: { id: theirs.id },
    body: { concern: words("They take sides", gone) },
  });
  // Moves proposed by each with a reason and confirmed by the other, a step back, and one that
  // waits: each reason is its writer's alone, whoever confirmed the move.
  await as(leaving)(coupleRoutes.changePhase, {
    body: { to: "meaning", reasonId: newItemId(), reason: words("We are ready", gone) },
  });
  await as(staying)(coupleRoutes.changePhase, { body: { to: "meaning" } });
  await as(staying)(coupleRoutes.changePhase, {
    body: { to: "rebuild", reasonId: newItemId(), reason: words("It feels steadier", kept) },
  });
  await as(leaving)(coupleRoutes.changePhase, { body: { to: "rebuild" } });
  await as(leaving)(coupleRoutes.changePhase, {
    body: { to: "meaning", reasonId: newItemId(), reason: words("Too fast", gone) },
  });
  await as(leaving)(coupleRoutes.changePhase, {
    body: { to: "rebuild", reasonId: newItemId(), reason: words("Soon", gone) },
  });

  // A talk that was held, and its log.
  const shape = { weekday: "mon", start: "08:00", minutes: 30, timeZone: "UTC" } as const;
  const { talkTime } = await as(leaving)(talkRoutes.proposeTalkTime, { body: shape });
  await as(staying)(talkRoutes.acceptTalkTime, { params: { id: talkTime.id } });
  const agreedAt = t.clock.now();
  t.clock.advance(8 * 86_400_000);
  const held = windowsBetween(shape, agreedAt, t.clock.now()).at(-1);
  if (!held) throw new Error("no window was held");
  for (const [person, mark] of [
    [leaving, gone],
    [staying, kept],
  ] as const) {
    await as(person)(talkRoutes.logTalk, {
      params: { id: talkTime.id },
      body: {
        id: newItemId(),
        windowStart: held.startsAt.toISOString(),
        went: "calm",
        intensityBefore: 5,
        intensityAfter: 3,
        note: words("It went well", mark),
      },
    });
  }

  // Rebuild: a promise each, accepted by the other, marked missed with a repair note, days off
  // asked ahead; a weekly check-in each; a setback each with a repair step.
  const { currentWeek } = await as(leaving)(checkinRoutes.list);
  for (const [person, other, mark] of [
    [leaving, staying, gone],
    [staying, leaving, kept],
  ] as const) {
    const call = as(person);
    const { promise } = await call(promiseRoutes.create, {
      body: {
        id: newItemId(),
        text: words("Text when I leave work", mark),
        noticeHow: words("A message by six", mark),
        cadence: { kind: "daily" },
        kind: "ordinary",
      },
    });
    const today = (await call(promiseRoutes.list)).today;
    await as(other)(promiseRoutes.accept, { params: { id: promise.id } });
    await call(promiseRoutes.mark, {
      params: { id: promise.id },
      body: { id: newItemId(), on: today, mark: "missed", repairNote: words("Earlier", mark) },
    });
    await call(promiseRoutes.excuse, {
      params: { id: promise.id },
      body: { id: newItemId(), from: today, to: today, reason: words("Travel", mark) },
    });
    await call(checkinRoutes.put, {
      params: { week: currentWeek },
      body: {
        id: newItemId(),
        safety: 5,
        connection: 5,
        trust: 5,
        intensity: 5,
        appreciation: words("The walk", mark),
        concern: words("Late nights", mark),
        wish: words("Dinner", mark),
      },
    });
    const { setback } = await call(setbackRoutes.log, {
      body: { id: newItemId(), kind: "doubt", text: words("A late text", mark) },
    });
    await call(setbackRoutes.step, {
      params: { id: setback.id },
      body: { id: newItemId(), text: words("We talked", mark) },
    });
  }

  // The couple's therapist keeps notes of their own, sealed with their own key.
  therapist = await makeTherapist(t);
  const { link } = await as(leaving)(therapistRoutes.propose, {
    body: { email: therapist.email },
  });
  await as(staying)(therapistRoutes.consent, { params: { linkId: link.id } });
  await therapist.client.api.call(therapistRoutes.accept, { params: { linkId: link.id } });
  await as(therapist)(therapistRoutes.addNote, {
    params: { id: coupleId },
    body: { id: newItemId(), text: "Both came on time" },
  });
});
afterAll(() => t.close());

const freeText = AUTHORED_WORDS.filter((w) => !w.structured);
const listed = new Set(freeText.map((w) => `${w.table}.${w.column}`));
const named = (list: readonly { type: string; field: string }[]) =>
  [...new Set(list.map((w) => `${w.type}/${w.field}`))].sort();

describe("a person's words, one list for deletion, sealing and export", () => {
  it("lists every column the API writes a person's words into, and only those", async () => {
    const reached = await columnsHolding(
      new Set([
        ...written(leaving),
        ...written(staying),
        ...written(therapist),
        ...repliesToLeaving,
      ]),
    );
    expect([...reached].sort()).toEqual([...listed].sort());
  });

  it("names the same words as the contracts mark, in requests and in replies", () => {
    const routes = ALL_ROUTES;
    const sent = routes.flatMap((route) => (route.body ? wordsIn(route.body) : []));
    const answered = routes.flatMap((route) =>
      Object.values(route.replies).flatMap((reply) => (reply ? wordsIn(reply) : [])),
    );
    expect(named(sent)).toEqual(named(AUTHORED_WORDS));
    // Every sealed field comes back, the safety check's answers too: only the browser opens them.
    expect(named(answered)).toEqual(named(AUTHORED_WORDS));
  });

  it("leaves none of a deleted person's words anywhere, and all of the partner's", async () => {
    const before = await columnsHolding(written(staying));
    const { api } = leaving.client;
    const authKey = await authKeyFor(api, leaving.email, PASSWORD, deriveOnce);
    await api.call(accountRoutes.deleteAccount, { body: { authKey } });
    expect([...(await columnsHolding(written(leaving)))]).toEqual([]);
    expect(repliesToLeaving.size).toBe(4);
    expect([...(await columnsHolding(repliesToLeaving))]).toEqual([]);
    // The partner's own words stay; the leaving partner's review note on them does not.
    expect([...(await columnsHolding(written(staying)))].sort()).toEqual([...before].sort());
    const remaining = await envelopesInDatabase();
    expect([...written(staying)].filter((envelope) => !remaining.has(envelope))).toEqual([]);
    const view = await staying.client.api.call(agreementRoutes.list);
    expect(view.agreements.some((a) => a.text.includes(kept))).toBe(true);
    const couple = await staying.client.api.call(coupleRoutes.view);
    expect(couple.phaseHistory.some((move) => move.reason?.includes(kept))).toBe(true);
    expect(JSON.stringify([view, couple])).not.toContain(gone);
  });
});
