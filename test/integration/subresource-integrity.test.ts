import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Subresource Integrity of the built web app, on a real `vite build` of its own (into a
 * temporary folder: dist/web is built after the unit and integration tests, and may be in use).
 * Every hash is taken here from the bytes as written, never from the plugin.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
let outDir = "";
let stdout = "";
let html = "";

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), "mend-sri-"));
  const env = { ...process.env };
  // A build as `npm run build` makes it, not under the test runner's mode.
  delete env.NODE_ENV;
  delete env.VITEST;
  delete env.VITEST_MODE;
  const vite = join(root, "node_modules/vite/bin/vite.js");
  const args = [vite, "build", "--outDir", outDir, "--emptyOutDir"];
  ({ stdout } = await promisify(execFile)(process.execPath, args, { cwd: root, env }));
  html = readFileSync(join(outDir, "index.html"), "utf8");
}, 120_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const sha384 = (file: string) =>
  `sha384-${createHash("sha384")
    .update(readFileSync(join(outDir, file)))
    .digest("base64")}`;

/** Every file of the build, as a path under the web root ("assets/index-….js"). */
function builtFiles(dir = outDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? builtFiles(join(dir, entry.name))
      : [relative(outDir, join(dir, entry.name)).split("\\").join("/")],
  );
}

type Tag = { name: string; attrs: Map<string, string>; body: string; at: number };

