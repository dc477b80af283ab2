import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupCommand } from "../../src/cli/backup.ts";
import type { CallArgs } from "../../src/client/api.ts";
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
import type { Route } from "../../src/contracts/route.ts";
import { safetyRoutes } from "../../src/contracts/safety.ts";
import { setbackRoutes } from "../../src/contracts/setbacks.ts";
import { storyRoutes } from "../../src/contracts/story.ts";
import { stressorRoutes } from "../../src/contracts/stressors.ts";
import { talkRoutes } from "../../src/contracts/talks.ts";
import { therapistRoutes } from "../../src/contracts/therapists.ts";
import { ITEM_ENVELOPE, type WordsAt, wordsIn } from "../../src/contracts/words.ts";
import { SAFETY_QUESTIONS } from "../../src/domain/safety-check.ts";
import { windowsBetween } from "../../src/domain/schedule.ts";
import { buildApp } from "../../src/server/app.ts";
import { type Config, loadConfig } from "../../src/server/config.ts";
import { ManualClock } from "../../src/server/platform/clock.ts";
import type { DatabaseHandle } from "../../src/server/platform/db.ts";
import { makeCouple, newItemId, type Person } from "../support/factories.ts";
import { openTestDatabase, ownTables, TEST_START, testDatabaseKind } from "../support/test-app.ts";
import { makeTherapist, type Therapist } from "../support/therapists.ts";

/**
 * The canary test of sealed words. Through the typed client, sealing as a browser does, both
 * partners write a canary into every sealed field the contracts declare, shared and private.
 * Then the canary is nowhere the server or its operator could look: not in the request bodies
 * the server received or the replies it sent, not in its log, not in the database file or its
 * WAL, not in a backup (on PostgreSQL: not in a pg_dump of the schema). Each of those places is
 * first shown to hold the words' envelopes, and each canary still opens for its author, so the
 * test cannot pass by looking in the wrong place or by losing the words.
 */
const CANARY = `CANARY${randomBytes(6).toString("hex")}`;
const sqliteOnly = testDatabaseKind() === "sqlite";

let app: FastifyInstance;
let database: DatabaseHandle;
let drop: () => Promise<void>;
let config: Config;
let clock: ManualClock;
let a: Person;
let b: Person;
let therapist: Therapist;
let coupleId: string;
const log: string[] = [];
/** Every request body as the server parsed it, and every reply as it went out. */
const received: string[] = [];
const answered: string[] = [];
/** Each canary with the person who wrote it. */
const plants: Array<{ author: Person; words: string }> = [];
/** The sealed fields of the routes that were sent a canary. */
const planted = new Set<string>();
let plantingCalls = 0;

const fieldName = (route: Route, at: WordsAt) =>
  `${route.method} ${route.path} ${at.path} (${at.type}/${at.field})`;
const SEALED_FIELDS = new Set(
  ALL_ROUTES.flatMap((route) =>
    (route.body ? wordsIn(route.body) : []).map((at) => fieldName(route, at)),
  ),
);

const holdsCanary = (text: string) => text.toLowerCase().includes(CANARY.toLowerCase());
/** Bytes read as they are: one byte one character, so a UTF-8 canary is found wherever it sits. */
const bytesOf = (file: string) => readFileSync(file).toString("latin1");
const ANY_ENVELOPE = /m1\.(p|s[0-9]+)\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{23,}/;

/** A fresh canary for one sealed field, written by `author`. */
function canary(author: Person): string {
  const words = `${CANARY}-${plants.length}`;
  plants.push({ author, words });
  return words;
}

const valueAt = (value: unknown, path: string): unknown =>
  path
    .split(".")
    .reduce<unknown>(
      (at, key) =>
        at && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined,
      value,
    );

/** A typed call as `author` whose body carries canaries; notes which sealed fields got one. */
async function plant<R extends Route>(author: Person, route: R, ...args: CallArgs<R>) {
  const body = (args[0] as { body?: unknown } | undefined)?.body;
  for (const at of route.body ? wordsIn(route.body) : []) {
    if (JSON.stringify(valueAt(body, at.path) ?? null).includes(CANARY)) {
      planted.add(fieldName(route, at));
    }
  }
  plantingCalls += 1;
  return author.client.api.call(route, ...args);
}

/** Every item envelope the tables hold now. */
async function storedEnvelopes(): Promise<string[]> {
  const found: string[] = [];
  for (const table of await ownTables(database)) {
    // biome-ignore lint/suspicious/noExplicitAny: every table, read whole, column by column
    const rows = await (database.db as any).selectFrom(table.name).selectAll().execute();
    for (const row of rows as Record<string, unknown>[]) {
      for (const value of Object.values(row)) {
        if (typeof value === "string" && ITEM_ENVELOPE.test(value)) found.push(value);
      }
    }
  }
  return found;
}

