import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
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

async function post(path: string, body: unknown, cookie?: string) {
  const res = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return {
    json: await res.json(),
    cookie: res.headers.get("set-cookie")?.split(";")[0] ?? cookie ?? "",
  };
}

const stamp = Date.now();
const a = await post("/api/auth/signup", {
  email: `a${stamp}@bench.example`,
  password: "bench password one",
  name: "A",
});
const b = await post("/api/auth/signup", {
  email: `b${stamp}@bench.example`,
  password: "bench password two",
  name: "B",
});
const couple = await post("/api/couples", { stance: "hurt" }, a.cookie);
await post(`/api/invites/${couple.json.invite.token}/accept`, { stance: "both" }, b.cookie);
for (let i = 0; i < 20; i++) {
  await post("/api/agreements", { category: "other", text: `Agreement number ${i}` }, a.cookie);
  await post("/api/intensity", { value: i % 11 }, b.cookie);
}

interface Case {
  name: string;
  method?: "GET" | "POST";
  path: string;
  body?: unknown;
  cookie?: string;
}

const cases: Case[] = [
  { name: "GET /api/health", path: "/api/health" },
  { name: "GET /api/couple", path: "/api/couple", cookie: a.cookie },
  { name: "GET /api/agreements (20)", path: "/api/agreements", cookie: a.cookie },
  { name: "GET /api/intensity", path: "/api/intensity", cookie: a.cookie },
  {
    name: "POST /api/intensity",
    method: "POST",
    path: "/api/intensity",
    body: { value: 4 },
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
    ...(c.body ? { body: JSON.stringify(c.body) } : {}),
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