function tagsOf(page: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of page.matchAll(/<(script|link)\b([^>]*)>(?:([^<]*)<\/script>)?/gi)) {
    const attrs = new Map<string, string>();
    for (const attr of (match[2] ?? "").matchAll(/([^\s"'=/>]+)(?:\s*=\s*"([^"]*)")?/g)) {
      attrs.set((attr[1] ?? "").toLowerCase(), attr[2] ?? "");
    }
    const name = (match[1] ?? "").toLowerCase();
    tags.push({ name, attrs, body: match[3] ?? "", at: match.index });
  }
  return tags;
}

const fileOf = (url: string) => url.replace(/^\//, "");

function loads(tag: Tag): boolean {
  if (tag.name === "script") return tag.attrs.has("src");
  const rel = (tag.attrs.get("rel") ?? "").split(/\s+/);
  return rel.includes("stylesheet") || rel.includes("modulepreload") || rel.includes("preload");
}

function importMap(): { tag: Tag; integrity: Record<string, string> } {
  const maps = tagsOf(html).filter((tag) => tag.attrs.get("type") === "importmap");
  expect(maps, "one import map in index.html").toHaveLength(1);
  const [tag] = maps as [Tag];
  return { tag, integrity: JSON.parse(tag.body).integrity ?? {} };
}

describe("Subresource Integrity of the build", () => {
  it("pins every script, module preload and stylesheet of index.html to its bytes", () => {
    const loaded = tagsOf(html).filter(loads);
    expect(loaded.filter((tag) => tag.name === "script").length).toBeGreaterThan(0);
    expect(loaded.filter((tag) => tag.attrs.get("rel") === "modulepreload").length).toBeGreaterThan(
      0,
    );
    for (const tag of loaded) {
      const url = tag.attrs.get("src") ?? tag.attrs.get("href") ?? "";
      expect(url, `${tag.name} loads a file of this build`).toMatch(/^\/[^/]/);
      expect(tag.attrs.get("integrity"), `integrity of ${url}`).toBe(sha384(fileOf(url)));
      expect(tag.attrs.has("crossorigin"), `crossorigin on ${url}`).toBe(true);
    }
  });

  it("has no inline script but the import map (the CSP allows it by hash alone)", () => {
    const inline = tagsOf(html).filter((tag) => tag.name === "script" && !tag.attrs.has("src"));
    expect(inline.map((tag) => tag.attrs.get("type"))).toEqual(["importmap"]);
  });

  it("pins every JavaScript file in the import map, before anything loads a module", () => {
    const { tag, integrity } = importMap();
    const scripts = builtFiles().filter((file) => /\.m?js$/.test(file));
    expect(scripts.length).toBeGreaterThan(0);
    expect(Object.keys(integrity).sort()).toEqual(scripts.map((file) => `/${file}`).sort());
    for (const file of scripts) expect(integrity[`/${file}`], file).toBe(sha384(file));
    const firstLoad = Math.min(
      ...tagsOf(html)
        .filter(loads)
        .map((other) => other.at),
    );
    expect(tag.at).toBeLessThan(firstLoad);
  });

  it("links every stylesheet from index.html, so none is added later unpinned", () => {
    const linked = tagsOf(html)
      .filter((tag) => tag.attrs.get("rel") === "stylesheet")
      .map((tag) => fileOf(tag.attrs.get("href") ?? ""));
    expect(linked.sort()).toEqual(
      builtFiles()
        .filter((file) => file.endsWith(".css"))
        .sort(),
    );
  });

  it("builds the key worker as one pinned file that imports nothing", () => {
    // Started from a screen loaded on demand, so looked for in every script of the build.
    const worker = builtFiles()
      .filter((file) => /\.m?js$/.test(file))
      .map(
        (file) =>
          readFileSync(join(outDir, file), "utf8").match(/assets\/derive\.worker-[\w-]+\.js/)?.[0],
      )
      .find(Boolean);
    expect(worker, "a script of the build starts the key worker").toBeDefined();
    const file = worker ?? "";
    expect(importMap().integrity[`/${file}`]).toBe(sha384(file));
    const source = readFileSync(join(outDir, file), "utf8");
    expect(source).not.toMatch(/\bimport\s*[({*"'`]|\bfrom\s*["'`]/);
  });

  it("prints every file's hash and the import map's CSP hash at the end of the build", () => {
    const { tag } = importMap();
    const cspHash = `'sha256-${createHash("sha256").update(tag.body, "utf8").digest("base64")}'`;
    expect(stdout).toContain("Subresource Integrity:");
    expect(stdout).toMatch(new RegExp(`import map \\(CSP script-src\\)\\s+${literally(cspHash)}`));
    for (const file of builtFiles().filter((name) => /\.(m?js|css|html)$/.test(name))) {
      expect(stdout).toMatch(new RegExp(`${literally(file)}\\s+${literally(sha384(file))}`));
    }
  });
});

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("the served page's CSP", () => {
  it("allows the build's import map by its hash, and no other inline script", async () => {
    const { buildApp } = await import("../../src/server/app.ts");
    const { loadConfig } = await import("../../src/server/config.ts");
    const { openTestDatabase } = await import("../support/test-app.ts");
    const { database, drop } = await openTestDatabase();
    const app = await buildApp({
      config: loadConfig({ MEND_WEB_DIR: outDir }),
      database,
      logger: false,
    });
    try {
      const page = await app.inject({ method: "GET", url: "/" });
      const csp = String(page.headers["content-security-policy"]);
      const map = /<script type="importmap">([^<]*)<\/script>/.exec(page.body)?.[1] ?? "";
      expect(map).not.toBe("");
      const hash = `'sha256-${createHash("sha256").update(map, "utf8").digest("base64")}'`;
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1]?.split(" ") ?? [];
      expect(scriptSrc.sort()).toEqual(["'self'", "'wasm-unsafe-eval'", hash].sort());
      expect(csp).toContain("worker-src 'self' blob:");
      expect(csp).not.toContain("unsafe-inline");
      // A script the page asks for and the build lacks is 404, never the page in its place.
      const missing = await app.inject({ method: "GET", url: "/assets/index-gone.js" });
      expect(missing.statusCode).toBe(404);
      expect(String(missing.headers["content-type"])).not.toContain("text/html");
    } finally {
      await app.close();
      await drop();
    }
  });
});