/** Words in every sealed field of every feature, by both partners, shared and private. */
async function plantEverywhere() {
  const { id: proposed } = (
    await plant(a, agreementRoutes.propose, {
      body: { id: newItemId(), category: "talk", text: canary(a) },
    })
  ).agreement;
  await plant(b, agreementRoutes.counter, {
    params: { id: proposed },
    body: { id: newItemId(), text: canary(b) },
  });
  const accepted = async () => {
    const { agreement } = await a.client.api.call(agreementRoutes.propose, {
      body: { id: newItemId(), category: "money", text: "We share statements." },
    });
    await b.client.api.call(agreementRoutes.accept, { params: { id: agreement.id } });
    return { id: agreement.id };
  };
  const kept = await accepted();
  await plant(a, agreementRoutes.review, {
    params: kept,
    body: { id: newItemId(), outcome: "keep", note: canary(a) },
  });
  await plant(b, agreementRoutes.review, {
    params: kept,
    body: { id: newItemId(), outcome: "change", text: canary(b) },
  });
  await plant(b, agreementRoutes.review, {
    params: await accepted(),
    body: { id: newItemId(), outcome: "retire", note: canary(b) },
  });

  await plant(a, coupleRoutes.changePhase, {
    body: { to: "meaning", reasonId: newItemId(), reason: canary(a) },
  });
  await b.client.api.call(coupleRoutes.changePhase, { body: { to: "meaning" } });
  await plant(b, coupleRoutes.changePhase, {
    body: { to: "stabilize", reasonId: newItemId(), reason: canary(b) },
  });

  const { person } = await plant(a, circleRoutes.add, {
    body: { id: newItemId(), name: canary(a), relation: canary(a) },
  });
  await plant(b, circleRoutes.concern, {
    params: { id: person.id },
    body: { concern: canary(b) },
  });

  for (const visibility of ["couple", "private"] as const) {
    await plant(a, intensityRoutes.record, {
      body: { id: newItemId(), value: 6, note: canary(a), visibility },
    });
    await plant(b, stressorRoutes.add, {
      body: { id: newItemId(), text: canary(b), plan: "keep", visibility },
    });
  }
  await plant(a, talkRoutes.raiseTopic, { body: { id: newItemId(), topic: canary(a) } });
  // A second topic, said again: its new words are a canary of their own.
  const { item: rewritten } = await a.client.api.call(talkRoutes.raiseTopic, {
    body: { id: newItemId(), topic: "to be said again" },
  });
  await plant(a, talkRoutes.editTopic, {
    params: { id: rewritten.id },
    body: { topic: canary(a) },
  });

  const shape = { weekday: "mon", start: "08:00", minutes: 30, timeZone: "UTC" } as const;
  const { talkTime } = await a.client.api.call(talkRoutes.proposeTalkTime, { body: shape });
  await b.client.api.call(talkRoutes.acceptTalkTime, { params: { id: talkTime.id } });
  const agreedAt = clock.now();
  clock.advance(8 * 86_400_000);
  const held = windowsBetween(shape, agreedAt, clock.now()).at(-1);
  if (!held) throw new Error("no talk window was held");
  for (const [author, visibility] of [
    [a, "couple"],
    [b, "private"],
  ] as const) {
    await plant(author, talkRoutes.logTalk, {
      params: { id: talkTime.id },
      body: {
        id: newItemId(),
        windowStart: held.startsAt.toISOString(),
        went: "calm",
        intensityBefore: 5,
        intensityAfter: 3,
        note: canary(author),
        visibility,
      },
    });
  }

  await plantMakeMeaning();
  await plantRebuild();
  await plantTherapistNotes();

  const answers = canary(a);
  await plant(a, safetyRoutes.take, {
    body: {
      id: newItemId(),
      answers: Object.fromEntries(SAFETY_QUESTIONS.map((q) => [q.key, answers])),
    },
  });
}

