import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Plugin, ResolvedConfig } from "vite";

/**
 * Subresource Integrity for the built web app.
 *
 * index.html is the one root of trust: every script, module preload and stylesheet it names
 * carries `integrity="sha384-…"` (and `crossorigin`), and an import map's `integrity` section
 * pins every JavaScript file of the build, so a module the page imports later (statically or
 * with `import()`) is refused too unless its bytes match. The worker is built as one file (see
 * vite.config.ts) and pinned in the same map; browsers check neither an attribute nor the
 * page's import map when `new Worker(url)` loads it, so the page must fetch it with that
 * integrity itself. The import map is inline (browsers take no other kind), so the CSP's
 * script-src must allow it by the hash this build prints.
 *
 * At the end of `vite build` every file's hash is printed, and the files as written are
 * hashed again: a plugin changing a file after its hash was taken fails the build.
 */
export function subresourceIntegrity(): Plugin {
  let config: ResolvedConfig;
  let pinned: Pin[] = [];

  return {
    name: "mend:subresource-integrity",
    apply: "build",
    enforce: "post",
    configResolved(resolved) {
      config = resolved;
      // The import map's keys and the page's URLs are paths from the site's root.
      if (!config.base.startsWith("/")) {
        throw new Error(
          `subresource-integrity needs base to start with "/" (it is "${config.base}").`,
        );
      }
    },
    generateBundle: {
      order: "post",
      handler(_options, bundle) {
        const files = new Map<string, string>();
        for (const [fileName, output] of Object.entries(bundle)) {
          if (!SCRIPT.test(fileName) && !STYLE.test(fileName)) continue;
          files.set(fileName, integrityOf(output.type === "chunk" ? output.code : output.source));
        }
        pinned = [];
        for (const [fileName, output] of Object.entries(bundle)) {
          if (output.type !== "asset" || !fileName.endsWith(".html")) continue;
          const html = typeof output.source === "string" ? output.source : utf8(output.source);
          const page = pinPage(html, files, config.base, fileName);
          output.source = page.html;
          pinned.push(...page.pins);
          pinned.push({ fileName, integrity: integrityOf(page.html), kind: "page" });
        }
        for (const [fileName, integrity] of files) {
          if (!pinned.some((pin) => pin.fileName === fileName)) {
            pinned.push({ fileName, integrity, kind: STYLE.test(fileName) ? "style" : "script" });
          }
        }
      },
    },
    writeBundle: {
      order: "post",
      async handler(options) {
        const outDir = options.dir ?? config.build.outDir;
        for (const pin of pinned) {
          if (pin.kind === "csp") continue;
          const written = integrityOf(await readFile(join(outDir, pin.fileName)));
          if (written !== pin.integrity) {
            this.error(
              `${pin.fileName} changed after its integrity was taken (${pin.integrity}, written ${written}).`,
            );
          }
        }
        config.logger.info(table(pinned));
      },
    },
  };
}

type Pin = {
  fileName: string;
  integrity: string;
  kind: "page" | "script" | "style" | "csp";
};

const SCRIPT = /\.m?js$/;
const STYLE = /\.css$/;

/** The integrity metadata of some bytes, as an `integrity` attribute takes it. */
export function integrityOf(content: string | Uint8Array): string {
  return `sha384-${createHash("sha384").update(content).digest("base64")}`;
}

