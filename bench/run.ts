import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { DEMO_PEOPLE } from "../src/cli/demo-seed.ts";
import { coupleRoutes } from "../src/contracts/couples.ts";
import { pathOf } from "../src/contracts/route.ts";
import { talkRoutes } from "../src/contracts/talks.ts";
import { buildWeb, bundle, initialJs } from "./build.ts";
import { addOlderHistory, countRows } from "./history.ts";
import { LIGHTHOUSE_VERSION, lighthouseMobile, type PageResult } from "./lighthouse.ts";
import { CONNECTIONS, type LoadResult, load, oneAtATime, prepareWrk } from "./load.ts";
import {
  bareCommand,
  freePort,
  mendCommand,
  REPO_ROOT,
  rssBytes,
  type Server,
  startServer,
} from "./processes.ts";
import {
  type CaseResult,
  type ComputedResult,
  figuresOf,
  machine,
  median,
  percentile,
  printReport,
  writeResults,
} from "./report.ts";
import { type SeededCouple, seedDemoCouple } from "./seed.ts";
import { postgresViewChanger, sqliteViewChanger, type ViewChanger } from "./view-version.ts";

/**
 * Issue 11's benchmark in one run: a bare Fastify route and Mend as separate processes, load
 * from wrk in a third, the cases interleaved over rounds and reported as medians and as ratios
 * measured in this run; the demo couple with and without 100,000 older rows, PostgreSQL beside
 * SQLite, Mend's memory, the initial JavaScript and Lighthouse mobile. Nothing asserts a time.
 * BENCH_SECONDS (per case and round, default 5), BENCH_ROUNDS (default 5), BENCH_NOTE (a line
 * for RESULTS.md), MEND_BENCH_POSTGRES_URL (default the local server's `test` database).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARM_UP_SECONDS = 2;
const HISTORY_ROWS = 100_000;
/** Reads computed anew, one request at a time, per case and round. */
const COMPUTED_PER_ROUND = 40;
/** Mend's memory is read again once its process has answered at least this many requests. */
const RSS_REQUESTS = 100_000;
const RSS_TOP_UP_LIMIT_MS = 120_000;
const POSTGRES_URL =
  process.env.MEND_BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const PG_SCHEMA = `mend_bench_${process.pid}`;

const startedAt = Date.now();
const say = (what: string) =>
  process.stdout.write(`[${Math.round((Date.now() - startedAt) / 1000)} s] ${what}\n`);

interface Case {
  name: string;
  server: Server;
  path: string;
  cookie?: string;
}

/** A read computed anew each time: the server, the call, its cookie, and how to mark a change. */
interface ComputedCase {
  name: string;
  server: Server;
  path: string;
  cookie: string;
  changer: ViewChanger;
}

interface Databases {
  demoFile: string;
  historyFile: string;
  couple: SeededCouple;
  postgres: SeededCouple | { skipped: string };
  demoRows: Record<string, number>;
  seededRows: Record<string, number>;
}

interface Servers {
  bare: Server;
  mend: Server;
  mendHistory: Server;
  mendPostgres: Server | null;
}

/** The web app and the server built as `npm run build` builds them, into the bench's folder. */
function build(work: string) {
  const webDir = join(work, "web");
  const mendBundle = join(work, "server", "mend.js");
  const bareBundle = join(work, "server", "bare.js");
  buildWeb(webDir);
  bundle("src/cli/main.ts", mendBundle);
  bundle("bench/bare.ts", bareBundle);
  return { webDir, mendBundle, bareBundle, js: initialJs(webDir) };
}

/** A copy of a live SQLite database (its WAL included) into a new file. */
function copySqlite(from: string, to: string): void {
  const db = new Database(from, { readonly: true });
  try {
    db.prepare("VACUUM INTO ?").run(to);
  } finally {
    db.close();
  }
}