/** Reflections, statements, hurt, questions and the story: each sealed field, both keys. */
async function plantMakeMeaning() {
  const draft = newItemId();
  await plant(a, reflectionRoutes.write, {
    params: { id: draft },
    body: { promptKey: "fears-unseen", body: canary(a), visibility: "private" },
  });
  const shared = newItemId();
  await plant(a, reflectionRoutes.write, {
    params: { id: shared },
    body: { promptKey: "before-distance", body: canary(a), visibility: "couple" },
  });
  await plant(b, reflectionRoutes.write, {
    params: { id: newItemId() },
    body: { promptKey: "before-distance", body: canary(b), visibility: "couple" },
  });
  await plant(b, reflectionRoutes.comment, {
    params: { id: shared },
    body: { id: newItemId(), text: canary(b) },
  });

  const { version } = await plant(a, accountabilityRoutes.share, {
    body: { id: newItemId(), whatIDid: canary(a), impact: canary(a), whyNotSooner: canary(a) },
  });
  await plant(a, accountabilityRoutes.saveDraft, {
    body: { id: newItemId(), whatIDid: canary(a), impact: canary(a), whyNotSooner: canary(a) },
  });
  await plant(a, accountabilityRoutes.addendum, { body: { id: newItemId(), text: canary(a) } });
  await plant(b, accountabilityRoutes.respond, {
    params: { id: version.id },
    body: { id: newItemId(), heard: "partly", missing: canary(b) },
  });

  for (const visibility of ["private", "couple"] as const) {
    await plant(b, hurtRoutes.record, {
      body: {
        id: newItemId(),
        words: [canary(b)],
        broken: canary(b),
        repairPossible: 4,
        visibility,
      },
    });
  }

  const asked = async (text: string) =>
    (await plant(b, questionRoutes.ask, { body: { id: newItemId(), text } })).question;
  const first = await asked(canary(b));
  await plant(a, questionRoutes.answer, {
    params: { id: first.id },
    body: { id: newItemId(), text: canary(a) },
  });
  await plant(b, questionRoutes.askAgain, {
    params: { id: first.id },
    body: { id: newItemId(), note: canary(b) },
  });
  const second = await asked("to be kept for the talk");
  await plant(a, questionRoutes.defer, {
    params: { id: second.id },
    body: { parkingLotItem: { id: newItemId(), topic: canary(a) } },
  });

  const { paragraph } = await plant(a, storyRoutes.add, {
    body: { id: newItemId(), section: "before", text: canary(a) },
  });
  // A second paragraph, rewritten: its new version's words are a canary of their own.
  const { paragraph: rewritten } = await a.client.api.call(storyRoutes.add, {
    body: { id: newItemId(), section: "learned", text: "to be rewritten" },
  });
  await plant(b, storyRoutes.edit, { params: { id: rewritten.id }, body: { text: canary(b) } });
  await plant(a, storyRoutes.mark, {
    params: { id: paragraph.id },
    body: { id: newItemId(), mark: "needs-talk", version: 1, note: canary(a) },
  });
}

/** Promises, marks, days off, check-ins, setbacks and steps: each sealed field. */
async function plantRebuild() {
  const { promise } = await plant(b, promiseRoutes.create, {
    body: {
      id: newItemId(),
      text: canary(b),
      noticeHow: canary(b),
      cadence: { kind: "daily" },
      kind: "ordinary",
    },
  });
  await a.client.api.call(promiseRoutes.accept, { params: { id: promise.id } });
  const { today } = await b.client.api.call(promiseRoutes.list);
  await plant(b, promiseRoutes.mark, {
    params: { id: promise.id },
    body: { id: newItemId(), on: today, mark: "missed", repairNote: canary(b) },
  });
  await plant(b, promiseRoutes.excuse, {
    params: { id: promise.id },
    body: { id: newItemId(), from: today, to: today, reason: canary(b) },
  });
  const { currentWeek } = await a.client.api.call(checkinRoutes.list);
  for (const author of [a, b]) {
    await plant(author, checkinRoutes.put, {
      params: { week: currentWeek },
      body: {
        id: newItemId(),
        safety: 5,
        connection: 5,
        trust: 5,
        intensity: 5,
        appreciation: canary(author),
        concern: canary(author),
        wish: canary(author),
      },
    });
  }
  const { setback } = await plant(a, setbackRoutes.log, {
    body: { id: newItemId(), kind: "doubt", text: canary(a) },
  });
  await plant(b, setbackRoutes.step, {
    params: { id: setback.id },
    body: { id: newItemId(), text: canary(b) },
  });
}

/** A linked therapist's private note on the couple, sealed with the therapist's own key. */
async function plantTherapistNotes() {
  therapist = await makeTherapist({ app, clock, database, config, close: async () => {} });
  const { link } = await a.client.api.call(therapistRoutes.propose, {
    body: { email: therapist.email },
  });
  await b.client.api.call(therapistRoutes.consent, { params: { linkId: link.id } });
  await therapist.client.api.call(therapistRoutes.accept, { params: { linkId: link.id } });
  await plant(therapist, therapistRoutes.addNote, {
    params: { id: coupleId },
    body: { id: newItemId(), text: canary(therapist) },
  });
}

