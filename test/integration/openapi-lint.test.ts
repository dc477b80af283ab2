import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_ROUTES } from "../../src/contracts/api.ts";
import { ERROR_STATUS } from "../../src/contracts/errors.ts";
import { pathOf, type Route } from "../../src/contracts/route.ts";
import { errors } from "../../src/server/platform/errors.ts";
import { makeCouple } from "../support/factories.ts";
import { Client, makeTestApp, type TestApp } from "../support/test-app.ts";

/**
 * The API description as the server generates it, judged by a linter no one here wrote:
 * Redocly's recommended rules (redocly.yaml, ADR 0024) find no error and no warning in it.
 */
const ROOT = resolve(import.meta.dirname, "../..");
const REDOCLY = join(ROOT, "node_modules/.bin/redocly");

interface Operation {
  operationId?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ in: string; name: string }>;
  responses: Record<string, { headers?: Record<string, unknown>; links?: Record<string, unknown> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
}
interface LintProblem {
  ruleId: string;
  severity: string;
  message: string;
  location: Array<{ pointer: string }>;
}
interface LintReport {
  totals: { errors: number; warnings: number };
  problems: LintProblem[];
}

let t: TestApp;
let dir: string;
let document: Document;

beforeAll(async () => {
  t = await makeTestApp();
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const answer = await fetch(new URL("/api/openapi.json", origin()));
  expect(answer.status).toBe(200);
  document = (await answer.json()) as Document;
  dir = mkdtempSync(join(tmpdir(), "mend-openapi-"));
});
afterAll(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function origin(): string {
  const address = t.app.server.address();
  if (address === null || typeof address === "string") throw new Error("not listening");
  return `http://127.0.0.1:${address.port}`;
}

/** Redocly's verdict on the document; it exits 1 when it finds errors, so its output is read either way. */
function lint(file: string): Promise<LintReport> {
  const args = ["lint", file, `--config=${join(ROOT, "redocly.yaml")}`, "--format=json"];
  const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
  return new Promise((done, fail) => {
    execFile(REDOCLY, args, { cwd: ROOT, env, timeout: 20_000 }, (error, stdout, stderr) => {
      try {
        done(JSON.parse(stdout) as LintReport);
      } catch {
        fail(new Error(`redocly gave no report (${error?.message ?? "no error"}):\n${stderr}`));
      }
    });
  });
}

const templateOf = (route: Route) => route.path.replace(/:(\w+)/g, "{$1}");
const operationOf = (route: Route) =>
  document.paths[templateOf(route)]?.[route.method.toLowerCase()];
const operations = () => Object.values(document.paths).flatMap((path) => Object.values(path));
const needsSession = (route: Route) => (operationOf(route)?.security ?? []).length > 0;

describe("the API description", () => {
  it("passes Redocly's recommended rules with no error and no warning", async () => {
    const file = join(dir, "openapi.json");
    writeFileSync(file, JSON.stringify(document));
    const report = await lint(file);
    const problems = report.problems
      .map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`)
      .join("\n");
    expect(report.totals, problems).toEqual({ errors: 0, warnings: 0, ignored: 0 });
  }, 30_000);

  it("holds every declared call, each under an operationId of its own", () => {
    const missing = ALL_ROUTES.filter((route) => !operationOf(route)).map(
      (route) => `${route.method} ${route.path}`,
    );
    expect(missing).toEqual([]);
    const ids = operations().map((operation) => operation.operationId);
    expect(ids.every((id) => typeof id === "string" && id !== "")).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operations()).toHaveLength(ALL_ROUTES.length);
  });

  it("keeps the hidden routes hidden", () => {
    expect(Object.keys(document.paths)).not.toContain("/api/health");
    expect(Object.keys(document.paths)).not.toContain("/api/openapi.json");
  });

  it("says which calls need the session as a signed-out caller finds it", async () => {
    const stranger = new Client(t.app);
    const reads = ALL_ROUTES.filter(
      (route) =>
        route.method === "GET" && !route.path.includes(":") && !route.query?.safeParse({}).error,
    );
    expect(reads.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    for (const route of reads) {
      const { status } = await stranger.get(route.path);
      if ((status === 401) !== needsSession(route)) wrong.push(`${route.path} answered ${status}`);
    }
    expect(wrong).toEqual([]);
  });

  it("names the ETag and the 304 where a call answers them, as the call does", async () => {
    const conditional = ALL_ROUTES.filter((route) => route.etag);
    expect(conditional.length).toBeGreaterThan(0);
    const { a } = await makeCouple(t.app);
    for (const route of conditional) {
      const operation = operationOf(route);
      expect(operation?.parameters?.map((p) => `${p.in} ${p.name}`)).toContain(
        "header if-none-match",
      );
      expect(Object.keys(operation?.responses["200"]?.headers ?? {})).toEqual(["ETag"]);
      expect(operation?.responses).toHaveProperty("304");
      const first = await a.client.get(pathOf(route));
      const tag = String(first.headers.etag ?? "");
      expect(tag).not.toBe("");
      const again = await a.client.request("GET", pathOf(route), undefined, {
        "if-none-match": tag,
      });
      expect(again.status).toBe(304);
    }
  });

  it("links a paged list's answer to the page before it", () => {
    const paged = ALL_ROUTES.filter((route) => route.paged);
    expect(paged.length).toBeGreaterThan(0);
    for (const route of paged) {
      const operation = operationOf(route);
      expect(operation?.parameters?.map((p) => `${p.in} ${p.name}`)).toContain("query before");
      expect(operation?.responses["200"]?.links).toEqual({
        earlier: expect.objectContaining({
          operationId: operation?.operationId,
          parameters: { before: "$response.body#/earlier" },
        }),
      });
    }
  });

  it("gives each error code the status the server answers it with", async () => {
    const raised = [
      errors.invalid({ field: "x" }),
      errors.unauthenticated(),
      errors.wrongCredentials(),
      errors.wrongRecoveryCode(),
      errors.wrongPassword(),
      errors.forbiddenOrigin(),
      errors.notFound(),
      errors.conflict("email_taken", "x"),
      errors.rateLimited(1),
      errors.secondFactorRequired(),
      errors.wrongCode(),
      errors.busy(),
    ];
    for (const error of raised)
      expect([error.code, error.status]).toEqual([error.code, ERROR_STATUS[error.code]]);
    const stranger = new Client(t.app);
    const answers = [
      await stranger.request("POST", "/api/auth/login", "{", {
        "content-type": "application/json",
      }),
      await stranger.request("POST", "/api/auth/login", "x", { "content-type": "application/xml" }),
      await stranger.request("POST", "/api/auth/login", "x".repeat(70 * 1024), {
        "content-type": "application/json",
      }),
      await stranger.get("/api/nowhere"),
    ];
    const seen = answers.map((answer) => {
      const { code } = answer.json<{ error: { code: keyof typeof ERROR_STATUS } }>().error;
      return [code, answer.status, ERROR_STATUS[code]];
    });
    expect(seen).toEqual([
      ["invalid_json", 400, 400],
      ["unsupported_media_type", 415, 415],
      ["too_large", 413, 413],
      ["not_found", 404, 404],
    ]);
  });
});
