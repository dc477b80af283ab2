import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { transform } from "esbuild";
import type { Plugin, ResolvedConfig } from "vite";
import { integrityOf } from "./subresource-integrity.ts";

/** Where the browser finds the worker: at the root, so its scope is the whole app. */
export const SERVICE_WORKER_FILE = "sw.js";

const SOURCE = fileURLToPath(new URL("../src/web/app/service-worker.ts", import.meta.url));

/** What of the public folder belongs to the shell: the favicon and the installed app's icons. */
const PUBLIC_SHELL = [/^favicon\.svg$/, /^icons\/[\w-]+\.png$/];

/**
 * Writes the service worker (src/web/app/service-worker.ts) into the bundle as /sw.js, with
 * this build's shell named in it: every hashed file under assets/, and the favicon and icons.
 *
 * It is added while the bundle is still open, before the integrity plugin runs, so the worker
 * is pinned, its hash printed and its compressed copies written like every other script's
 * (ADR 0015). A browser checks no integrity on a service worker itself: like index.html, the
 * worker is a root of trust, which is why it is small and the hash of every build's is printed.
 */
export function serviceWorker(): Plugin {
  let config: ResolvedConfig;
  return {
    name: "mend:service-worker",
    apply: "build",
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle: {
      // After Vite has written the one stylesheet into the bundle.
      order: "post",
      async handler(_options, bundle) {
        const shell = new Map<string, string | Uint8Array>();
        for (const [fileName, output] of Object.entries(bundle)) {
          if (!fileName.startsWith("assets/")) continue;
          shell.set(`/${fileName}`, output.type === "chunk" ? output.code : output.source);
        }
        for (const file of filesUnder(config.publicDir)) {
          if (PUBLIC_SHELL.some((pattern) => pattern.test(file))) {
            shell.set(`/${file}`, readFileSync(join(config.publicDir, file)));
          }
        }
        const stylesheets = [...shell].filter(([path]) => path.endsWith(".css"));
        const [stylesheet] = stylesheets;
        if (!stylesheet || stylesheets.length > 1) {
          this.error(
            `The offline page needs the app's one stylesheet; found ${stylesheets.length}.`,
          );
        }
        const paths = [...shell.keys()].sort();
        const version = createHash("sha256");
        for (const path of paths) version.update(path).update(shell.get(path) ?? "");
        const { code } = await transform(readFileSync(SOURCE, "utf8"), {
          loader: "ts",
          format: "iife",
          target: "es2022",
          sourcefile: "service-worker.ts",
          define: {
            SHELL_FILES: JSON.stringify(paths),
            SHELL_VERSION: JSON.stringify(version.digest("base64url").slice(0, 16)),
            STYLESHEET: JSON.stringify({
              href: stylesheet[0],
              integrity: integrityOf(stylesheet[1]),
            }),
          },
        });
        this.emitFile({ type: "asset", fileName: SERVICE_WORKER_FILE, source: code });
      },
    },
  };
}

function filesUnder(root: string, dir = ""): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(root, path) : [path];
  });
}
