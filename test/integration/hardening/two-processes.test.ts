import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
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
import {
  killMend,
  type MendProcess,
  overlappingPauses,
  Person,
  seededRandom,
  startMend,
} from "../../support/mend-process.ts";
import { testDatabaseKind } from "../../support/test-app.ts";

/**
 * The README lets several Mend processes share one database. On SQLite that means two
 * processes writing one file: a busy file must delay a write, never fail it, and the rules of
 * "at most one" must hold across processes as they do inside one. Real processes (`mend
 * serve`), real HTTP, the one sealing client; the seed (MEND_TWO_PROCESSES_SEED) picks which
 * process gets which write and in what order.
 */
const SEED = Number(process.env.MEND_TWO_PROCESSES_SEED ?? Math.floor(Math.random() * 2 ** 31));
const sqliteOnly = testDatabaseKind() === "sqlite" ? describe : describe.skip;

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** How often each distinct line occurs, so a failure reads as a short list. */
function tally(lines: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of lines) counts[line] = (counts[line] ?? 0) + 1;
  return counts;
}

/** A person whose one session (and keys) is used through either process. */
class Partner extends Person {
  readonly via: Api[];

  constructor(processes: MendProcess[]) {
    super();
    this.via = processes.map((mend) => this.client(mend));
  }

  /** This person's client through the given process. */
  through(index: number): Api {
    const api = this.via[index];
    if (!api) throw new Error(`There is no process ${index}.`);
    return api;
  }
}

interface Couple {
  id: string;
  a: Partner;
  b: Partner;
}

/** `a` starts the couple through the first process, `b` joins through the second. */
async function formCouple(processes: MendProcess[], names: [string, string]): Promise<Couple> {
  const a = new Partner(processes);
  const b = new Partner(processes);
  // Each signs up through the other process from the one their couple step uses, so a session
  // made by one process must hold on the other.
  await a.signUp(a.through(1), names[0]);
  await b.signUp(b.through(0), names[1]);
  const [first, second] = [a.through(0), b.through(1)];
  const { couple, link } = await startCouple(first, a.keys(), "hurt");
  a.keyring?.forgetSpace();
  const url = new URL(link);
  const token = url.pathname.split("/").pop() ?? "";
  const preview = await second.call(coupleRoutes.previewInvite, { params: { token } });
  const spaceKey = await openInviteLink(preview, secretFromFragment(url.hash));
  if (!spaceKey) throw new Error("The invite link did not open its box.");
  await joinCouple(second, b.keys(), token, preview, spaceKey, "broke-trust");
  b.keyring?.forgetSpace();
  return { id: couple.id, a, b };
}

type Kind = "intensity" | "topic" | "pause" | "accept";

interface Write {
  kind: Kind;
  couple: Couple;
  by: Partner;
  /** Which process gets it. */
  through: number;
  /** The item's id (the agreement's, for an accept). */
  id: string;
  send(api: Api): Promise<string | undefined>;
}

interface Answer {
  write: Write;
  /** 200 stands for any 2xx: the write was acknowledged. */
  status: number;
  code: string | null;
  /** The id the server gave a pause. */
  pauseId: string | undefined;
}

/** The 409s that are the rules speaking, not a failure. */
const EXPECTED_REFUSALS: Partial<Record<Kind, string>> = {
  pause: "pause_running",
  accept: "agreement_state",
};

async function send(write: Write, processes: MendProcess[]): Promise<Answer> {
  const api = write.by.through(write.through);
  try {
    const pauseId = await write.send(api);
    return { write, status: 200, code: null, pauseId };
  } catch (error) {
    if (!isApiError(error)) throw error;
    const where = processes[write.through]?.name;
    if (error.status === 0) throw new Error(`${where} did not answer a ${write.kind}.`);
    return { write, status: error.status, code: error.code, pauseId: undefined };
  }
}

function intensityWrite(couple: Couple, by: Partner, through: number, n: number): Write {
  const id = newItemId();
  return {
    kind: "intensity",
    couple,
    by,
    through,
    id,
    send: async (api) => {
      const note = n % 2 === 0 ? { note: `Check number ${n}, counted once.` } : {};
      await api.call(intensityRoutes.record, { body: { id, value: n % 11, ...note } });
      return undefined;
    },
  };
}

function topicWrite(couple: Couple, by: Partner, through: number, n: number): Write {
  const id = newItemId();
  return {
    kind: "topic",
    couple,
    by,
    through,
    id,
    send: async (api) => {
      await api.call(talkRoutes.raiseTopic, { body: { id, topic: `Parked topic ${n}` } });
      return undefined;
    },
  };
}

function pauseWrite(couple: Couple, by: Partner, through: number, n: number): Write {
  return {
    kind: "pause",
    couple,
    by,
    through,
    id: "",
    send: async (api) => {
      const { pause } = await api.call(talkRoutes.startPause, {
        body: { minutes: 20 + (n % 10) * 10 },
      });
      return pause.id;
    },
  };
}

function acceptWrite(couple: Couple, agreementId: string, through: number): Write {
  return {
    kind: "accept",
    couple,
    by: couple.b,
    through,
    id: agreementId,
    send: async (api) => {
      await api.call(agreementRoutes.accept, { params: { id: agreementId } });
      return undefined;
    },
  };
}

