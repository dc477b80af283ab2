import Database from "better-sqlite3";
import type { z } from "zod";
import { newItemId } from "../src/client/crypto/account-keys.ts";
import { ProposeAgreementBody, ReviewAgreementBody } from "../src/contracts/agreements.ts";
import { IntensityBody } from "../src/contracts/intensity.ts";
import { AnswerBody, AskBody } from "../src/contracts/questions.ts";
import { RaiseTopicBody, TalkLogBody } from "../src/contracts/talks.ts";
import { AGREEMENT_CATEGORIES } from "../src/domain/agreements.ts";
import { WEEKDAYS, windowsBetween } from "../src/domain/schedule.ts";
import type { TalkOutcome } from "../src/domain/talks.ts";
import type { Partner, SeededCouple } from "./seed.ts";

/**
 * Years of older history for the demo couple, written straight into the SQLite file in one
 * transaction: talk logs, intensity checks, parked topics, agreements with their events, and
 * answered questions, all before the demo's story starts. Every word is sealed by the partner
 * who wrote it, through the same keyring a browser uses, under the row's own id, so the rows
 * are what Mend itself would have stored (and open in the app).
 */
type Row = Record<string, string | number | null>;
type Table = [name: string, rows: Row[]];

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The evening talk of the couple's earlier years, one for each weekday. */
const EVENING = { start: "20:30", minutes: 30, timeZone: "Europe/Berlin" };

/** How the rows are shared out; agreements bring four events each, questions one answer. */
const SHARE = {
  talkLogs: 0.25,
  intensity: 0.25,
  parkingLot: 0.2,
  agreements: 0.02,
  questions: 0.1,
};

const TOPICS = [
  "The messages from last spring",
  "Sundays at your parents' house",
  "Where the savings went",
  "Who we tell, and what",
  "Your trips with the team",
  "What I need when I can't sleep",
  "The passwords on our phones",
];
const TALK_NOTES = [
  "We stopped at nine, as agreed.",
  "Hard, but we both stayed in the room.",
  "I asked for a pause halfway and we came back to it.",
  "Calmer than last week.",
  "We mostly listened.",
];
const INTENSITY_NOTES = [
  "Couldn't sleep again.",
  "A better day at work helped.",
  "The anniversary is close.",
];
const AGREEMENTS = [
  "We say where we are when plans change.",
  "No phones at the table after eight.",
  "I tell you before I meet my former colleague.",
  "We look at the account together on the first Sunday.",
  "We take a walk when it gets loud.",
  "We each name one thing we appreciated today.",
];
const REVIEW_NOTES = ["It held, even in the busy weeks.", "We don't need this one any more."];
const QUESTIONS = [
  "When did it start?",
  "Did anyone else know?",
  "What did you tell yourself at the time?",
  "Why did you stop?",
  "Were there other times?",
];
const ANSWERS = [
  "In March, after the conference.",
  "One friend knew. I asked her not to tell you.",
  "That it didn't count because it was only messages.",
  "Because I saw what it was doing to us.",
];
/** Mostly calm or hard-but-okay, sometimes too heated, now and then not held at all. */
const OUTCOMES: TalkOutcome[] = [
  "calm",
  "hard-but-okay",
  "calm",
  "hard-but-okay",
  "too-heated",
  "calm",
  "hard-but-okay",
  "did-not-happen",
  "hard-but-okay",
  "calm",
];
const CARRIED_OVER = [0, 0, 0, 1, 0, 2, 0, 0, 1, 3];

const iso = (ms: number) => new Date(ms).toISOString();
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
/** A spread of small whole numbers from an index: the same history on every run. */
const vary = (i: number, n: number) => ((i * 2_654_435_761) >>> 0) % n;

interface Span {
  fromMs: number;
  toMs: number;
}

/** The n-th of `count` moments, newest first, spread evenly across the span. */
const moment = (span: Span, n: number, count: number) =>
  span.toMs - ((n + 1) * (span.toMs - span.fromMs)) / count;

async function sealedField(
  partner: Partner,
  schema: z.ZodType,
  body: Record<string, unknown>,
  field: string,
): Promise<string> {
  const sealed = (await partner.keyring.sealBody(schema, body)) as Record<string, unknown>;
  return String(sealed[field]);
}

/** Before the demo's weekly talks the couple talked every evening: a talk time per weekday, ended. */
function endedTalkTimes(couple: SeededCouple, span: Span): Row[] {
  return WEEKDAYS.map((weekday, i) => ({
    id: newItemId(),
    couple_id: couple.coupleId,
    proposed_by: pick(couple.partners, i).id,
    weekday,
    start: EVENING.start,
    minutes: EVENING.minutes,
    time_zone: EVENING.timeZone,
    status: "ended",
    visibility: "couple",
    replaces_id: null,
    created_at: iso(span.fromMs - 2 * DAY),
    updated_at: iso(span.toMs),
    accepted_at: iso(span.fromMs - 2 * DAY + 4 * HOUR),
  }));
}

