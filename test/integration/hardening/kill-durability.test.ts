import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it, onTestFailed } from "vitest";
import { type Api, isApiError } from "../../../src/client/api.ts";
import { newItemId } from "../../../src/client/crypto/account-keys.ts";
import {
  joinCouple,
  openInviteLink,
  secretFromFragment,
  startCouple,
} from "../../../src/client/session.ts";
import { agreementRoutes } from "../../../src/contracts/agreements.ts";
import { coupleRoutes } from "../../../src/contracts/couples.ts";
import { intensityRoutes } from "../../../src/contracts/intensity.ts";
import { talkRoutes } from "../../../src/contracts/talks.ts";
import type { PausesTable } from "../../../src/server/platform/db-schema.ts";
import { openSqliteFile } from "../../../src/server/platform/sqlite-file.ts";
import { deriveOnce, PASSWORD, TEST_KDF } from "../../support/factories.ts";
import {
  isRunning,
  killMend,
  overlappingPauses,
  Person,
  seededRandom,
  sleep,
  startMend,
  type Target,
} from "../../support/mend-process.ts";
import { testDatabaseKind } from "../../support/test-app.ts";

/**
 * kill -9 under a write load: a real `mend serve` process is killed at seeded moments while
 * workers write through real HTTP, then started again on the same database. Whatever it
 * acknowledged (a 2xx came back) must be there after the restart, every change of several rows
 * must be whole or absent, and on SQLite the file must pass integrity_check and
 * foreign_key_check. The database is a SQLite file of its own, or under MEND_TEST_DB=postgres a
 * PostgreSQL database of its own.
 *
 * MEND_DURABILITY_POINTS sets how many kill points (a few by default; 25 for a long run),
 * MEND_DURABILITY_SEED replays a run. MEND_DURABILITY_PG_STOP=1 adds a run that stops the
 * machine's PostgreSQL server itself (`pg_ctlcluster … stop -m immediate`) under load: it cuts
 * off everyone using that server, so run this file alone then.
 */
const POINTS = Number(process.env.MEND_DURABILITY_POINTS ?? 3);
const SEED = Number(process.env.MEND_DURABILITY_SEED ?? Math.floor(Math.random() * 2 ** 31));
const STOP_POSTGRES = process.env.MEND_DURABILITY_PG_STOP === "1";
const POSTGRES_URL =
  process.env.MEND_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const WORKERS = 6;
/**
 * A seeded while after the load starts (BLOW_AFTER_MS), a burst of BURST_SIZE changes of several
 * rows is sent at once, and the blow falls a seeded moment into it (up to BURST_MS): a blow at
 * any moment of a steady load mostly meets a server between requests, one amid a burst meets
 * transactions under way. A burst takes about a second to answer.
 */
const BLOW_AFTER_MS = { min: 200, max: 2_500 };
const BURST_SIZE = 60;
const BURST_MS = 1_000;

const run = promisify(execFile);

function pickFrom<T>(items: readonly T[], random: () => number): T | undefined {
  return items[Math.floor(random() * items.length)];
}

/** A crash's headlines without its stack and fields. */
function unindented(output: string[]): string[] {
  return output.filter((line) => /^\S/.test(line)).slice(-10);
}

// People and the load they make

/** A person whose one client follows the Mend process of the moment. */
class Partner extends Person {
  readonly api: Api;

  constructor(target: Target) {
    super();
    this.api = this.client(target);
  }
}

interface Couple {
  id: string;
  a: Partner;
  b: Partner;
  /** Agreements `a` proposed that nobody has answered yet. */
  open: string[];
}

/** What the server acknowledged, by where it must be found afterwards. */
interface Ledger {
  users: string[];
  couples: string[];
  /** `${coupleId} ${userId}` of every partner whose join was acknowledged. */
  joins: string[];
  intensity: string[];
  topics: string[];
  proposals: string[];
  accepted: string[];
  pauses: string[];
}

function emptyLedger(): Ledger {
  return {
    users: [],
    couples: [],
    joins: [],
    intensity: [],
    topics: [],
    proposals: [],
    accepted: [],
    pauses: [],
  };
}

const intensityNote = (id: string) => `Intensity ${id} kept through a crash.`;

/** Thrown when no answer came: the server is gone, and what was in flight is unknown. */
class NoAnswer extends Error {}

function unlessNoAnswer(error: unknown): void {
  if (!(error instanceof NoAnswer)) throw error;
}

