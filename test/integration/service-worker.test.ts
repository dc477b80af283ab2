import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVICE_WORKER_FILE } from "../../build/service-worker.ts";
import { SERVICE_WORKER_PATH } from "../../src/server/platform/web-assets.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

/**
 * The service worker of a real `vite build` (ADR 0025), as the server sends it and as it
 * behaves: its script is run here in a scope of its own whose `fetch` is the real app, so what
 * it keeps, and what it refuses to touch, is what a browser's copy would do.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
const ORIGIN = "http://127.0.0.1:4390";
let outDir = "";
let bare = "";
let testApp: TestApp;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), "mend-sw-"));
  const env = { ...process.env };
  // A build as `npm run build` makes it, not under the test runner's mode.
  delete env.NODE_ENV;
  delete env.VITEST;
  delete env.VITEST_MODE;
  const vite = join(root, "node_modules/vite/bin/vite.js");
  const args = [vite, "build", "--outDir", outDir, "--emptyOutDir"];
  await promisify(execFile)(process.execPath, args, { cwd: root, env });
  testApp = await makeTestApp({ MEND_WEB_DIR: outDir });
  // A web folder with the page and no worker, as a build without one would leave it.
  bare = mkdtempSync(join(tmpdir(), "mend-sw-bare-"));
  copyFileSync(join(outDir, "index.html"), join(bare, "index.html"));
}, 120_000);

afterAll(async () => {
  await testApp?.close();
  for (const dir of [outDir, bare]) if (dir) rmSync(dir, { recursive: true, force: true });
});

function builtFiles(dir = outDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? builtFiles(join(dir, entry.name))
      : [relative(outDir, join(dir, entry.name)).split("\\").join("/")],
  );
}

interface Asked {
  path: string;
  credentials: string | undefined;
  setCookie: boolean;
}

type Listener = (event: unknown) => void;

/**
 * The built worker in a scope of its own: its caches in memory, its `fetch` answered by the
 * real app (or failing, as with no network), its events dispatched by hand.
 */
function startWorker(options: { caches?: string[] } = {}) {
  const listeners = new Map<string, Listener>();
  const stores = new Map<string, Map<string, Response>>();
  for (const name of options.caches ?? []) stores.set(name, new Map());
  const asked: Asked[] = [];
  const state = { offline: false, claimed: false };

  const cacheNamed = (name: string) => {
    let store = stores.get(name);
    if (!store) {
      store = new Map();
      stores.set(name, store);
    }
    const entries = store;
    return {
      put: async (path: string, response: Response) => {
        entries.set(new URL(path, ORIGIN).pathname, response);
      },
      match: async (path: string) => entries.get(new URL(path, ORIGIN).pathname)?.clone(),
    };
  };
  const caches = {
    open: async (name: string) => cacheNamed(name),
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
  };
  const fetch = async (input: string | { url: string }, init?: { credentials?: string }) => {
    if (state.offline) throw new TypeError("Failed to fetch");
    const url = new URL(typeof input === "string" ? input : input.url, ORIGIN);
    const answer = await testApp.app.inject({ method: "GET", url: url.pathname + url.search });
    asked.push({
      path: url.pathname,
      credentials: init?.credentials,
      setCookie: answer.headers["set-cookie"] !== undefined,
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined) headers.set(name, String(value));
    }
    return new Response(new Uint8Array(answer.rawPayload), { status: answer.statusCode, headers });
  };
  const self = {
    location: new URL(ORIGIN),
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
    skipWaiting: async () => {},
    clients: {
      claim: async () => {
        state.claimed = true;
      },
    },
    registration: { navigationPreload: { enable: async () => {} } },
  };
  const code = readFileSync(join(outDir, SERVICE_WORKER_FILE), "utf8");
  runInNewContext(code, { self, caches, fetch, Response, Headers, URL });

  const dispatch = async (type: string, event: object) => {
    const waits: Array<Promise<unknown>> = [];
    const listener = listeners.get(type);
    if (!listener) throw new Error(`The worker does not listen for ${type}.`);
    listener({ ...event, waitUntil: (work: Promise<unknown>) => waits.push(work) });
    await Promise.all(waits);
  };

  /** What the worker answers for a GET, or null when it leaves the request to the browser. */
  const request = async (path: string, init: { mode?: string; method?: string } = {}) => {
    let answer: Promise<Response> | null = null;
    await dispatch("fetch", {
      request: { url: new URL(path, ORIGIN).href, method: init.method ?? "GET", mode: init.mode },
      preloadResponse: Promise.resolve(undefined),
      respondWith: (response: Promise<Response>) => {
        answer = response;
      },
    });
    return answer === null ? null : await (answer as Promise<Response>);
  };

  return { dispatch, request, stores, asked, state };
}

