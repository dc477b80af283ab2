import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coupleRoutes } from "../../src/contracts/couples.ts";
import { addDaysToDay } from "../../src/domain/dates.ts";
import { ITEM_TABLES, type ItemTable } from "../../src/server/platform/access.ts";
import { makeCouple, makePerson, type Person } from "../support/factories.ts";
import { Client, makeTestApp, ownTables, type TestApp } from "../support/test-app.ts";

/**
 * Every table that holds items with a visibility gets, written straight into the database, one
 * private item and one shared item of the self's, each marked with canaries (its id and its
 * words). Then every GET route the server exposes is called as each relation: a private canary
 * reaches nobody but its author, a shared one nobody outside the couple. Because the rows come
 * from the tables themselves, not from what today's routes can create, a filter removed from
 * any store, or a READERS rule widened, fails here.
 *
 * Words are stored sealed, and replies are checked against the envelope's shape, so the canary
 * words sit where a ciphertext would (`m1.p.<iv>.<canary>` private, `m1.s1.<iv>.<canary>`
 * shared). They open for nobody, so the scan reads the raw replies rather than the typed client.
 */
type Visibility = "private" | "couple";

interface Canary {
  table: ItemTable;
  visibility: Visibility;
  id: string;
  /** The ciphertext part of the envelope in the row's word columns, if the table has any. */
  words: string | null;
}

/** Hex is in the envelope's alphabet; eight bytes make the "ciphertext" longer than a bare tag. */
const mark = (label: string) => `${label}${randomBytes(8).toString("hex")}`;

/** An envelope as the kid for the visibility calls for, holding the canary as its ciphertext. */
const envelopeOf = (visibility: Visibility, canary: string) =>
  `m1.${visibility === "private" ? "p" : "s1"}.${randomBytes(12).toString("base64url")}.${canary}`;

/** Shared items of the self's that the Make-meaning canaries hang from (comments, answers…). */
interface Parents {
  reflection: string;
  version: string;
  question: string;
  paragraph: string;
  promise: string;
  setback: string;
}

/**
 * A working draft is its author's alone whatever its row says, and one person has one: it gets
 * a private canary only.
 */
const PRIVATE_ONLY: readonly ItemTable[] = ["accountability_drafts"];

/** One row of each item table, complete, with the canary as its id and in every words column. */
function canaryRow(
  table: ItemTable,
  now: string,
  words: string,
  visibility: Visibility,
  parents: Parents,
) {
  const stamps = { created_at: now, updated_at: now };
  switch (table) {
    case "agreements":
      return {
        ...stamps,
        category: "other",
        text: words,
        status: "accepted",
        review_on: null,
        replaces_id: null,
      };
    case "talk_times":
      return {
        ...stamps,
        weekday: "mon",
        start: "08:00",
        minutes: 30,
        time_zone: "UTC",
        status: "proposed",
        replaces_id: null,
        accepted_at: null,
      };
    case "talk_logs":
      return {
        talk_time_id: null,
        window_start: now,
        went: "calm",
        intensity_before: 5,
        intensity_after: 4,
        note: words,
        at: now,
      };
    case "parking_lot":
      return { ...stamps, topic: words, status: "open", carried_over: 0 };
    case "intensity_entries":
      return { value: 5, note: words, at: now };
    case "stressors":
      return { ...stamps, text: words, plan: "keep" };
    case "circle_people":
      return { ...stamps, name: words, relation: words, status: "concern", concern: words };
    case "reflections":
      // The shared one answers the prompt the partner shared on too: only then may they see it.
      return {
        ...stamps,
        prompt_key: visibility === "private" ? "fears-unseen" : "before-distance",
        body: words,
        shared_at: visibility === "private" ? null : now,
      };
    case "reflection_comments":
      return { created_at: now, reflection_id: parents.reflection, text: words };
    case "accountability_drafts":
      return { ...stamps, what_i_did: words, impact: words, why_not_sooner: words };
    case "accountability_versions":
      return {
        created_at: now,
        n: visibility === "private" ? 90 : 91,
        what_i_did: words,
        impact: words,
        why_not_sooner: words,
      };
    case "accountability_addenda":
      return { created_at: now, text: words, after_version: 1 };
    case "accountability_responses":
      return { created_at: now, version_id: parents.version, heard: "partly", missing: words };
    case "hurt_entries":
      return { created_at: now, words, broken: words, repair_possible: 4 };
    case "questions":
      return { ...stamps, text: words, state: "open", times_asked: 1 };
    case "question_answers":
      return { created_at: now, question_id: parents.question, text: words };
    case "question_askings":
      return { created_at: now, question_id: parents.question, note: words };
    case "story_paragraphs":
      return { ...stamps, section: "before", text: words, version: 1 };
    case "story_marks":
      return {
        created_at: now,
        paragraph_id: parents.paragraph,
        version: 1,
        mark: "agree",
        note: words,
      };
    case "promises":
      return {
        ...promiseRow(now, words),
        status: visibility === "private" ? "proposed" : "active",
      };
    case "promise_marks":
      // Due days of the parent promise, which began a week ago: one day each.
      return {
        created_at: now,
        promise_id: parents.promise,
        on_day: addDaysToDay(now.slice(0, 10), visibility === "private" ? -1 : -2),
        mark: "missed",
        repair_note: words,
      };
    case "promise_excusals":
      return {
        created_at: now,
        promise_id: parents.promise,
        from_day: now.slice(0, 10),
        to_day: now.slice(0, 10),
        reason: words,
        status: "proposed",
      };
    case "checkins":
      // Weeks the partner checked in too (see insertParents): only then may they read one.
      return {
        ...stamps,
        week: visibility === "private" ? "2020-W01" : "2020-W02",
        safety: 5,
        connection: 5,
        trust: 5,
        intensity: 5,
        appreciation: words,
        concern: words,
        wish: words,
      };
    case "setbacks":
      return { created_at: now, kind: "doubt", text: words };
    case "setback_steps":
      return { created_at: now, setback_id: parents.setback, text: words };
    case "support_answers":
      // An answer, never words: the id is what must not reach the partner when private.
      return { created_at: now, kind: "pushed-to-move-on" };
  }
}