/** The answers the rules give under concurrency; any other non-2xx fails the run. */
const REFUSALS = new Set(["pause_running", "agreement_state"]);

class Load {
  readonly ledger = emptyLedger();
  readonly couples: Couple[] = [];
  /** Answers outside 2xx and the rules' refusals, while the database was up. */
  readonly unexpected: string[] = [];
  acknowledged = 0;
  /** Set once the database is being stopped: 5xx are then what it should answer. */
  databaseDown = false;

  constructor(readonly target: Target) {}

  /** One call; a rule's refusal resolves to null, a lost connection throws NoAnswer. */
  async call<T>(what: string, work: () => Promise<T>): Promise<T | null> {
    try {
      const result = await work();
      this.acknowledged += 1;
      return result;
    } catch (error) {
      if (!isApiError(error)) throw error;
      if (error.status === 0) throw new NoAnswer(what);
      if (!REFUSALS.has(error.code) && !(this.databaseDown && error.status >= 500)) {
        this.unexpected.push(`${what}: ${error.status} ${error.code}`);
      }
      return null;
    }
  }

  async person(name: string): Promise<Partner | null> {
    const person = new Partner(this.target);
    const userId = await this.call("sign-up", () => person.signUp(person.api, name));
    if (!userId) return null;
    this.ledger.users.push(userId);
    return person;
  }

  /** Two sign-ups, a couple started (six rows) and joined (four more). */
  async formCouple(): Promise<void> {
    const a = await this.person("Robin");
    const b = await this.person("Kai");
    if (!a || !b) return;
    const started = await this.call("start a couple", () => startCouple(a.api, a.keys(), "hurt"));
    if (!started) return;
    this.ledger.couples.push(started.couple.id);
    a.keyring?.forgetSpace();
    const url = new URL(started.link);
    const token = url.pathname.split("/").pop() ?? "";
    const preview = await this.call("read the invite", () =>
      b.api.call(coupleRoutes.previewInvite, { params: { token } }),
    );
    if (!preview) return;
    const spaceKey = await openInviteLink(preview, secretFromFragment(url.hash));
    if (!spaceKey) {
      this.unexpected.push("the invite link did not open its box");
      return;
    }
    const joined = await this.call("join", () =>
      joinCouple(b.api, b.keys(), token, preview, spaceKey, "broke-trust"),
    );
    if (!joined) return;
    this.ledger.joins.push(`${started.couple.id} ${b.id}`);
    b.keyring?.forgetSpace();
    this.couples.push({ id: started.couple.id, a, b, open: [] });
  }

  /** One write (or a couple formed); every step sends at least one request. */
  async step(random: () => number): Promise<void> {
    const couple = pickFrom(this.couples, random);
    if (!couple || random() < 0.08) return this.formCouple();
    const by = random() < 0.5 ? couple.a : couple.b;
    const roll = random();
    if (roll < 0.3) return this.recordIntensity(by, random);
    if (roll < 0.45) return this.raiseTopic(by);
    if (roll < 0.85 && couple.open.length > 0) return this.accept(couple);
    if (roll < 0.85) return this.propose(couple);
    return this.pause(by, random);
  }

  async recordIntensity(by: Partner, random: () => number): Promise<void> {
    const id = newItemId();
    const value = Math.floor(random() * 11);
    const entry = await this.call("intensity", () =>
      by.api.call(intensityRoutes.record, { body: { id, value, note: intensityNote(id) } }),
    );
    if (entry) this.ledger.intensity.push(id);
  }

  async raiseTopic(by: Partner): Promise<void> {
    const id = newItemId();
    const item = await this.call("topic", () =>
      by.api.call(talkRoutes.raiseTopic, { body: { id, topic: `Topic ${id}` } }),
    );
    if (item) this.ledger.topics.push(id);
  }

  /** A proposal: the agreement and its first event, together. */
  async propose(couple: Couple): Promise<void> {
    const id = newItemId();
    const proposed = await this.call("propose", () =>
      couple.a.api.call(agreementRoutes.propose, {
        body: { id, category: "other", text: `Agreement ${id}` },
      }),
    );
    if (!proposed) return;
    this.ledger.proposals.push(id);
    couple.open.push(id);
  }

  /** An acceptance: the agreement's new state and its event, together. */
  async accept(couple: Couple): Promise<void> {
    const id = couple.open.shift() ?? "";
    const accepted = await this.call("accept", () =>
      couple.b.api.call(agreementRoutes.accept, { params: { id } }),
    );
    if (accepted) this.ledger.accepted.push(id);
  }