describe("serving the service worker", () => {
  it("sends it from its one address as JavaScript, asked about on every visit", async () => {
    expect(SERVICE_WORKER_PATH).toBe(`/${SERVICE_WORKER_FILE}`);
    const worker = await testApp.app.inject({ method: "GET", url: SERVICE_WORKER_PATH });
    expect(worker.statusCode).toBe(200);
    expect(worker.headers["cache-control"]).toBe("no-cache");
    expect(String(worker.headers["content-type"])).toBe("text/javascript; charset=utf-8");
    expect(worker.rawPayload.equals(readFileSync(join(outDir, SERVICE_WORKER_FILE)))).toBe(true);
  });

  it("answers a missing worker with a 404, never the page in its place", async () => {
    const withoutWorker = await makeTestApp({ MEND_WEB_DIR: bare });
    try {
      const missing = await withoutWorker.app.inject({ method: "GET", url: SERVICE_WORKER_PATH });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe("not_found");
      const page = await withoutWorker.app.inject({ method: "GET", url: "/talks" });
      expect(String(page.headers["content-type"])).toContain("text/html");
    } finally {
      await withoutWorker.close();
    }
  });
});

describe("the service worker", () => {
  it("keeps exactly the shell: every hashed asset, the favicon and the icons", async () => {
    const worker = startWorker();
    await worker.dispatch("install", {});
    const [cache, ...others] = [...worker.stores.values()];
    expect(others).toHaveLength(0);
    const shell = builtFiles()
      .filter((file) => /^(assets\/|icons\/.+\.png$|favicon\.svg$)/.test(file))
      .filter((file) => !/\.(br|gz)$/.test(file))
      .map((file) => `/${file}`);
    expect(shell.some((path) => path.endsWith(".css"))).toBe(true);
    expect([...(cache?.keys() ?? [])].sort()).toEqual(shell.sort());
    // Asked without cookies, and none of the answers kept sets one.
    expect(worker.asked.map((asked) => asked.path).sort()).toEqual(shell.sort());
    for (const asked of worker.asked) {
      expect(asked.credentials, asked.path).toBe("omit");
      expect(asked.setCookie, asked.path).toBe(false);
    }
  });

  it("leaves the API, the calendar feed and every write to the network, untouched", async () => {
    const worker = startWorker();
    await worker.dispatch("install", {});
    const before = worker.asked.length;
    for (const path of ["/api/me", "/api", "/calendar/some-feed.ics", "/api/auth/login"]) {
      expect(await worker.request(path), path).toBeNull();
      expect(await worker.request(path, { mode: "navigate" }), `${path} opened`).toBeNull();
    }
    const [asset = ""] = [...(worker.stores.values().next().value?.keys() ?? [])];
    expect(await worker.request(asset, { method: "POST" })).toBeNull();
    expect(await worker.request("https://elsewhere.example/assets/x.js")).toBeNull();
    expect(worker.asked.length).toBe(before);
  });

  it("answers the shell from its cache, and pages from the network", async () => {
    const worker = startWorker();
    await worker.dispatch("install", {});
    const stylesheet = builtFiles().find((file) => /^assets\/.+\.css$/.test(file)) ?? "";
    worker.state.offline = true;
    const kept = await worker.request(`/${stylesheet}`);
    expect(kept?.status).toBe(200);
    expect(Buffer.from(await (kept as Response).arrayBuffer())).toEqual(
      readFileSync(join(outDir, stylesheet)),
    );

    worker.state.offline = false;
    const page = await worker.request("/talks", { mode: "navigate" });
    expect(page?.status).toBe(200);
    expect(await page?.text()).toBe(readFileSync(join(outDir, "index.html"), "utf8"));
    expect(worker.asked.at(-1)?.path).toBe("/talks");
  });

  it("offline, answers a page with the offline page: no script, the kept stylesheet", async () => {
    const worker = startWorker();
    await worker.dispatch("install", {});
    worker.state.offline = true;
    const offline = await worker.request("/talks?week=2", { mode: "navigate" });
    expect(offline?.status).toBe(503);
    expect(offline?.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(offline?.headers.get("cache-control")).toBe("no-store");
    const csp = offline?.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("script-src");
    const html = (await offline?.text()) ?? "";
    expect(html).toContain("You're offline");
    expect(html).toContain("Nothing you write is stored on this device");
    expect(html).not.toMatch(/<script\b/i);
    const link = /<link rel="stylesheet" href="([^"]+)" integrity="([^"]+)"/.exec(html);
    const kept = [...(worker.stores.values().next().value?.keys() ?? [])];
    expect(kept).toContain(link?.[1]);
    const pinned = readFileSync(join(outDir, "index.html"), "utf8");
    expect(pinned).toContain(`href="${link?.[1]}" integrity="${link?.[2]}"`);
  });

  it("on taking over, deletes every other cache and takes charge of open pages", async () => {
    const worker = startWorker({ caches: ["mend-shell-an-older-build", "anything-else"] });
    await worker.dispatch("install", {});
    await worker.dispatch("activate", {});
    const names = [...worker.stores.keys()];
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^mend-shell-/);
    expect(names[0]).not.toBe("mend-shell-an-older-build");
    expect(worker.state.claimed).toBe(true);
  });

  it("names its cache after every byte of the shell, so a changed build fills a new one", async () => {
    const worker = startWorker();
    await worker.dispatch("install", {});
    const [name = "", store] = [...worker.stores.entries()][0] ?? [];
    const version = createHash("sha256");
    for (const path of [...(store?.keys() ?? [])].sort()) {
      version.update(path).update(readFileSync(join(outDir, path)));
    }
    expect(name).toBe(`mend-shell-${version.digest("base64url").slice(0, 16)}`);
  });
});
