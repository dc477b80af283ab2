import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  INITIAL_JS_BUDGET,
  initialJavaScript,
  withStaticImports,
} from "../../build/initial-javascript.ts";
import { COMPRESSIBLE } from "../../build/precompress.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

/**
 * The built web app as the server sends it, on a real `vite build` of its own (in a temporary
 * folder: dist/web is built later by `npm test`, and may be in use). One build serves both
 * halves: what the build writes (the first page's weight, the pre-compressed copies) and how
 * the real app answers for it (content coding, caching, the not-found answer).
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
let outDir = "";
let testApp: TestApp;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), "mend-web-assets-"));
  const env = { ...process.env };
  // A build as `npm run build` makes it, not under the test runner's mode.
  delete env.NODE_ENV;
  delete env.VITEST;
  delete env.VITEST_MODE;
  const vite = join(root, "node_modules/vite/bin/vite.js");
  const args = [vite, "build", "--outDir", outDir, "--emptyOutDir"];
  await promisify(execFile)(process.execPath, args, { cwd: root, env });
  testApp = await makeTestApp({ MEND_WEB_DIR: outDir });
}, 120_000);

afterAll(async () => {
  await testApp?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Every file of the build, as a path under the web root ("assets/index-….js"). */
function builtFiles(dir = outDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? builtFiles(join(dir, entry.name))
      : [relative(outDir, join(dir, entry.name)).split("\\").join("/")],
  );
}

const bytesOf = (file: string) => readFileSync(join(outDir, file));

/** The entry script index.html starts: a hashed file under /assets/. */
function entryScript(): string {
  const src = /<script type="module"[^>]*\ssrc="\/([^"]+)"/.exec(bytesOf("index.html").toString());
  expect(src?.[1], "index.html starts a module").toMatch(/^assets\/.+\.js$/);
  return src?.[1] ?? "";
}

const get = (url: string, headers: Record<string, string> = {}) =>
  testApp.app.inject({ method: "GET", url, headers });

/** The bytes a response stands for, undoing the coding it says it used. */
function decoded(response: LightMyRequestResponse): Buffer {
  const coding = response.headers["content-encoding"];
  if (coding === "br") return brotliDecompressSync(response.rawPayload);
  if (coding === "gzip") return gunzipSync(response.rawPayload);
  expect(coding, "no other content coding").toBeUndefined();
  return response.rawPayload;
}

const varies = (response: LightMyRequestResponse) =>
  String(response.headers.vary ?? "")
    .toLowerCase()
    .split(/\s*,\s*/);

describe("the build", () => {
  it(`keeps the first page's JavaScript within ${INITIAL_JS_BUDGET / 1000} kB gzipped`, () => {
    const initial = initialJavaScript(outDir);
    const entry = entryScript();
    expect(initial.files.map((file) => file.file)).toContain(entry);
    const listing = initial.files.map((file) => `${file.file} ${file.gzipBytes}`).join(", ");
    expect(initial.gzipBytes, `initial JavaScript: ${listing}`).toBeLessThanOrEqual(
      INITIAL_JS_BUDGET,
    );
  });

  it("leaves the API client, its contracts and validation out of the first page", () => {
    // A signed-out visitor asks the API nothing before the page is up; zod alone would take
    // a sixth of the budget. Its classes are named in its code; the contracts name their paths.
    for (const { file } of initialJavaScript(outDir).files) {
      const code = bytesOf(file).toString();
      expect(code, file).not.toContain("$ZodType");
      expect(code, file).not.toContain("/api/auth/prelogin");
    }
  });

  it("shows the sign-in form without the API client, its contracts or validation", () => {
    // They come when the form is first touched (ADR 0030): on a slow phone, building zod's
    // schemas held the main thread longer than everything else the page runs.
    const screen = builtFiles().filter((file) => /^assets\/sign-in-[\w-]{8}\.js$/.test(file));
    expect(screen).toHaveLength(1);
    const loaded = withStaticImports(outDir, screen).files.map((file) => file.file);
    expect(
      loaded.some((file) => file.includes("sign-in-form")),
      loaded.join(", "),
    ).toBe(true);
    for (const file of loaded) {
      const code = bytesOf(file).toString();
      expect(code, file).not.toContain("$ZodType");
      expect(code, file).not.toContain("/api/auth/prelogin");
    }
  });

  it("shows Home without the charts' code", () => {
    // Home draws no chart, and uPlot's setting-up held a phone's main thread for ~25 ms. A
    // helper the charts' chunk imports is pulled into that chunk with all it imports, which
    // once made every screen load the charts (Rolldown's groups take dependencies along).
    const screen = builtFiles().filter((file) => /^assets\/home-[\w-]{8}\.js$/.test(file));
    expect(screen).toHaveLength(1);
    const loaded = withStaticImports(outDir, screen).files.map((file) => file.file);
    expect(loaded.length).toBeGreaterThan(1);
    for (const file of loaded) expect(bytesOf(file).toString(), file).not.toContain("u-legend");
  });

  it("writes a brotli and a gzip copy beside every compressible file, decoding to its bytes", () => {
    const files = builtFiles();
    const compressible = files.filter((file) => COMPRESSIBLE.test(file));
    expect(compressible).toContain("index.html");
    expect(compressible.filter((file) => file.endsWith(".js")).length).toBeGreaterThan(3);
    for (const file of compressible) {
      const original = bytesOf(file);
      expect(files, file).toContain(`${file}.br`);
      expect(files, file).toContain(`${file}.gz`);
      expect(brotliDecompressSync(bytesOf(`${file}.br`)).equals(original), `${file}.br`).toBe(true);
      expect(gunzipSync(bytesOf(`${file}.gz`)).equals(original), `${file}.gz`).toBe(true);
    }
  });
});

