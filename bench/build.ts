import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { REPO_ROOT } from "./processes.ts";

/** Builds the web app into a folder of the bench's own, so no one else's dist/ is touched. */
export function buildWeb(outDir: string): void {
  execFileSync("npx", ["vite", "build", "--outDir", outDir, "--emptyOutDir"], {
    cwd: REPO_ROOT,
    stdio: "ignore",
  });
}

/**
 * Bundles `entry` with the esbuild flags of `npm run build:server` (production's build), into
 * `outfile` beside a link to the project's node_modules, where the bundle's packages are found.
 */
export function bundle(entry: string, outfile: string): void {
  const { scripts } = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const script = scripts["build:server"];
  if (!script?.startsWith("esbuild ")) throw new Error("npm run build:server is not esbuild.");
  const flags = script
    .split(/\s+/)
    .filter((arg) => arg.startsWith("--") && !arg.startsWith("--outfile="));
  mkdirSync(dirname(outfile), { recursive: true });
  const modules = join(dirname(outfile), "node_modules");
  if (!existsSync(modules)) symlinkSync(join(REPO_ROOT, "node_modules"), modules);
  execFileSync("npx", ["esbuild", entry, ...flags, `--outfile=${outfile}`], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export interface InitialJs {
  files: Array<{ file: string; bytes: number; gzipBytes: number }>;
  gzipBytes: number;
}

/** Static imports of a built chunk: `import … from "./x.js"` and `import "./x.js"`, not `import()`. */
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.\/[\w.-]+\.js)["']/g;

/**
 * The JavaScript a first visit loads before anything is lazy: the scripts and module preloads
 * index.html names, and everything they import statically, each counted once, gzipped.
 */
export function initialJs(webDir: string): InitialJs {
  const html = readFileSync(join(webDir, "index.html"), "utf8");
  const entries = (html.match(/<(?:script|link)\b[^>]*>/g) ?? []).flatMap((tag) => {
    const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
    const url = tag.startsWith("<script")
      ? attribute("src")
      : attribute("rel") === "modulepreload"
        ? attribute("href")
        : undefined;
    return url ? [url.replace(/^\//, "")] : [];
  });
  const seen = new Set<string>();
  const queue = [...entries];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file) || !existsSync(join(webDir, file))) continue;
    seen.add(file);
    const code = readFileSync(join(webDir, file), "utf8");
    const folder = file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "";
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(`${folder}${(m[1] ?? "").slice(2)}`);
  }
  const files = [...seen].map((file) => {
    const bytes = readFileSync(join(webDir, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}