async function seedDatabases(work: string): Promise<Databases> {
  say("seeding the demo couple on SQLite");
  const demoFile = join(work, "demo.sqlite");
  const historyFile = join(work, "history.sqlite");
  const couple = await seedDemoCouple(`sqlite:${demoFile}`);
  copySqlite(demoFile, historyFile);
  say(`adding ${HISTORY_ROWS.toLocaleString("en")} older rows of history`);
  const seededRows = await addOlderHistory(historyFile, couple, HISTORY_ROWS);
  say("seeding the demo couple on PostgreSQL");
  const postgres = await seedDemoCouple(POSTGRES_URL, PG_SCHEMA).catch((error: Error) => {
    say(`PostgreSQL left out: ${error.message}`);
    return { skipped: error.message };
  });
  return {
    demoFile,
    historyFile,
    couple,
    postgres,
    demoRows: countRows(demoFile, Object.keys(seededRows)),
    seededRows,
  };
}

async function dropPgSchema(): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${PG_SCHEMA} CASCADE`);
  } finally {
    await client.end();
  }
}

async function startServers(
  built: ReturnType<typeof build>,
  databases: Databases,
  logDir: string,
  started: Server[],
): Promise<Servers> {
  say("starting the servers");
  const start = async (name: string, command: string[], env: Record<string, string>) => {
    const port = await freePort();
    const server = await startServer({
      name,
      command,
      port,
      logDir,
      readyPath: name === "bare" ? "/bare" : "/api/health",
      env: { MEND_PUBLIC_URL: `http://127.0.0.1:${port}`, MEND_WEB_DIR: built.webDir, ...env },
    });
    started.push(server);
    return server;
  };
  const serve = mendCommand(built.mendBundle);
  return {
    bare: await start("bare", bareCommand(built.bareBundle), {}),
    mend: await start("mend", serve, { DATABASE_URL: `sqlite:${databases.demoFile}` }),
    mendHistory: await start("mend-100k", serve, {
      DATABASE_URL: `sqlite:${databases.historyFile}`,
    }),
    mendPostgres:
      "skipped" in databases.postgres
        ? null
        : await start("mend-postgres", serve, {
            // The schema the seed made, for every connection of the pool.
            DATABASE_URL: `${POSTGRES_URL}?options=${encodeURIComponent(`-c search_path=${PG_SCHEMA}`)}`,
          }),
  };
}

function loadCases(servers: Servers, databases: Databases): Case[] {
  const { bare, mend, mendHistory, mendPostgres } = servers;
  const cookie = databases.couple.partners[0].cookie;
  const home = pathOf(coupleRoutes.view);
  const talkTimes = pathOf(talkRoutes.talkTimes);
  const parkingLot = pathOf(talkRoutes.parkingLot);
  return [
    { name: "bare", server: bare, path: "/bare" },
    { name: "health", server: mend, path: "/api/health" },
    { name: "health with cookie", server: mend, path: "/api/health", cookie },
    { name: "home", server: mend, path: home, cookie },
    { name: "home 100k", server: mendHistory, path: home, cookie },
    { name: "talk-times", server: mend, path: talkTimes, cookie },
    { name: "talk-times 100k", server: mendHistory, path: talkTimes, cookie },
    { name: "parking-lot", server: mend, path: parkingLot, cookie },
    { name: "parking-lot 100k", server: mendHistory, path: parkingLot, cookie },
    ...(mendPostgres && !("skipped" in databases.postgres)
      ? [
          {
            name: "home postgres",
            server: mendPostgres,
            path: home,
            cookie: databases.postgres.partners[0].cookie,
          },
        ]
      : []),
  ];
}

