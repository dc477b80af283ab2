import AxeBuilder from "@axe-core/playwright";
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  expect,
  type Page,
  test,
} from "@playwright/test";
import { e2eNow } from "./today.ts";

export { expect, test };

/**
 * A fresh browser context (one person's browser) whose clock agrees with the server's: on the
 * machine's own day it is left alone; under a fixed "today" (MEND_E2E_TODAY) the page's clock
 * is installed at the same moment the server believes it is, and runs on from there.
 */
export async function newContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  if (process.env.MEND_E2E_TODAY) await context.clock.install({ time: e2eNow() });
  return context;
}

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
