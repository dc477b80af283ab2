import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Plugin, ResolvedConfig } from "vite";

/** What the first page may cost (issue 11): its JavaScript, gzipped, in bytes. */
export const INITIAL_JS_BUDGET = 150_000;

export interface InitialJavaScript {
  files: Array<{ file: string; bytes: number; gzipBytes: number }>;
  gzipBytes: number;
}

const TAG = /<(script|link)\b([^>]*)>/gi;
/** `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"`; never `import(…)`. */
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.\/[\w.-]+\.js)["']/g;

const attribute = (attrs: string, name: string) =>
  new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, "i").exec(attrs)?.[1];

/**
 * `files` (paths inside `webDir`) and everything they import statically, each counted once, at
 * gzip's level 9 (the `.gz` the server sends): what runs once they are loaded.
 */
export function withStaticImports(webDir: string, files: readonly string[]): InitialJavaScript {
  const queue = [...files];
  const seen = new Set<string>();
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file) || !existsSync(join(webDir, file))) continue;
    seen.add(file);
    const folder = file.slice(0, file.lastIndexOf("/") + 1);
    for (const [, spec = ""] of readFileSync(join(webDir, file), "utf8").matchAll(STATIC_IMPORT)) {
      queue.push(folder + spec.slice(2));
    }
  }
  const weighed = [...seen].map((file) => {
    const bytes = readFileSync(join(webDir, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  return { files: weighed, gzipBytes: weighed.reduce((sum, file) => sum + file.gzipBytes, 0) };
}

/**
 * The JavaScript a first visit runs before anything is loaded lazily: the scripts and module
 * preloads index.html names, and everything they import statically.
 */
export function initialJavaScript(webDir: string): InitialJavaScript {
  const html = readFileSync(join(webDir, "index.html"), "utf8");
  const named: string[] = [];
  for (const [, name = "", attrs = ""] of html.matchAll(TAG)) {
    const isScript = name.toLowerCase() === "script";
    const loadsModule = isScript || attribute(attrs, "rel") === "modulepreload";
    const url = attribute(attrs, isScript ? "src" : "href");
    if (loadsModule && url) named.push(url.replace(/^\//, ""));
  }
  return withStaticImports(webDir, named);
}

/** Says at the end of the build what the first page's JavaScript weighs, against its budget. */
export function reportInitialJavaScript(): Plugin {
  let config: ResolvedConfig;
  return {
    name: "mend:initial-javascript",
    apply: "build",
    configResolved(resolved) {
      config = resolved;
    },
    writeBundle: {
      order: "post",
      handler(options) {
        const dir = options.dir ?? config.build.outDir;
        if (!existsSync(join(dir, "index.html"))) return;
        const { files, gzipBytes } = initialJavaScript(dir);
        const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
        const verdict = gzipBytes <= INITIAL_JS_BUDGET ? "within" : "OVER";
        config.logger.info(
          `\nInitial JavaScript: ${kB(gzipBytes)} gzipped in ${files.length} files, ${verdict} its budget of ${kB(INITIAL_JS_BUDGET)}.\n`,
        );
      },
    },
  };
}