  /** A pause: one's own running pause ended and the new one begun, together. */
  async pause(by: Partner, random: () => number): Promise<void> {
    const minutes = 20 + Math.floor(random() * 160);
    const started = await this.call("pause", () =>
      by.api.call(talkRoutes.startPause, { body: { minutes } }),
    );
    if (started) this.ledger.pauses.push(started.pause.id);
  }

  /** Many changes of several rows at once, so that a blow soon after lands inside some. */
  burst(random: () => number): Promise<void> {
    if (this.couples.length === 0) return Promise.resolve();
    const changes = Array.from({ length: BURST_SIZE }, (_, n) => {
      const couple = this.couples[n % this.couples.length] as Couple;
      if (n % 3 === 2) return this.pause(random() < 0.5 ? couple.a : couple.b, random);
      return couple.open.length > 0 && n % 3 === 0 ? this.accept(couple) : this.propose(couple);
    });
    return Promise.all(changes.map((change) => change.catch(unlessNoAnswer))).then(() => undefined);
  }

  /** Workers write until no answer comes any more (or `until` says stop). */
  async drive(random: () => number, until: () => boolean): Promise<void> {
    const worker = async (index: number) => {
      const own = seededRandom(Math.floor(random() * 2 ** 31) + index);
      try {
        while (!until()) await this.step(own);
      } catch (error) {
        unlessNoAnswer(error);
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, index) => worker(index)));
  }
}

// What is checked after a restart

/** Plain SQL read on either engine, from outside the server. */
interface Inspector {
  rows<T>(query: string): Promise<T[]>;
  /** SQLite's own checks: integrity_check and foreign_key_check. Nothing on PostgreSQL. */
  fileProblems(): Promise<unknown[]>;
  close(): Promise<void>;
}

function inspectSqlite(file: string): Inspector {
  const database = openSqliteFile(file, { readonly: true });
  return {
    rows: async <T>(query: string) => database.rows(query) as T[],
    fileProblems: async () => {
      const integrity = database.pragma("integrity_check");
      return [
        ...(integrity === "ok" ? [] : [{ integrity }]),
        ...database.rows("PRAGMA foreign_key_check"),
      ];
    },
    close: async () => database.close(),
  };
}

async function inspectPostgres(url: string): Promise<Inspector> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    rows: async <T>(query: string) => (await client.query(query)).rows as T[],
    fileProblems: async () => [],
    close: () => client.end(),
  };
}

const PRESENT: Record<keyof Ledger, string> = {
  users: "SELECT id FROM users",
  couples: "SELECT id FROM couples",
  joins: "SELECT couple_id || ' ' || user_id AS id FROM couple_members",
  intensity: "SELECT id FROM intensity_entries",
  topics: "SELECT id FROM parking_lot",
  proposals: "SELECT id FROM agreements",
  accepted: "SELECT id FROM agreements WHERE status = 'accepted'",
  pauses: "SELECT id FROM pauses",
};

/** Each query finds the changes of several rows that were left half done. */
const HALF_DONE: Record<string, string> = {
  "couples without their founding rows": `
    SELECT c.id FROM couples c
    WHERE NOT EXISTS (SELECT 1 FROM couple_members m WHERE m.couple_id = c.id)
       OR NOT EXISTS (SELECT 1 FROM phase_history h
                      WHERE h.couple_id = c.id AND h.direction = 'start')
       OR NOT EXISTS (SELECT 1 FROM invites i WHERE i.couple_id = c.id)
       OR NOT EXISTS (SELECT 1 FROM audit_entries e
                      WHERE e.couple_id = c.id AND e.action = 'invite-created')`,
  "members without the couple's key": `
    SELECT m.couple_id, m.user_id FROM couple_members m
    WHERE NOT EXISTS (SELECT 1 FROM space_grants g
                      WHERE g.couple_id = m.couple_id AND g.user_id = m.user_id)`,
  "members who neither made nor used an invite": `
    SELECT m.couple_id, m.user_id FROM couple_members m
    WHERE NOT EXISTS (SELECT 1 FROM invites i WHERE i.couple_id = m.couple_id
                        AND (i.created_by = m.user_id OR i.used_by = m.user_id))`,
  "used invites without their partner": `
    SELECT i.id FROM invites i
    WHERE i.used_by IS NOT NULL
      AND (NOT EXISTS (SELECT 1 FROM couple_members m
                       WHERE m.couple_id = i.couple_id AND m.user_id = i.used_by)
        OR NOT EXISTS (SELECT 1 FROM audit_entries e
                       WHERE e.couple_id = i.couple_id AND e.action = 'partner-joined'
                         AND e.target = 'user:' || i.used_by))`,
  "agreements whose state and events disagree": `
    SELECT a.id, a.status FROM agreements a
    WHERE (SELECT count(*) FROM agreement_events e
           WHERE e.agreement_id = a.id AND e.kind = 'proposed') <> 1
       OR (CASE WHEN a.status = 'accepted' THEN 1 ELSE 0 END)
          <> (SELECT count(*) FROM agreement_events e
              WHERE e.agreement_id = a.id AND e.kind = 'accepted')`,
};

