import { type ChildProcess, spawn } from "node:child_process";
import { openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * How production runs Mend (`npm start`): the compiled server, one Node.js process. The bench
 * bundles it itself (build.ts) so that it never touches anyone's dist/.
 */
export const mendCommand = (bundled: string) => [
  process.execPath,
  "--enable-source-maps",
  bundled,
  "serve",
];
/** The baseline, bundled and started the same way: a bare Fastify route. */
export const bareCommand = (bundled: string) => [process.execPath, "--enable-source-maps", bundled];

export interface Server {
  name: string;
  base: string;
  pid: number;
  stop(): Promise<void>;
}

/** A port nobody listens on now (the OS picks it), for a server started next. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts a server in its own process group (so it stops as one, with any helper it starts),
 * its standard error kept in `logDir` for when it fails; resolves once `readyPath` answers 200.
 */
export async function startServer(options: {
  name: string;
  command: string[];
  port: number;
  env: Record<string, string>;
  readyPath: string;
  logDir: string;
}): Promise<Server> {
  const [program, ...args] = options.command;
  if (!program) throw new Error("No command to start.");
  const log = join(options.logDir, `${options.name}.log`);
  const child = spawn(program, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env, PORT: String(options.port), HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", openSync(log, "w")],
    detached: true,
  });
  const base = `http://127.0.0.1:${options.port}`;
  const server: Server = {
    name: options.name,
    base,
    pid: child.pid ?? 0,
    stop: () => stopGroup(child),
  };
  try {
    await waitUntilReady(child, `${base}${options.readyPath}`);
  } catch (error) {
    await server.stop();
    const tail = readFileSync(log, "utf8").split("\n").slice(-15).join("\n");
    throw new Error(`${options.name} did not start: ${(error as Error).message}\n${tail}`);
  }
  return server;
}

async function waitUntilReady(child: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`it exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("no answer within 60 s");
}

/** SIGTERM to the group (a graceful stop), SIGKILL if it is still there after five seconds. */
export async function stopGroup(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const group = -child.pid;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  signalGroup(group, "SIGTERM");
  const timer = setTimeout(() => signalGroup(group, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(group, signal);
  } catch {
    // gone already
  }
}

/** Resident memory of one process, in bytes, as the kernel counts it. */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (!kib) throw new Error(`No resident size for process ${pid}.`);
  return Number(kib) * 1024;
}