/** Both partners log each evening's window, newest first, until there are `count` logs. */
async function talkLogs(
  couple: SeededCouple,
  talkTimes: Row[],
  span: Span,
  count: number,
): Promise<Row[]> {
  const windows = WEEKDAYS.flatMap((weekday, i) =>
    windowsBetween({ weekday, ...EVENING }, new Date(span.fromMs), new Date(span.toMs)).map(
      (window) => ({ talkTimeId: String(talkTimes[i]?.id), window }),
    ),
  ).sort((a, b) => b.window.startsAt.getTime() - a.window.startsAt.getTime());
  const rows: Row[] = [];
  for (const [k, { talkTimeId, window }] of windows.entries()) {
    for (const [j, author] of couple.partners.entries()) {
      if (rows.length === count) return rows;
      const n = rows.length;
      const went = pick(OUTCOMES, k + 3 * j);
      const before = 3 + vary(n, 6);
      const after = went === "did-not-happen" ? before : Math.max(0, before - vary(n + 1, 4));
      const id = newItemId();
      const windowStart = window.startsAt.toISOString();
      const note =
        n % 4 === 0
          ? await sealedField(
              author,
              TalkLogBody,
              {
                id,
                windowStart,
                went,
                intensityBefore: before,
                intensityAfter: after,
                note: pick(TALK_NOTES, n),
                visibility: "couple",
              },
              "note",
            )
          : null;
      rows.push({
        id,
        couple_id: couple.coupleId,
        author_id: author.id,
        talk_time_id: talkTimeId,
        window_start: windowStart,
        went,
        intensity_before: before,
        intensity_after: after,
        note,
        visibility: "couple",
        at: iso(window.endsAt.getTime() + HOUR / 2),
      });
    }
  }
  throw new Error(`Only ${rows.length} of ${count} talk logs fit in the span.`);
}

/** An evening check by each partner every day; one in eight with a private note. */
async function intensityEntries(couple: SeededCouple, span: Span, count: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (let n = 0; n < count; n++) {
    const day = Math.floor(n / 2);
    const author = pick(couple.partners, n);
    const value = Math.max(
      0,
      Math.min(10, 4 + Math.round(2 * Math.sin(day / 30)) + vary(n, 3) - 1),
    );
    const id = newItemId();
    const withNote = n % 8 === 0;
    rows.push({
      id,
      couple_id: couple.coupleId,
      author_id: author.id,
      value,
      note: withNote
        ? await sealedField(
            author,
            IntensityBody,
            { id, value, note: pick(INTENSITY_NOTES, n), visibility: "private" },
            "note",
          )
        : null,
      visibility: withNote ? "private" : "couple",
      at: iso(span.toMs - (day + 1) * DAY + 19 * HOUR),
    });
  }
  return rows;
}

/** Topics parked over the years: all but one in a thousand discussed long ago. */
async function parkedTopics(couple: SeededCouple, span: Span, count: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (let n = 0; n < count; n++) {
    const author = pick(couple.partners, n);
    const createdMs = moment(span, n, count);
    const carriedOver = pick(CARRIED_OVER, n);
    const id = newItemId();
    rows.push({
      id,
      couple_id: couple.coupleId,
      raised_by: author.id,
      topic: await sealedField(author, RaiseTopicBody, { id, topic: pick(TOPICS, n) }, "topic"),
      status: n % 1000 === 0 ? "open" : "discussed",
      carried_over: carriedOver,
      visibility: "couple",
      created_at: iso(createdMs),
      updated_at: iso(Math.min(span.toMs, createdMs + (1 + 7 * carriedOver) * DAY)),
      on_agenda_at: null,
    });
  }
  return rows;
}

