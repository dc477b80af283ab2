import { defineConfig } from "@playwright/test";

const port = Number(process.env.MEND_E2E_PORT ?? 4789);

export default defineConfig({
  testDir: "test/e2e",
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "off",
    screenshot: "only-on-failure",
  },
  webServer: {
    command: "npx tsx test/e2e/serve.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: { MEND_E2E_PORT: String(port) },
  },
});