async function computedCases(servers: Servers, databases: Databases): Promise<ComputedCase[]> {
  const { couple, postgres } = databases;
  const cookie = couple.partners[0].cookie;
  const demo = sqliteViewChanger(databases.demoFile, couple.coupleId);
  const history = sqliteViewChanger(databases.historyFile, couple.coupleId);
  // The kept reads: each is answered again while nothing changed, so its cost shows only here.
  const reads = [
    ["home", pathOf(coupleRoutes.view)],
    ["talk-times", pathOf(talkRoutes.talkTimes)],
    ["parking-lot", pathOf(talkRoutes.parkingLot)],
  ] as const;
  const cases: ComputedCase[] = reads.flatMap(([name, path]) => [
    { name: `${name} computed`, server: servers.mend, path, cookie, changer: demo },
    { name: `${name} computed 100k`, server: servers.mendHistory, path, cookie, changer: history },
  ]);
  if (servers.mendPostgres && !("skipped" in postgres)) {
    cases.push({
      name: "home computed postgres",
      server: servers.mendPostgres,
      path: pathOf(coupleRoutes.view),
      cookie: postgres.partners[0].cookie,
      changer: await postgresViewChanger(POSTGRES_URL, PG_SCHEMA, postgres.coupleId),
    });
  }
  return cases;
}

