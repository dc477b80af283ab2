import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

// A port of its own for each run, so two runs on one machine never meet; workers inherit it.
process.env.MEND_E2E_PORT ??= String(20_000 + Math.floor(Math.random() * 20_000));
const port = Number(process.env.MEND_E2E_PORT);

// Where the server tells the journeys what only an operator has: the database its commands run
// against, and the demo therapist's second-factor secret.
process.env.MEND_E2E_STATE_FILE ??= join(tmpdir(), `mend-e2e-${port}.json`);

// Under a fixed "today" (MEND_E2E_TODAY, an ISO instant), the server's clock and every browser
// context's run this far from the real one; fixed here once so all processes agree.
if (process.env.MEND_E2E_TODAY) {
  const today = Date.parse(process.env.MEND_E2E_TODAY);
  if (Number.isNaN(today)) throw new Error("MEND_E2E_TODAY must be an ISO date and time");
  process.env.MEND_E2E_CLOCK_OFFSET_MS ??= String(today - Date.now());
}
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(chromiumPath);

// Without a browser the journeys cannot run: say how to get one and skip, except in CI,
// where a missing browser is a failure (the launch below fails loudly).
if (!haveChromium && !process.env.CI) {
  process.stderr.write(
    `\nBrowser tests skipped: no Chromium at ${chromiumPath}.\n` +
      "Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.\n\n",
  );
}

export default defineConfig({
  testDir: "test/e2e",
  testIgnore: !haveChromium && !process.env.CI ? ["**/*"] : [],
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: chromiumPath,
      // A headless Chromium on a machine with no outside network.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "off",
    screenshot: "only-on-failure",
  },
  webServer: {
    command: "npx tsx test/e2e/serve.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: {
      MEND_E2E_PORT: String(port),
      MEND_E2E_CLOCK_OFFSET_MS: process.env.MEND_E2E_CLOCK_OFFSET_MS ?? "0",
      MEND_E2E_STATE_FILE: process.env.MEND_E2E_STATE_FILE,
    },
  },
});