/** A CSP source allowing one inline script by its hash. */
export function cspHashOf(script: string): string {
  return `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;
}

const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/**
 * Pins one page: integrity on every script, module preload and stylesheet it loads, and the
 * import map before the first of them. Anything it loads that the build did not make (another
 * host, a file from public/) is refused: its bytes are not known here, so it cannot be pinned.
 */
function pinPage(
  html: string,
  files: Map<string, string>,
  base: string,
  page: string,
): { html: string; pins: Pin[] } {
  const pins: Pin[] = [];
  let firstLoad = -1;
  const out = html.replace(TAG, (tag: string, name: string, rest: string, at: number) => {
    const attrs = attributesOf(rest);
    const isScript = name.toLowerCase() === "script";
    const rel = (attrs.get("rel") ?? "").toLowerCase().split(/\s+/);
    const as = (attrs.get("as") ?? "").toLowerCase();
    const url = isScript ? attrs.get("src") : attrs.get("href");
    const loads = isScript
      ? true
      : rel.includes("stylesheet") ||
        rel.includes("modulepreload") ||
        (rel.includes("preload") && (as === "script" || as === "style"));
    if (!loads) return tag;
    if (url === undefined) {
      throw new Error(
        `${page}: an inline <script> is not allowed (the CSP forbids inline script; the import map is written by this plugin).`,
      );
    }
    const fileName = fileOf(url, base);
    const integrity = fileName === null ? undefined : files.get(fileName);
    if (fileName === null || integrity === undefined) {
      throw new Error(
        `${page}: ${tag} loads ${url}, which this build did not make; it cannot be pinned.`,
      );
    }
    const existing = attrs.get("integrity");
    if (existing !== undefined && existing !== integrity) {
      throw new Error(
        `${page}: ${url} says integrity="${existing}" but its bytes are ${integrity}.`,
      );
    }
    if (firstLoad === -1) firstLoad = at;
    pins.push({ fileName, integrity, kind: STYLE.test(fileName) ? "style" : "script" });
    let added = "";
    if (existing === undefined) added += ` integrity="${integrity}"`;
    if (!attrs.has("crossorigin")) added += " crossorigin";
    const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
    return tag.slice(0, close).trimEnd() + added + tag.slice(close);
  });

  const integrity: Record<string, string> = {};
  for (const [fileName, hash] of files) {
    if (SCRIPT.test(fileName)) integrity[base + fileName] = hash;
  }
  const importMap = JSON.stringify({ integrity });
  pins.push({
    fileName: "import map (CSP script-src)",
    integrity: cspHashOf(importMap),
    kind: "csp",
  });
  const tag = `<script type="importmap">${importMap}</script>\n    `;
  const at = firstLoad === -1 ? out.indexOf("</head>") : firstLoad;
  if (at === -1) throw new Error(`${page}: no <head> to put the import map in.`);
  return { html: out.slice(0, at) + tag + out.slice(at), pins };
}

const TAG = /<(script|link)\b([^>]*)>/gi;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributesOf(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1]?.toLowerCase();
    if (name) attrs.set(name, match[2] ?? match[3] ?? match[4] ?? "");
  }
  return attrs;
}

/** The output file a same-origin URL names, or null for another host. */
function fileOf(url: string, base: string): string | null {
  if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) return null;
  const path = url.split(/[?#]/)[0] ?? "";
  if (path.startsWith(base)) return path.slice(base.length);
  return path.replace(/^\.?\//, "");
}

function table(pins: Pin[]): string {
  const order = { page: 0, csp: 1, script: 2, style: 3 } as const;
  const rows = [...pins].sort(
    (a, b) => order[a.kind] - order[b.kind] || a.fileName.localeCompare(b.fileName),
  );
  const unique = rows.filter(
    (pin, i) => rows.findIndex((other) => other.fileName === pin.fileName) === i,
  );
  const width = Math.max(...unique.map((pin) => pin.fileName.length));
  const lines = unique.map((pin) => `  ${pin.fileName.padEnd(width)}  ${pin.integrity}`);
  return `\nSubresource Integrity:\n${lines.join("\n")}\n`;
}

/**
 * For a worker built as one file: `const { a, b } = await import("x")` keeps only `a` and `b`
 * of "x". Inlined, a dynamic import becomes a namespace object holding every export of "x"
 * (rolldown then shakes none of them off: all of hash-wasm instead of its Argon2id). Each such
 * import is pointed at a module re-exporting just the names it takes; any other form is left
 * alone, only bigger.
 */
export function narrowInlinedImports(): Plugin {
  const PREFIX = "\0narrowed:";
  const DESTRUCTURED = /\{([^{}]*)\}\s*=\s*await\s+import\(\s*(["'])([^"'`]+)\2\s*\)/g;
  const NAME = /^([A-Za-z_$][\w$]*)(?:\s*:\s*[A-Za-z_$][\w$]*)?$/;
  return {
    name: "mend:narrow-inlined-imports",
    enforce: "pre",
    async transform(code, id) {
      if (id.includes("/node_modules/") || !code.includes("import(")) return null;
      let out = "";
      let last = 0;
      for (const match of code.matchAll(DESTRUCTURED)) {
        const [whole, list = "", quote = "", spec = ""] = match;
        const names = list
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean)
          .map((part) => NAME.exec(part)?.[1]);
        if (names.length === 0 || names.some((name) => name === undefined)) continue;
        const target = await this.resolve(spec, id);
        if (!target || target.external) continue;
        const narrowed = `${PREFIX}${names.join(",")}:${target.id}`;
        const at = match.index + whole.lastIndexOf(`${quote}${spec}${quote}`);
        out += code.slice(last, at) + JSON.stringify(narrowed);
        last = at + spec.length + 2;
      }
      return last === 0 ? null : { code: out + code.slice(last), map: null };
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? id : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const rest = id.slice(PREFIX.length);
      const colon = rest.indexOf(":");
      return `export { ${rest.slice(0, colon)} } from ${JSON.stringify(rest.slice(colon + 1))};`;
    },
  };
}