async function bodyBytes(c: Case): Promise<number> {
  const response = await fetch(`${c.server.base}${c.path}`, {
    headers: c.cookie ? { cookie: c.cookie } : {},
  });
  const body = await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${c.name}: answered ${response.status}`);
  return body.byteLength;
}

/**
 * Every case in every round (each round starting one case later, so no case always follows the
 * same one), after a warm-up, then more requests to Mend until it has answered RSS_REQUESTS.
 */
async function measureLoad(
  cases: Case[],
  computed: ComputedCase[],
  work: string,
  mend: Server,
): Promise<{
  results: CaseResult[];
  computed: ComputedResult[];
  mendRequests: number;
  /** Mend's memory once warm, and how many requests it had answered by then. */
  warm: { bytes: number; requests: number };
  /** Mend's memory once it had answered RSS_REQUESTS (the issue's figure), and how many exactly. */
  atTarget: { bytes: number; requests: number };
}> {
  const tools = prepareWrk(work);
  let mendRequests = 0;
  let atTarget: { bytes: number; requests: number } | null = null;
  const run = async (c: Case, seconds: number): Promise<LoadResult> => {
    const result = await load(tools, {
      url: `${c.server.base}${c.path}`,
      seconds,
      ...(c.cookie ? { cookie: c.cookie } : {}),
    });
    if (result.errors > 0) say(`${c.name}: ${result.errors} requests failed or answered 4xx/5xx`);
    if (c.server === mend) mendRequests += result.requests;
    if (atTarget === null && mendRequests >= RSS_REQUESTS) {
      atTarget = { bytes: rssBytes(mend.pid), requests: mendRequests };
    }
    return result;
  };
  const bodies = new Map<Case, number>();
  for (const c of cases) bodies.set(c, await bodyBytes(c));

  say(`warming up: each case for ${WARM_UP_SECONDS} s`);
  for (const c of cases) await run(c, WARM_UP_SECONDS);
  const warm = { bytes: rssBytes(mend.pid), requests: mendRequests };
  const rounds = new Map<Case, LoadResult[]>(cases.map((c) => [c, []]));
  const latencies = new Map<ComputedCase, number[]>(computed.map((c) => [c, []]));
  for (let round = 0; round < ROUNDS; round++) {
    say(
      `round ${round + 1} of ${ROUNDS}: ${cases.length} cases × ${SECONDS} s, then reads computed`,
    );
    for (let i = 0; i < cases.length; i++) {
      const c = cases[(i + round) % cases.length] as Case;
      rounds.get(c)?.push(await run(c, SECONDS));
    }
    for (const c of computed) {
      const url = `${c.server.base}${c.path}`;
      const measured = await oneAtATime({
        url,
        cookie: c.cookie,
        count: COMPUTED_PER_ROUND,
        before: c.changer.change,
      });
      latencies.get(c)?.push(...measured);
      if (c.server === mend) mendRequests += measured.length;
    }
  }
  const topUpUntil = Date.now() + RSS_TOP_UP_LIMIT_MS;
  const mendCases = cases.filter((c) => c.server === mend);
  for (let i = 0; mendRequests < RSS_REQUESTS && Date.now() < topUpUntil; i++) {
    if (i === 0) say(`more requests to Mend until it has answered ${RSS_REQUESTS}`);
    await run(mendCases[i % mendCases.length] as Case, SECONDS);
  }
  return {
    results: cases.map((c) => {
      const measured = rounds.get(c) ?? [];
      return {
        name: c.name,
        rounds: measured,
        rps: median(measured.map((r) => r.rps)),
        p99Ms: median(measured.map((r) => r.p99Ms)),
        bodyBytes: bodies.get(c) ?? 0,
      };
    }),
    computed: computed.map((c) => {
      const measured = latencies.get(c) ?? [];
      return {
        name: c.name,
        requests: measured.length,
        medianMs: median(measured),
        p99Ms: percentile(measured, 99),
      };
    }),
    mendRequests,
    warm,
    atTarget: atTarget ?? { bytes: rssBytes(mend.pid), requests: mendRequests },
  };
}

async function lighthouseOrWhy(
  base: string,
  work: string,
): Promise<PageResult[] | { skipped: string }> {
  say(`Lighthouse mobile on ${base}`);
  try {
    return await lighthouseMobile(base, DEMO_PEOPLE[0], work);
  } catch (error) {
    const skipped = (error as Error).message.split("\n")[0] ?? "failed";
    say(`Lighthouse left out: ${skipped}`);
    return { skipped };
  }
}

async function main(work: string, started: Server[], changers: ViewChanger[]): Promise<void> {
  const logDir = join(work, "logs");
  mkdirSync(logDir);
  say("building the web app and the server, as npm run build does");
  const built = build(work);
  const databases = await seedDatabases(work);
  const servers = await startServers(built, databases, logDir, started);
  const rssStart = rssBytes(servers.mend.pid);
  const computed = await computedCases(servers, databases);
  changers.push(...new Set(computed.map((c) => c.changer)));
  const measured = await measureLoad(loadCases(servers, databases), computed, work, servers.mend);
  const rssAfter = rssBytes(servers.mend.pid);
  const lighthouse = await lighthouseOrWhy(servers.mend.base, work);

  const partial = {
    date: new Date().toISOString(),
    machine: machine(),
    settings: {
      seconds: SECONDS,
      rounds: ROUNDS,
      connections: CONNECTIONS,
      load: "wrk -t1",
      mend: ["node", ...mendCommand("<build:server's bundle>").slice(1)].join(" "),
      lighthouse: `${LIGHTHOUSE_VERSION}, mobile defaults, Debian's Chromium headless`,
    },
    note: process.env.BENCH_NOTE ?? null,
    demoRows: databases.demoRows,
    seededRows: databases.seededRows,
    cases: measured.results,
    computed: measured.computed,
    rss: {
      startBytes: rssStart,
      warmBytes: measured.warm.bytes,
      warmRequests: measured.warm.requests,
      targetBytes: measured.atTarget.bytes,
      targetRequests: measured.atTarget.requests,
      afterBytes: rssAfter,
      requests: measured.mendRequests,
    },
    initialJs: built.js,
    lighthouse,
    postgres: "skipped" in databases.postgres ? { skipped: databases.postgres.skipped } : null,
    durationSeconds: (Date.now() - startedAt) / 1000,
  };
  const results = { ...partial, figures: figuresOf(partial) };
  printReport(results);
  writeResults(results, join(REPO_ROOT, "bench"));
  say("wrote bench/results.json and bench/RESULTS.md");
}

const work = mkdtempSync(join(tmpdir(), "mend-bench-"));
const started: Server[] = [];
const changers: ViewChanger[] = [];
try {
  await main(work, started, changers);
} finally {
  for (const changer of changers) await changer.close().catch(() => undefined);
  for (const server of started.reverse()) await server.stop();
  await dropPgSchema().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
}
