import { existsSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, test as base, chromium, expect, type Page } from "@playwright/test";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(chromiumPath);

if (!haveChromium && !process.env.CI) {
  process.stderr.write(
    `\nBrowser tests skipped: no Chromium at ${chromiumPath}.\n` +
      "Install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH.\n\n",
  );
}

/** Flags for a headless Chromium on a machine with no outside network. */
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const test = base.extend<object, { sharedBrowser: Browser }>({
  sharedBrowser: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      if (!haveChromium) {
        if (process.env.CI) throw new Error(`CI needs Chromium at ${chromiumPath}`);
        base.skip(true, "no Chromium");
      }
      const browser = await chromium.launch({ executablePath: chromiumPath, args: ARGS });
      await use(browser);
      await browser.close();
    },
    { scope: "worker" },
  ],
  browser: async ({ sharedBrowser }, use) => {
    await use(sharedBrowser);
  },
});

export { expect };

/** Fails on any serious or critical accessibility violation of the current screen. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    `accessibility of ${screen}`,
  ).toEqual([]);
}
