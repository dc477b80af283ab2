import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { createInterface } from "node:readline";
import { type Api, createApi, fetchTransport } from "../../src/client/api.ts";
import type { OpenedKeys } from "../../src/client/crypto/account-keys.ts";
import type { Keyring } from "../../src/client/sealing.ts";
import { keyringFor, signUp } from "../../src/client/session.ts";
import type { PausesTable } from "../../src/server/platform/db-schema.ts";
import { deriveOnce, PASSWORD, TEST_KDF } from "./factories.ts";

/**
 * For tests that run Mend as a real `mend serve` process and reach it over real HTTP: starting
 * and stopping the process, people using it through the one sealing client, seeded randomness
 * so a failing run can be replayed, and the "one running pause per couple" rule read back from
 * the database.
 */

/** Numbers in [0, 1) from a seed (mulberry32), so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("No free port was given.");
  return address.port;
}

/** Where clients send their requests; a test may move it to the Mend process of the moment. */
export interface Target {
  base: string;
}

export interface MendProcess extends Target {
  name: string;
  child: ChildProcess;
  /** Every line it wrote, for a crash's story. */
  output: string[];
  /** What it logged at error level: the causes behind any 500 it answered. */
  errors: string[];
  exited: Promise<void>;
}

const children = new Set<ChildProcess>();
// A worker that dies mid-run must not leave servers behind, holding a file or connections.
process.once("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

function errorOf(line: string): string | null {
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
    return (entry.level ?? 0) >= 50 ? `${entry.msg}: ${entry.err?.message ?? ""}` : null;
  } catch {
    return null;
  }
}

export function isRunning(mend: MendProcess): boolean {
  return mend.child.exitCode === null && mend.child.signalCode === null;
}

/** `mend serve` in a child process of its own, answering once its health check does. */
export async function startMend(name: string, databaseUrl: string): Promise<MendProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      MEND_PUBLIC_URL: `http://127.0.0.1:${port}`,
      MEND_WEB_DIR: "",
      MEND_AUTH_RATE_LIMIT: "100000",
      MEND_LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => children.delete(child));
  const mend: MendProcess = {
    name,
    base: `http://127.0.0.1:${port}`,
    child,
    output: [],
    errors: [],
    exited,
  };
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (line) => {
      mend.output.push(line);
      const error = errorOf(line);
      if (error) mend.errors.push(error);
    });
  }
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && isRunning(mend)) {
    try {
      if ((await fetch(`${mend.base}/api/health`)).ok) return mend;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  child.kill("SIGKILL");
  throw new Error(`${name} did not start:\n${mend.output.join("\n")}`);
}

/** Sends `signal` and waits for the exit; a process that ignores SIGTERM is killed after 5 s. */
export async function killMend(mend: MendProcess, signal: "SIGKILL" | "SIGTERM"): Promise<void> {
  if (!isRunning(mend)) return;
  mend.child.kill(signal);
  const timer = setTimeout(() => mend.child.kill("SIGKILL"), 5_000);
  await mend.exited;
  clearTimeout(timer);
}

let people = 0;

/** Someone with one session and one set of keys, for every client made for them. */
export class Person {
  readonly jar: { cookie: string | null } = { cookie: null };
  keyring: Keyring | null = null;
  id = "";
  opened: OpenedKeys | null = null;

  /** A client of whatever process `target` names at the moment of each request. */
  client(target: Target): Api {
    return createApi((request) => fetchTransport(target.base, this.jar)(request), {
      keyring: () => this.keyring,
    });
  }

  /** Signs up through `api` with an address no other sign-up of this worker uses. */
  async signUp(api: Api, name: string): Promise<string> {
    people += 1;
    const email = `${name.toLowerCase()}.${people}.${process.pid}@example.org`;
    const { user, opened } = await signUp(
      api,
      { email, name, password: PASSWORD },
      deriveOnce,
      TEST_KDF,
    );
    this.id = user.id;
    this.opened = opened;
    this.keyring = keyringFor(api, opened);
    return user.id;
  }

  keys(): OpenedKeys {
    if (!this.opened) throw new Error("Sign up first.");
    return this.opened;
  }
}

/** Pairs of a couple's pauses that ran at the same moment: the rule is one at a time. */
export function overlappingPauses(rows: PausesTable[]): string[] {
  const found: string[] = [];
  const byCouple = new Map<string, PausesTable[]>();
  for (const row of rows)
    byCouple.set(row.couple_id, [...(byCouple.get(row.couple_id) ?? []), row]);
  for (const pauses of byCouple.values()) {
    const ordered = [...pauses].sort((x, y) => x.started_at.localeCompare(y.started_at));
    for (let i = 1; i < ordered.length; i++) {
      const before = ordered[i - 1] as PausesTable;
      const after = ordered[i] as PausesTable;
      const beforeEnds = before.ended_at ?? before.ends_at;
      if (beforeEnds > after.started_at) {
        found.push(
          `${before.couple_id}: ${before.started_by} until ${beforeEnds}, ` +
            `${after.started_by} from ${after.started_at}`,
        );
      }
    }
  }
  return found;
}
