import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { createApi, fetchTransport } from "../src/client/api.ts";
import { newItemId } from "../src/client/crypto/account-keys.ts";
import { passwordKeys } from "../src/client/crypto/keys.ts";
import type { Keyring } from "../src/client/sealing.ts";
import {
  joinCouple,
  keyringFor,
  openInviteLink,
  secretFromFragment,
  signUp,
  startCouple,
} from "../src/client/session.ts";
import { agreementRoutes } from "../src/contracts/agreements.ts";
import { coupleRoutes } from "../src/contracts/couples.ts";
import { intensityRoutes } from "../src/contracts/intensity.ts";
import { pathOf } from "../src/contracts/route.ts";
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import { migrateToLatest, openDatabase } from "../src/server/platform/db.ts";

/**
 * Load benchmark on the embedded default (SQLite). Every number is reported as a ratio against
 * GET /api/health measured in the same run, so results compare across machines; nothing here
 * asserts a time. Run with `npm run bench` (DATABASE_URL=postgres://… for PostgreSQL).
 */
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;

const dir = mkdtempSync(join(tmpdir(), "mend-bench-"));
const config = loadConfig({
  DATABASE_URL: process.env.DATABASE_URL ?? `sqlite:${join(dir, "bench.sqlite")}`,
  MEND_AUTH_RATE_LIMIT: "100000",
  MEND_WEB_DIR: "",
  MEND_LOG_LEVEL: "silent",
});
const database = await openDatabase(config.databaseUrl);
await migrateToLatest(database);
const app = await buildApp({ config, database, logger: false });
await app.listen({ port: 0, host: "127.0.0.1" });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

/** A benchmark partner: the one sealing client over real HTTP, holding their session cookie. */
async function partner(email: string, password: string) {
  const jar: { cookie: string | null } = { cookie: null };
  let keyring: Keyring | null = null;
  const api = createApi(fetchTransport(base, jar), { keyring: () => keyring });
  const { opened } = await signUp(api, { email, password, name: email.slice(0, 1) }, passwordKeys);
  keyring = keyringFor(api, opened);
  return {
    api,
    call: api.call,
    opened,
    forgetSpace: () => keyring?.forgetSpace(),
    get cookie() {
      return jar.cookie ?? "";
    },
  };
}

const stamp = Date.now();
const a = await partner(`a${stamp}@bench.example`, "bench password one");
const b = await partner(`b${stamp}@bench.example`, "bench password two");
const { invite, link } = await startCouple(a.api, a.opened, "hurt");
a.forgetSpace();
const preview = await b.call(coupleRoutes.previewInvite, { params: { token: invite.token } });
const spaceKey = await openInviteLink(preview, secretFromFragment(new URL(link).hash));
if (!spaceKey) throw new Error("the invite link did not open");
await joinCouple(b.api, b.opened, invite.token, preview, spaceKey, "both");
b.forgetSpace();
for (let i = 0; i < 20; i++) {
  await a.call(agreementRoutes.propose, {
    body: { id: newItemId(), category: "other", text: `Agreement number ${i}` },
  });
  await b.call(intensityRoutes.record, { body: { id: newItemId(), value: i % 11 } });
}

interface Case {
  name: string;
  method?: "GET" | "POST";
  path: string;
  /** A fresh body for every request (new items need new ids). */
  body?: () => unknown;
  cookie?: string;
}

const cases: Case[] = [
  { name: "GET /api/health", path: "/api/health" },
  { name: "GET /api/couple", path: pathOf(coupleRoutes.view), cookie: a.cookie },
  { name: "GET /api/agreements (20)", path: pathOf(agreementRoutes.list), cookie: a.cookie },
  { name: "GET /api/intensity", path: pathOf(intensityRoutes.overview), cookie: a.cookie },
  {
    name: "POST /api/intensity",
    method: intensityRoutes.record.method,
    path: pathOf(intensityRoutes.record),
    body: () => ({ id: newItemId(), value: 4 }),
    cookie: b.cookie,
  },
];

const results: Array<{ name: string; rps: number; p99: number }> = [];
for (const c of cases) {
  const result = await autocannon({
    url: `${base}${c.path}`,
    method: c.method ?? "GET",
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { "content-type": "application/json", ...(c.cookie ? { cookie: c.cookie } : {}) },
    ...(c.body
      ? {
          requests: [
            { setupRequest: (request) => ({ ...request, body: JSON.stringify(c.body?.()) }) },
          ],
        }
      : {}),
  });
  if (result.non2xx > 0) throw new Error(`${c.name}: ${result.non2xx} answers were not 2xx`);
  results.push({ name: c.name, rps: result.requests.average, p99: result.latency.p99 });
}

const health = results[0];
if (!health) throw new Error("no baseline");
process.stdout.write(
  `Mend load benchmark (${database.kind}, ${CONNECTIONS} connections, ${DURATION_S}s each)\n`,
);
process.stdout.write(
  "ratios against GET /api/health in this run; higher throughput ratio is better\n\n",
);
for (const r of results) {
  process.stdout.write(
    `${r.name.padEnd(28)} throughput ×${(r.rps / health.rps).toFixed(2)} (${Math.round(r.rps)}/s)  p99 latency ×${(r.p99 / Math.max(1, health.p99)).toFixed(2)}\n`,
  );
}
const memory = process.memoryUsage();
process.stdout.write(
  `\nheap used after the run: ${(memory.heapUsed / 1024 / 1024).toFixed(0)} MiB, rss ${(memory.rss / 1024 / 1024).toFixed(0)} MiB\n`,
);

await app.close();
await database.close();
rmSync(dir, { recursive: true, force: true });