interface Findings {
  missing: Partial<Record<keyof Ledger, string[]>>;
  halfDone: Record<string, unknown[]>;
  overlappingPauses: string[];
  fileProblems: unknown[];
}

async function findings(inspector: Inspector, ledger: Ledger): Promise<Findings> {
  const missing: Findings["missing"] = {};
  for (const [kind, query] of Object.entries(PRESENT) as Array<[keyof Ledger, string]>) {
    const present = new Set((await inspector.rows<{ id: string }>(query)).map((row) => row.id));
    const lost = ledger[kind].filter((id) => !present.has(id));
    if (lost.length > 0) missing[kind] = lost;
  }
  const halfDone: Findings["halfDone"] = {};
  for (const [what, query] of Object.entries(HALF_DONE)) {
    const rows = await inspector.rows(query);
    if (rows.length > 0) halfDone[what] = rows;
  }
  const pauses = await inspector.rows<PausesTable>("SELECT * FROM pauses");
  return {
    missing,
    halfDone,
    overlappingPauses: overlappingPauses(pauses),
    fileProblems: await inspector.fileProblems(),
  };
}

const WHOLE: Findings = { missing: {}, halfDone: {}, overlappingPauses: [], fileProblems: [] };

/** Every acknowledged intensity check, opened through the restarted server by its couple. */
async function unreadableIntensity(load: Load): Promise<string[]> {
  const unread: string[] = [];
  for (const couple of load.couples) {
    const { entries } = await couple.a.api.call(intensityRoutes.overview, {});
    for (const entry of entries) {
      if (entry.note !== intensityNote(entry.id)) unread.push(entry.id);
    }
  }
  return unread;
}

// The databases

interface Engine {
  url: string;
  inspect(): Promise<Inspector>;
  drop(): Promise<void>;
}

