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

/**
 * Fails on any serious or critical accessibility violation of the current screen, once it has
 * settled: a button caught halfway through its colour transition (a live change re-rendering
 * under the pointer) has a contrast no one ever reads, and would fail the scan by chance.
 * Animations nobody can see (a brick settling into a wall inside a closed <details>) are put to
 * rest at once: Chromium never settles their `finished`, and waiting on them would hang.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const settled = page
    .evaluate(async () => {
      const running = document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY);
      for (const animation of running) {
        const target = (animation.effect as KeyframeEffect | null)?.target;
        if (target && !target.checkVisibility()) animation.finish();
      }
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
    })
    .catch(() => undefined);
  // Bounded here, not in the page, whose timers a fixed "today" replaces.
  await Promise.race([settled, new Promise((done) => setTimeout(done, 3000))]);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    `accessibility of ${screen}`,
  ).toEqual([]);
}

export const PASSWORD = "a calm and patient evening";

/**
 * Fills in sign-up on the current page (the sign-up page, or an invite's), waits while the keys
 * are made, keeps the recovery code as a person would (it is shown once) and goes on.
 */
export async function signUp(page: Page, name: string, email: string): Promise<string> {
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: /create/i }).click();
  await expect(page.getByRole("heading", { name: "Keep your recovery code" })).toBeVisible({
    timeout: 20_000,
  });
  const code = (await page.locator(".recovery-code__value code").textContent()) ?? "";
  expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
  const go = page.getByRole("button", { name: "Continue" });
  await expect(go).toBeDisabled();
  await page.getByLabel("I have kept my recovery code somewhere safe.").check();
  await go.click();
  return code;
}

/** Two partners, each in a browser of their own: Ida on a phone, Jon at a desk. */
export interface Couple {
  ida: Page;
  jon: Page;
}

/**
 * A fresh couple, joined and at Home: Ida signs up on a phone and invites, Jon joins at a desk
 * through her link. Each context is added to `contexts`, for the caller to close.
 */
export async function meetCouple(
  browser: Browser,
  contexts: BrowserContext[],
  tag: string,
): Promise<Couple> {
  const stamp = `${tag}.${Date.now()}`;
  const phone = await newContext(browser, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const desk = await newContext(browser, { viewport: { width: 1280, height: 800 } });
  contexts.push(phone, desk);
  const ida = await phone.newPage();
  const jon = await desk.newPage();
  await ida.goto("/signup");
  await signUp(ida, "Ida", `ida.${stamp}@example.org`);
  await ida.getByRole("radio", { name: /^Both of us/ }).check();
  await ida.getByRole("button", { name: "Continue" }).click();
  const invite = new URL(await ida.getByLabel("Invite link for your partner").inputValue());
  await jon.goto(`${invite.pathname}${invite.hash}`);
  await signUp(jon, "Jon", `jon.${stamp}@example.org`);
  await jon.getByRole("radio", { name: /^Both of us/ }).check();
  await jon.getByRole("button", { name: "Join Ida" }).click();
  await expect(jon.getByRole("heading", { name: "Needs you" })).toBeVisible();
  return { ida, jon };
}