/** Agreements made, accepted, kept at a review and retired at the next, four events each. */
async function retiredAgreements(
  couple: SeededCouple,
  span: Span,
  count: number,
): Promise<[agreements: Row[], events: Row[]]> {
  const agreements: Row[] = [];
  const events: Row[] = [];
  const lived = { fromMs: span.fromMs, toMs: span.toMs - 30 * DAY };
  for (let n = 0; n < count; n++) {
    const [proposer, other] = n % 2 === 0 ? couple.partners : [...couple.partners].reverse();
    if (!proposer || !other) throw new Error("A couple has two partners.");
    const id = newItemId();
    const category = pick(AGREEMENT_CATEGORIES, n);
    const createdMs = moment(lived, n, count);
    agreements.push({
      id,
      couple_id: couple.coupleId,
      proposed_by: proposer.id,
      category,
      text: await sealedField(
        proposer,
        ProposeAgreementBody,
        { id, category, text: pick(AGREEMENTS, n) },
        "text",
      ),
      status: "retired",
      visibility: "couple",
      review_on: null,
      replaces_id: null,
      created_at: iso(createdMs),
      updated_at: iso(createdMs + 29 * DAY),
    });
    const event = async (
      actor: Partner,
      kind: string,
      afterDays: number,
      review?: { outcome: "keep" | "retire"; withNote: boolean },
    ): Promise<Row> => {
      const eventId = newItemId();
      const note = review?.withNote
        ? await sealedField(
            actor,
            ReviewAgreementBody,
            { id: eventId, outcome: review.outcome, note: pick(REVIEW_NOTES, n) },
            "note",
          )
        : null;
      return {
        id: eventId,
        agreement_id: id,
        couple_id: couple.coupleId,
        actor_id: actor.id,
        kind,
        note,
        at: iso(createdMs + afterDays * DAY),
      };
    };
    events.push(
      await event(proposer, "proposed", 0),
      await event(other, "accepted", 1),
      await event(other, "kept", 15, { outcome: "keep", withNote: n % 2 === 0 }),
      await event(proposer, "retired", 29, { outcome: "retire", withNote: n % 3 === 0 }),
    );
  }
  return [agreements, events];
}

/** Questions of the ledger, each answered by the other partner two days later. */
async function answeredQuestions(
  couple: SeededCouple,
  span: Span,
  count: number,
): Promise<[questions: Row[], answers: Row[]]> {
  const questions: Row[] = [];
  const answers: Row[] = [];
  for (let n = 0; n < count; n++) {
    const [asker, answerer] = n % 2 === 0 ? couple.partners : [...couple.partners].reverse();
    if (!asker || !answerer) throw new Error("A couple has two partners.");
    const id = newItemId();
    const answerId = newItemId();
    const askedMs = moment(span, n, count);
    questions.push({
      id,
      couple_id: couple.coupleId,
      author_id: asker.id,
      visibility: "couple",
      created_at: iso(askedMs),
      text: await sealedField(asker, AskBody, { id, text: pick(QUESTIONS, n) }, "text"),
      state: "answered",
      repeat_of: null,
      times_asked: 1,
      deferred_to: null,
      updated_at: iso(askedMs + 2 * DAY),
      let_go_at: null,
    });
    answers.push({
      id: answerId,
      couple_id: couple.coupleId,
      author_id: answerer.id,
      visibility: "couple",
      created_at: iso(askedMs + 2 * DAY),
      question_id: id,
      text: await sealedField(
        answerer,
        AnswerBody,
        { id: answerId, text: pick(ANSWERS, n) },
        "text",
      ),
    });
  }
  return [questions, answers];
}

/** Writes every table in one transaction, foreign keys checked, in the order given. */
function insertAll(sqlitePath: string, tables: Table[]): void {
  const db = new Database(sqlitePath);
  try {
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    db.transaction(() => {
      for (const [table, rows] of tables) {
        const columns = Object.keys(rows[0] ?? {});
        const insert = db.prepare(
          `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`,
        );
        for (const row of rows) insert.run(row);
      }
    })();
  } finally {
    db.close();
  }
}

/** How many rows each table holds: the demo's own history, for the report beside the older. */
export function countRows(sqlitePath: string, tables: string[]): Record<string, number> {
  const db = new Database(sqlitePath, { readonly: true });
  try {
    return Object.fromEntries(
      tables.map((table) => {
        const row = db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number };
        return [table, row.n];
      }),
    );
  } finally {
    db.close();
  }
}

/** Adds about `total` rows of history before the demo's story; returns the count per table. */
export async function addOlderHistory(
  sqlitePath: string,
  couple: SeededCouple,
  total: number,
): Promise<Record<string, number>> {
  const logCount = Math.round(total * SHARE.talkLogs);
  // One evening window a day, logged by both: the span the talk logs need sets everyone's.
  const toMs = couple.storyStart.getTime();
  const span = { fromMs: toMs - (Math.ceil(logCount / 2) + 7) * DAY, toMs };
  const talkTimes = endedTalkTimes(couple, span);
  const [agreements, agreementEvents] = await retiredAgreements(
    couple,
    span,
    Math.round(total * SHARE.agreements),
  );
  const [questions, answers] = await answeredQuestions(
    couple,
    span,
    Math.round(total * SHARE.questions),
  );
  const tables: Table[] = [
    ["talk_times", talkTimes],
    ["talk_logs", await talkLogs(couple, talkTimes, span, logCount)],
    [
      "intensity_entries",
      await intensityEntries(couple, span, Math.round(total * SHARE.intensity)),
    ],
    ["parking_lot", await parkedTopics(couple, span, Math.round(total * SHARE.parkingLot))],
    ["agreements", agreements],
    ["agreement_events", agreementEvents],
    ["questions", questions],
    ["question_answers", answers],
  ];
  insertAll(sqlitePath, tables);
  return Object.fromEntries(tables.map(([name, rows]) => [name, rows.length]));
}