function sqliteEngine(): Engine {
  const dir = mkdtempSync(join(tmpdir(), "mend-kill-"));
  const file = join(dir, "mend.sqlite");
  return {
    url: `sqlite:${file}`,
    inspect: async () => inspectSqlite(file),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A PostgreSQL database of this run's own, on the suite's server. */
async function postgresEngine(): Promise<Engine> {
  const name = `mend_kill_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    inspect: () => inspectPostgres(url.toString()),
    async drop() {
      const cleanup = new pg.Client({ connectionString: POSTGRES_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** The Debian cluster serving the suite's PostgreSQL port, e.g. ["15", "main"]. */
async function postgresCluster(): Promise<[string, string]> {
  const port = new URL(POSTGRES_URL).port || "5432";
  const { stdout } = await run("pg_lsclusters", ["--no-header"]);
  for (const line of stdout.split("\n")) {
    const [version, cluster, clusterPort] = line.trim().split(/\s+/);
    if (version && cluster && clusterPort === port) return [version, cluster];
  }
  throw new Error(`No PostgreSQL cluster listens on port ${port}.`);
}

async function postgresReady(): Promise<boolean> {
  const { hostname, port } = new URL(POSTGRES_URL);
  try {
    await run("pg_isready", ["-h", hostname, "-p", port || "5432"]);
    return true;
  } catch {
    return false;
  }
}

async function startPostgres(cluster: [string, string]): Promise<void> {
  if (!(await postgresReady())) await run("pg_ctlcluster", [...cluster, "start"]);
  const deadline = Date.now() + 60_000;
  while (!(await postgresReady())) {
    if (Date.now() > deadline) throw new Error("PostgreSQL did not come back.");
    await sleep(250);
  }
}

function blowAfter(random: () => number): number {
  return BLOW_AFTER_MS.min + Math.floor(random() * (BLOW_AFTER_MS.max - BLOW_AFTER_MS.min));
}

function summary(load: Load): string {
  const counts = Object.entries(load.ledger).map(([kind, ids]) => `${ids.length} ${kind}`);
  return `${load.acknowledged} acknowledged (${counts.join(", ")})`;
}

/** Two couples to write for from the first moment; later ones are formed under the load. */
async function firstCouples(load: Load): Promise<void> {
  while (load.couples.length < 2) {
    await load.formCouple();
    expect(load.unexpected, "forming the first couples").toEqual([]);
  }
}

/** After a seeded while, a burst of changes, and amid it the blow; always the blow. */
async function blowAmidBurst(load: Load, random: () => number, blow: () => Promise<void>) {
  await sleep(blowAfter(random));
  const burst = load.burst(random);
  try {
    await sleep(random() * BURST_MS);
  } finally {
    await blow();
  }
  await burst;
}

describe("kill -9 durability", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it(
    `keeps every acknowledged write through ${POINTS} kill -9 points on ${testDatabaseKind()}`,
    async () => {
      onTestFailed(() => {
        console.error(`kill-durability: replay with MEND_DURABILITY_SEED=${SEED}`);
      });
      const random = seededRandom(SEED);
      const engine = testDatabaseKind() === "postgres" ? await postgresEngine() : sqliteEngine();
      cleanups.push(() => engine.drop());
      const target: Target = { base: "" };
      const load = new Load(target);
      await deriveOnce(PASSWORD, TEST_KDF);

      for (let point = 0; point <= POINTS; point++) {
        const mend = await startMend(`Mend after ${point} kill -9 points`, engine.url);
        cleanups.push(() => killMend(mend, "SIGKILL"));
        target.base = mend.base;
        const inspector = await engine.inspect();
        const found = await findings(inspector, load.ledger);
        await inspector.close();
        expect(found, `after kill point ${point}: ${summary(load)}`).toEqual(WHOLE);
        if (point === POINTS) {
          expect(await unreadableIntensity(load), "intensity notes that do not open").toEqual([]);
          await killMend(mend, "SIGTERM");
          break;
        }
        await firstCouples(load);
        await Promise.all([
          load.drive(random, () => false),
          blowAmidBurst(load, random, () => killMend(mend, "SIGKILL")),
        ]);
        expect(load.unexpected, `up to kill point ${point + 1}`).toEqual([]);
      }
      console.log(`kill-durability: ${POINTS} kill points, ${summary(load)}`);
      expect(load.ledger.joins.length).toBeGreaterThan(0);
      expect(load.ledger.accepted.length).toBeGreaterThan(0);
    },
    60_000 + POINTS * 20_000,
  );

  (STOP_POSTGRES ? it : it.skip)(
    "keeps every acknowledged write when PostgreSQL itself stops at once under load",
    async () => {
      onTestFailed(() => {
        console.error(`kill-durability: replay with MEND_DURABILITY_SEED=${SEED}`);
      });
      const random = seededRandom(SEED);
      const cluster = await postgresCluster();
      const engine = await postgresEngine();
      cleanups.push(async () => {
        await startPostgres(cluster);
        await engine.drop();
      });
      const target: Target = { base: "" };
      const load = new Load(target);
      await deriveOnce(PASSWORD, TEST_KDF);
      const mend = await startMend("Mend", engine.url);
      cleanups.push(() => killMend(mend, "SIGKILL"));
      target.base = mend.base;
      await firstCouples(load);

      // The workers stop half a second after the server did, having met it down.
      let stoppedAt = 0;
      const stopPostgres = async () => {
        load.databaseDown = true;
        await run("pg_ctlcluster", [...cluster, "stop", "-m", "immediate"]);
        stoppedAt = Date.now();
      };
      await Promise.all([
        load.drive(random, () => stoppedAt > 0 && Date.now() - stoppedAt > 500),
        blowAmidBurst(load, random, stopPostgres),
      ]);
      await startPostgres(cluster);

      const inspector = await engine.inspect();
      const found = await findings(inspector, load.ledger);
      await inspector.close();
      console.log(`kill-durability: PostgreSQL stopped under load, ${summary(load)}`);
      expect(found, summary(load)).toEqual(WHOLE);
      expect(load.unexpected).toEqual([]);
      expect(
        isRunning(mend),
        `Mend exited when PostgreSQL stopped:\n${unindented(mend.output).join("\n")}`,
      ).toBe(true);
      load.databaseDown = false;
      const [couple] = load.couples;
      if (couple) await load.recordIntensity(couple.a, random);
      expect(load.unexpected, "a write once PostgreSQL is back").toEqual([]);
    },
    120_000,
  );
});