/** A daily promise of the self's that began a week before `now`, its words `words`. */
function promiseRow(now: string, words: string) {
  return {
    created_at: now,
    updated_at: now,
    text: words,
    notice_how: words,
    cadence: JSON.stringify({ kind: "daily" }),
    kind: "ordinary",
    status: "active",
    accepted_at: now,
    started_on: addDaysToDay(now.slice(0, 10), -7),
  };
}

/** The shared parents, and the partner's shared answer beside the self's shared reflection. */
async function insertParents(
  db: TestApp["database"]["db"],
  coupleId: string,
  selfId: string,
  partnerId: string,
  now: string,
): Promise<Parents> {
  const parents: Parents = {
    reflection: mark("PARENT"),
    version: mark("PARENT"),
    question: mark("PARENT"),
    paragraph: mark("PARENT"),
    promise: mark("PARENT"),
    setback: mark("PARENT"),
  };
  const own = { couple_id: coupleId, author_id: selfId, visibility: "couple", created_at: now };
  const sealed = envelopeOf("couple", mark("PARENTWORDS"));
  await db
    .insertInto("reflections")
    .values([
      {
        ...own,
        id: parents.reflection,
        prompt_key: "patterns-echoes",
        body: sealed,
        updated_at: now,
        shared_at: now,
      },
      {
        ...own,
        id: mark("PARTNER"),
        author_id: partnerId,
        prompt_key: "patterns-echoes",
        body: sealed,
        updated_at: now,
        shared_at: now,
      },
      {
        ...own,
        id: mark("PARTNER"),
        author_id: partnerId,
        prompt_key: "before-distance",
        body: sealed,
        updated_at: now,
        shared_at: now,
      },
    ])
    .execute();
  await db
    .insertInto("accountability_versions")
    .values({
      ...own,
      id: parents.version,
      n: 1,
      what_i_did: sealed,
      impact: sealed,
      why_not_sooner: sealed,
    })
    .execute();
  await db
    .insertInto("questions")
    .values({
      ...own,
      id: parents.question,
      text: sealed,
      state: "open",
      times_asked: 1,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto("story_paragraphs")
    .values({
      ...own,
      id: parents.paragraph,
      section: "learned",
      text: sealed,
      version: 1,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto("promises")
    .values({ ...own, ...promiseRow(now, sealed), id: parents.promise })
    .execute();
  await db
    .insertInto("setbacks")
    .values({ ...own, id: parents.setback, kind: "memory", text: sealed })
    .execute();
  for (const week of ["2020-W01", "2020-W02"]) {
    await db
      .insertInto("checkins")
      .values({
        ...own,
        id: mark("PARTNER"),
        author_id: partnerId,
        week,
        safety: 5,
        connection: 5,
        trust: 5,
        intensity: 5,
        appreciation: sealed,
        concern: sealed,
        wish: sealed,
        updated_at: now,
      })
      .execute();
  }
  return parents;
}

let t: TestApp;
let self: Person;
let partner: Person;
let outsider: Person;
let lone: Person;
const canaries: Canary[] = [];
let getRoutes: string[];
let visibilityTables: string[];

beforeAll(async () => {
  t = await makeTestApp();
  ({ a: self, b: partner } = await makeCouple(t.app, ["Self", "Partner"]));
  ({ a: outsider } = await makeCouple(t.app, ["Outsider", "OutsiderPartner"]));
  lone = await makePerson(t.app, "Lone");

  const db = t.database.db;
  const { id: coupleId } = await self.client.api.call(coupleRoutes.view);
  const at = t.clock.now().toISOString();
  const parents = await insertParents(db, coupleId, self.id, partner.id, at);
  for (const table of Object.keys(ITEM_TABLES) as ItemTable[]) {
    for (const visibility of ["private", "couple"] as const) {
      if (visibility === "couple" && PRIVATE_ONLY.includes(table)) continue;
      const id = mark(visibility === "private" ? "PRIVATEID" : "SHAREDID");
      const words = mark(visibility === "private" ? "PRIVATEWORDS" : "SHAREDWORDS");
      const sealed = canaryRow(table, at, envelopeOf(visibility, words), visibility, parents);
      const row = {
        id,
        couple_id: coupleId,
        [ITEM_TABLES[table]]: self.id,
        visibility,
        ...sealed,
      };
      const canary: Canary = {
        table,
        visibility,
        id,
        words: Object.values(sealed).some((value) => String(value).endsWith(words)) ? words : null,
      };
      // One generic insert across the item tables; each row is complete for its own table.
      await db
        .insertInto(table)
        .values(row as never)
        .execute();
      canaries.push(canary);
    }
  }

  const tables = await ownTables(t.database);
  visibilityTables = tables
    .filter((table) => table.columns.includes("visibility"))
    .map((table) => table.name)
    .sort();
  const doc = (await new Client(t.app).get("/api/openapi.json")).json<{
    paths: Record<string, Record<string, unknown>>;
  }>();
  getRoutes = Object.entries(doc.paths)
    .filter(([path, methods]) => "get" in methods && path !== "/api/events")
    .map(([path]) => path);
});
afterAll(() => t.close());

/** Every GET the server has, as one person: lists as they are, `{id}` routes with every canary id. */
async function everythingSeenBy(person: Person | null): Promise<string> {
  const client = new Client(t.app);
  client.cookie = person ? person.client.cookie : null;
  const answers: string[] = [];
  for (const path of getRoutes) {
    const urls = path.includes("{")
      ? canaries.map((c) => path.replace(/\{[^}]+\}/, encodeURIComponent(c.id)))
      : [path];
    for (const url of urls) answers.push((await client.get(url)).raw);
  }
  return answers.join("\n");
}

describe("private canaries in every item table", () => {
  it("has a canary for every table with a visibility column", () => {
    expect(visibilityTables).toEqual(Object.keys(ITEM_TABLES).sort());
  });

  it("shows the author every canary of theirs, so the checks below can fail", async () => {
    const seen = await everythingSeenBy(self);
    for (const canary of canaries) {
      const where = `${canary.table} ${canary.visibility} never reached its author`;
      expect(seen, where).toContain(canary.id);
      if (canary.words) expect(seen, where).toContain(canary.words);
    }
    expect(canaries.filter((canary) => canary.words).length).toBeGreaterThan(0);
  });

  it("shows the partner the shared canaries and never a private one", async () => {
    const seen = await everythingSeenBy(partner);
    for (const canary of canaries) {
      const where = `${canary.table} ${canary.visibility} as the partner`;
      if (canary.visibility === "private") {
        expect(seen, where).not.toContain(canary.id);
        if (canary.words) expect(seen, where).not.toContain(canary.words);
      } else {
        expect(seen, where).toContain(canary.id);
        if (canary.words) expect(seen, where).toContain(canary.words);
      }
    }
  });

  it("shows nobody outside the couple anything at all", async () => {
    for (const [who, person] of [
      ["another couple", outsider],
      ["a person without a couple", lone],
      ["a signed-out caller", null],
    ] as const) {
      const seen = await everythingSeenBy(person);
      for (const canary of canaries) {
        const where = `${canary.table} ${canary.visibility} as ${who}`;
        expect(seen, where).not.toContain(canary.id);
        if (canary.words) expect(seen, where).not.toContain(canary.words);
      }
    }
  });
});