describe("serving the build", () => {
  it("answers brotli to a browser that takes it, with Vary, and the page uncached", async () => {
    const page = await get("/", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-encoding"]).toBe("br");
    expect(varies(page)).toContain("accept-encoding");
    expect(page.headers["cache-control"]).toBe("no-cache");
    expect(String(page.headers["content-type"])).toContain("text/html");
    expect(decoded(page).equals(bytesOf("index.html"))).toBe(true);
    expect(page.rawPayload.length).toBeLessThan(bytesOf("index.html").length);
  });

  it("answers gzip where brotli is not taken, and the file as it is where neither is", async () => {
    const entry = `/${entryScript()}`;
    const gzipOnly = await get(entry, { "accept-encoding": "gzip" });
    expect(gzipOnly.headers["content-encoding"]).toBe("gzip");
    expect(decoded(gzipOnly).equals(bytesOf(entryScript()))).toBe(true);

    const brotliRefused = await get(entry, { "accept-encoding": "br;q=0, gzip;q=0.8" });
    expect(brotliRefused.headers["content-encoding"]).toBe("gzip");

    const neither: Array<Record<string, string>> = [{}, { "accept-encoding": "identity" }];
    for (const headers of neither) {
      const plain = await get(entry, headers);
      expect(plain.statusCode).toBe(200);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      // A cache must not hand this plain copy to a browser that takes brotli.
      expect(varies(plain)).toContain("accept-encoding");
      expect(plain.rawPayload.equals(bytesOf(entryScript()))).toBe(true);
    }
  });

  it("lets browsers keep hashed assets for a year without asking again", async () => {
    const entry = await get(`/${entryScript()}`, { "accept-encoding": "br" });
    expect(entry.statusCode).toBe(200);
    expect(entry.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(String(entry.headers["content-type"])).toMatch(/javascript/);
    const stylesheet = builtFiles().find((file) => /^assets\/.+\.css$/.test(file));
    expect(stylesheet).toBeDefined();
    const style = await get(`/${stylesheet}`, { "accept-encoding": "br" });
    expect(style.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(style.headers["content-encoding"]).toBe("br");
  });

  it("answers every page of the app with index.html, never kept without asking", async () => {
    for (const url of ["/talks", "/reset/some-token", "/index.html"]) {
      const page = await get(url, { "accept-encoding": "gzip" });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers["cache-control"], url).toBe("no-cache");
      expect(decoded(page).equals(bytesOf("index.html")), url).toBe(true);
    }
  });

  it("answers an unchanged copy with 304, by the ETag of the coding it was sent in", async () => {
    const first = await get("/", { "accept-encoding": "br" });
    const etag = String(first.headers.etag ?? "");
    expect(etag).not.toBe("");
    const again = await get("/", { "accept-encoding": "br", "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    const otherCoding = await get("/", { "accept-encoding": "gzip", "if-none-match": etag });
    expect(otherCoding.statusCode).toBe(200);
    expect(otherCoding.headers.etag).not.toBe(etag);
  });

  it("answers a missing asset with the API's 404, never the page in its place", async () => {
    for (const url of ["/assets/index-gone.js", "/assets/nothing.css?v=1"]) {
      const missing = await get(url, { "accept-encoding": "br" });
      expect(missing.statusCode, url).toBe(404);
      expect(String(missing.headers["content-type"]), url).toContain("application/json");
      expect(missing.json(), url).toEqual({
        error: { code: "not_found", message: expect.any(String) },
      });
    }
    const api = await get("/api/nothing-here");
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe("not_found");
  });

  it("still sends the CSP that allows the served page's import map by its hash", async () => {
    const page = await get("/", { "accept-encoding": "br" });
    const map = /<script type="importmap">([^<]*)<\/script>/.exec(decoded(page).toString());
    expect(map?.[1]).toBeDefined();
    const hash = createHash("sha256")
      .update(map?.[1] ?? "", "utf8")
      .digest("base64");
    expect(String(page.headers["content-security-policy"])).toContain(`'sha256-${hash}'`);
  });
});