/** Everything `person` can read, opened by their own client. */
async function openedFor(person: Person): Promise<string> {
  if (person === therapist) {
    return JSON.stringify(
      await therapist.client.api.call(therapistRoutes.notes, { params: { id: coupleId } }),
    );
  }
  const { api } = person.client;
  const reads = ALL_ROUTES.filter(
    (route) =>
      route.method === "GET" &&
      !route.params &&
      route.replies[200] !== null &&
      !route.path.startsWith("/api/therapist/"),
  );
  const replies: unknown[] = [];
  for (const route of reads) replies.push(await api.call(route));
  const { agreements } = await api.call(agreementRoutes.list);
  for (const { id } of agreements)
    replies.push(await api.call(agreementRoutes.get, { params: { id } }));
  return JSON.stringify(replies);
}

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  config = loadConfig({
    MEND_AUTH_RATE_LIMIT: "1000",
    MEND_WEB_DIR: "",
    MEND_LOG_LEVEL: "debug",
    ...(database.sqlitePath ? { DATABASE_URL: `sqlite:${database.sqlitePath}` } : {}),
  });
  clock = new ManualClock(TEST_START);
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      log.push(String(chunk));
      done();
    },
  });
  app = await buildApp({ config, database, clock, logger: true, logStream });
  // Hooks can still be added before the app is ready: these see what the server itself saw.
  app.addHook("preValidation", async (request) => {
    if (request.body !== undefined) received.push(JSON.stringify(request.body));
  });
  app.addHook("onSend", async (_request, _reply, payload) => {
    if (typeof payload === "string") answered.push(payload);
    return payload;
  });
  await app.ready();
  ({ a, b, coupleId } = await makeCouple(app, ["Robin", "Kai"]));
  await plantEverywhere();
});
afterAll(async () => {
  await app.close();
  await drop();
});

describe("a canary in every sealed field is found nowhere", () => {
  it("was planted in every sealed field of every route the contracts declare", () => {
    expect(SEALED_FIELDS.size).toBeGreaterThan(0);
    expect([...planted].sort()).toEqual([...SEALED_FIELDS].sort());
  });

  it("opens every canary for its author through the typed client", async () => {
    for (const author of [a, b, therapist]) {
      const opened = await openedFor(author);
      for (const { words } of plants.filter((p) => p.author === author)) {
        expect(opened, `${author.name} lost ${words}`).toContain(JSON.stringify(words));
      }
    }
  });

  it("is in no request body the server received and no reply it sent", () => {
    expect(received.filter((body) => ANY_ENVELOPE.test(body)).length).toBeGreaterThanOrEqual(
      plantingCalls,
    );
    expect(answered.some((reply) => ANY_ENVELOPE.test(reply))).toBe(true);
    expect(received.filter(holdsCanary)).toEqual([]);
    expect(answered.filter(holdsCanary)).toEqual([]);
  });

  it("is not in the server's log", () => {
    expect(log.length).toBeGreaterThan(plantingCalls);
    expect(log.filter(holdsCanary)).toEqual([]);
  });

  it.runIf(sqliteOnly)(
    "is in neither the WAL nor, after a checkpoint, the database file",
    async () => {
      const file = database.sqlitePath ?? "";
      const stored = await storedEnvelopes();
      expect(stored.length).toBeGreaterThan(0);
      // Read before any checkpoint, while the latest writes are still in the WAL.
      const wal = bytesOf(`${file}-wal`);
      const before = bytesOf(file);
      expect(stored.some((envelope) => wal.includes(envelope))).toBe(true);
      expect(holdsCanary(wal)).toBe(false);
      expect(holdsCanary(before)).toBe(false);

      const { rows } = await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(
        database.db,
      );
      expect(rows[0]?.busy).toBe(0);
      const after = bytesOf(file);
      expect(stored.filter((envelope) => !after.includes(envelope))).toEqual([]);
      expect(holdsCanary(after)).toBe(false);
    },
  );

  it.runIf(sqliteOnly)("is not in a backup made by mend backup", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mend-canary-"));
    try {
      const copy = join(dir, "backup.sqlite");
      await backupCommand(config, copy);
      const bytes = bytesOf(copy);
      expect((await storedEnvelopes()).filter((envelope) => !bytes.includes(envelope))).toEqual([]);
      expect(holdsCanary(bytes)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(!sqliteOnly)("is not in a pg_dump of the database", async () => {
    const url = process.env.MEND_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
    const dump = execFileSync("pg_dump", ["--dbname", url, "--schema", database.pgSchema ?? ""], {
      encoding: "latin1",
      maxBuffer: 64 * 1024 * 1024,
    });
    expect((await storedEnvelopes()).filter((envelope) => !dump.includes(envelope))).toEqual([]);
    expect(holdsCanary(dump)).toBe(false);
  });
});
