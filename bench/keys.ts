import { type ChildProcess, spawn } from "node:child_process";
import { chromium } from "playwright-core";

/**
 * What sealed words cost a person at the door: sign-up (Argon2id in a worker, then the keys and
 * the recovery code) and sign-in, timed in Chromium on a CPU slowed 4× (a mid-range phone), each
 * as a ratio to loading the sign-in page in the same run. Nothing here asserts a time. Needs a
 * build (`npm run build`) and Debian's Chromium; `BENCH_ROUNDS` sets the rounds (default 5).
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PORT = process.env.BENCH_PORT ?? "4781";
const base = `http://127.0.0.1:${PORT}`;
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The e2e server (a fresh database, the demo seeded), in its own process group to stop as one. */
function serve(): ChildProcess {
  return spawn("npx", ["tsx", "test/e2e/serve.ts"], {
    env: { ...process.env, MEND_E2E_PORT: PORT },
    stdio: "ignore",
    detached: true,
  });
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not start");
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const server = serve();
try {
  await waitForServer();
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
  const times = { page: [] as number[], signup: [] as number[], signin: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });

    let start = performance.now();
    await page.goto(`${base}/signin`, { waitUntil: "load" });
    await page.getByLabel("E-mail").waitFor();
    times.page.push(performance.now() - start);

    const email = `bench.${Date.now()}.${round}@example.org`;
    const password = "a long and quiet bench evening";
    await page.goto(`${base}/signup`);
    await page.getByLabel("Your name").fill("Bench");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    start = performance.now();
    await page.getByRole("button", { name: /create/i }).click();
    await page
      .getByRole("heading", { name: "Keep your recovery code" })
      .waitFor({ timeout: 60_000 });
    times.signup.push(performance.now() - start);

    await context.clearCookies();
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${base}/signin`);
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    start = performance.now();
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"), { timeout: 60_000 });
    times.signin.push(performance.now() - start);
    await context.close();
  }
  await browser.close();
  const page = median(times.page);
  process.stdout.write(
    `Mend key derivation in Chromium, CPU slowed 4×, median of ${ROUNDS} rounds\n` +
      "ratios against loading the sign-in page in the same run; lower is better\n\n" +
      `sign-up (Argon2id in a worker, keys, recovery code)  ×${(median(times.signup) / page).toFixed(1)}\n` +
      `sign-in (prelogin, Argon2id, open the key boxes)     ×${(median(times.signin) / page).toFixed(1)}\n`,
  );
} finally {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
}