/**
 * 200 writes for two couples: 80 intensity checks and 40 parked topics (counters that must all
 * land), 40 pause starts by both partners (one running pause per couple), and 20 proposals each
 * accepted twice, once through each process (one answer per proposal).
 */
async function workload(couples: Couple[], random: () => number): Promise<Write[]> {
  const pick = () => (random() < 0.5 ? 0 : 1);
  const writes: Write[] = [];
  for (const couple of couples) {
    for (const by of [couple.a, couple.b]) {
      for (let n = 0; n < 20; n++) writes.push(intensityWrite(couple, by, pick(), n));
      for (let n = 0; n < 10; n++) writes.push(topicWrite(couple, by, pick(), n));
      for (let n = 0; n < 10; n++) writes.push(pauseWrite(couple, by, pick(), n));
    }
    for (let n = 0; n < 10; n++) {
      const { agreement } = await couple.a.through(n % 2).call(agreementRoutes.propose, {
        body: { id: newItemId(), category: "other", text: `Agreement ${n}, answered once.` },
      });
      writes.push(acceptWrite(couple, agreement.id, 0), acceptWrite(couple, agreement.id, 1));
    }
  }
  return shuffled(writes, random);
}

sqliteOnly("two Mend processes on one SQLite file", () => {
  let dir: string;
  let file: string;
  let processes: MendProcess[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "mend-two-processes-"));
    file = join(dir, "mend.sqlite");
    // The first migrates the file; the second then finds it up to date.
    const first = await startMend("process A", `sqlite:${file}`);
    processes = [first, await startMend("process B", `sqlite:${file}`)];
  });

  afterAll(async () => {
    await Promise.all(processes.map((mend) => killMend(mend, "SIGTERM")));
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers 200 concurrent writes split across both without a 5xx, and loses none", async () => {
    onTestFailed(() => {
      console.error(`two-processes: replay with MEND_TWO_PROCESSES_SEED=${SEED}`);
    });
    const random = seededRandom(SEED);
    const couples = [
      await formCouple(processes, ["Robin", "Kai"]),
      await formCouple(processes, ["Alex", "Sam"]),
    ];
    const writes = await workload(couples, random);
    expect(writes).toHaveLength(200);

    const answers = await Promise.all(writes.map((write) => send(write, processes)));

    for (const [index, mend] of processes.entries()) {
      const mine = answers.filter((answer) => answer.write.through === index);
      const count = (test: (status: number) => boolean) =>
        mine.filter((answer) => test(answer.status)).length;
      console.log(
        `two-processes: ${mend.name} answered ${mine.length} writes ` +
          `(${count((s) => s < 300)} acknowledged, ${count((s) => s === 409)} refused by a rule, ` +
          `${count((s) => s >= 500)} 5xx)`,
      );
    }
    const failures = answers
      .filter(
        (answer) => answer.status >= 300 && EXPECTED_REFUSALS[answer.write.kind] !== answer.code,
      )
      .map(
        (answer) =>
          `${processes[answer.write.through]?.name}: ${answer.write.kind} ${answer.status} ${answer.code}`,
      );
    const logged = processes.flatMap((mend) =>
      mend.errors.map((error) => `${mend.name}: ${error}`),
    );
    expect({ failures: tally(failures), logged: tally(logged) }).toEqual({
      failures: {},
      logged: {},
    });

    const acknowledged = (kind: Kind, couple: Couple) =>
      answers.filter((x) => x.write.kind === kind && x.write.couple === couple && x.status < 300);
    for (const couple of couples) {
      for (const [index, api] of couple.a.via.entries()) {
        const where = processes[index]?.name;
        const { entries } = await api.call(intensityRoutes.overview, {});
        expect(
          acknowledged("intensity", couple)
            .map((x) => x.write.id)
            .filter((id) => !entries.some((e) => e.id === id)),
          `intensity checks missing through ${where}`,
        ).toEqual([]);
        expect(entries).toHaveLength(40);
        const { items } = await api.call(talkRoutes.parkingLot, {});
        expect(items.map((item) => item.id).sort()).toEqual(
          acknowledged("topic", couple)
            .map((x) => x.write.id)
            .sort(),
        );
      }

      const accepts = acknowledged("accept", couple).map((x) => x.write.id);
      expect(accepts, "each proposal accepted exactly once").toHaveLength(10);
      expect(new Set(accepts).size).toBe(10);
      for (const id of accepts) {
        const { agreement, history } = await couple.b
          .through(1)
          .call(agreementRoutes.get, { params: { id } });
        expect(agreement.status).toBe("accepted");
        expect(history.filter((event) => event.kind === "accepted")).toHaveLength(1);
      }
    }

    const database = openSqliteFile(file, { readonly: true });
    const pauses = database.rows("SELECT * FROM pauses") as PausesTable[];
    database.close();
    const started = answers.flatMap((answer) => (answer.pauseId ? [answer.pauseId] : []));
    expect(started.length).toBeGreaterThan(0);
    expect(started.filter((id) => !pauses.some((row) => row.id === id))).toEqual([]);
    expect(overlappingPauses(pauses), "one running pause per couple").toEqual([]);
    for (const couple of couples) {
      const running = pauses.filter((row) => row.couple_id === couple.id && row.ended_at === null);
      expect(running).toHaveLength(1);
    }
  }, 120_000);
});
