import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../support/mend-process.ts";
import { testDatabaseKind } from "../support/test-app.ts";

const dir = mkdtempSync(join(tmpdir(), "mend-compiled-"));
// Inside the project, so the bundle finds its packages in node_modules as dist/server/ does.
const out = mkdtempSync(join(process.cwd(), ".tmp-compiled-"));
let server: ChildProcess | null = null;
afterAll(() => {
  server?.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe.skipIf(testDatabaseKind() !== "sqlite")("the compiled server", () => {
  it("is one Node.js process that serves from JavaScript, with no TypeScript at run time", async () => {
    const outfile = join(out, "mend.js");
    // The same options as `npm run build:server`.
    await build({
      entryPoints: ["src/cli/main.ts"],
      bundle: true,
      platform: "node",
      format: "esm",
      packages: "external",
      target: "node20",
      outfile,
      logLevel: "warning",
    });
    const port = await freePort();
    const child = spawn(process.execPath, [outfile, "serve"], {
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: `sqlite:${join(dir, "mend.sqlite")}`,
        MEND_WEB_DIR: "",
        MEND_LOG_LEVEL: "silent",
      },
      stdio: "ignore",
    });
    server = child;
    let health = 0;
    for (let attempt = 0; attempt < 100 && health !== 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      health = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (res) => res.status,
        () => 0,
      );
    }
    expect(health).toBe(200);
    // No second process, as running through tsx made.
    const parents = execFileSync("ps", ["-e", "-o", "ppid="], { encoding: "utf8" })
      .split("\n")
      .map((line) => Number(line.trim()));
    expect(parents.filter((parent) => parent === child.pid)).toEqual([]);
  });
});
