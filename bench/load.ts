import { execFileSync, spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Load from outside Mend's process: wrk (Debian's package, installed on first use), one
 * thread and a fixed number of connections, reporting through a Lua `done` hook as one line
 * of JSON.
 */
export const CONNECTIONS = 10;

export interface LoadResult {
  requests: number;
  rps: number;
  p99Ms: number;
  /** Answers of 400 or more, and sockets that failed or timed out. */
  errors: number;
}

const REPORT = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"micros":%d,"p99":%d,"errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(99.0),
    e.connect + e.read + e.write + e.status + e.timeout))
end
`;

/** The wrk binary, installed with apt-get when it is missing; writes its report script. */
export function prepareWrk(workDir: string): { wrk: string; script: string } {
  if (spawnSync("which", ["wrk"]).status !== 0) {
    process.stdout.write("installing wrk (apt-get install -y wrk)…\n");
    const install = () => spawnSync("apt-get", ["install", "-y", "wrk"], { stdio: "ignore" });
    // A machine that never fetched Debian's package lists knows no wrk yet.
    if (install().status !== 0) {
      execFileSync("apt-get", ["update"], { stdio: "ignore" });
      if (install().status !== 0) throw new Error("apt-get could not install wrk.");
    }
  }
  const script = join(workDir, "report.lua");
  writeFileSync(script, REPORT);
  return { wrk: "wrk", script };
}

export async function load(
  tools: { wrk: string; script: string },
  options: { url: string; cookie?: string; seconds: number },
): Promise<LoadResult> {
  const args = [
    "-t1",
    `-c${CONNECTIONS}`,
    `-d${options.seconds}s`,
    // Slow answers are measured, not dropped: wrk's default gives up after two seconds.
    "--timeout",
    "30s",
    "-s",
    tools.script,
    ...(options.cookie ? ["-H", `cookie: ${options.cookie}`] : []),
    options.url,
  ];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(tools.wrk, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`wrk exited with ${code}`)),
    );
  });
  const line = output.split("\n").find((l) => l.startsWith('{"requests"'));
  if (!line) throw new Error(`wrk printed no report:\n${output}`);
  const report = JSON.parse(line) as {
    requests: number;
    micros: number;
    p99: number;
    errors: number;
  };
  return {
    requests: report.requests,
    rps: report.requests / (report.micros / 1e6),
    p99Ms: report.p99 / 1000,
    errors: report.errors,
  };
}

/**
 * Latencies of requests sent one at a time, each after `before()` has run (not timed): for an
 * answer the server would otherwise repeat from a cache, such as the home view.
 */
export async function oneAtATime(options: {
  url: string;
  cookie?: string;
  count: number;
  before: () => Promise<void>;
}): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < options.count; i++) {
    await options.before();
    const start = performance.now();
    const response = await fetch(options.url, {
      headers: options.cookie ? { cookie: options.cookie } : {},
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${options.url} answered ${response.status}`);
    latencies.push(performance.now() - start);
  }
  return latencies;
}
