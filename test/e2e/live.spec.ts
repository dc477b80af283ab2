import type { BrowserContext } from "@playwright/test";
import { expect, expectAccessible, newContext, signUp, test } from "./fixtures.ts";

/**
 * Two partners, each with Home open: what one does that both may see reaches the other's screen
 * by the one live channel, in seconds and without a reload, and "Needs you" says what waits.
 */
test.describe("two open screens, one truth", () => {
  let contexts: BrowserContext[] = [];
  test.afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });

  test("a proposal and its withdrawal reach the other's open Home, listed under Needs you", async ({
    browser,
  }) => {
    const stamp = Date.now();
    const ida = await newContext(browser, { viewport: { width: 390, height: 844 } });
    const jon = await newContext(browser, { viewport: { width: 1280, height: 800 } });
    contexts = [ida, jon];
    const a = await ida.newPage();
    const b = await jon.newPage();

    await a.goto("/signup");
    await signUp(a, "Ida", `ida.${stamp}@example.org`);
    await a.getByRole("radio", { name: /Both of us/ }).check();
    await a.getByRole("button", { name: "Continue" }).click();
    const invite = new URL(await a.getByLabel("Invite link for your partner").inputValue());
    await b.goto(`${invite.pathname}${invite.hash}`);
    await signUp(b, "Jon", `jon.${stamp}@example.org`);
    await b.getByRole("radio", { name: /Both of us/ }).check();
    await b.getByRole("button", { name: "Join Ida" }).click();
    await expect(b.getByRole("heading", { name: "Needs you" })).toBeVisible();
    await expect(b.getByText("Nothing waits for you right now.")).toBeVisible();

    await a.goto("/agreements");
    await a.getByRole("radio", { name: "When and how we talk" }).check();
    await a.getByLabel("The agreement").fill("We talk after dinner, never in bed.");
    await a.getByRole("button", { name: "Propose agreement" }).click();

    // No reload on Jon's side: the live channel tells his open Home.
    const waiting = b.getByRole("link", { name: "An agreement waiting for your answer" });
    await expect(waiting).toBeVisible({ timeout: 10_000 });
    await expectAccessible(b, "home, needs you");

    await a.getByRole("button", { name: /withdraw/i }).click();
    await expect(waiting).toHaveCount(0, { timeout: 10_000 });
    await expect(b.getByText("Nothing waits for you right now.")).toBeVisible();
  });

  test("the talk itself: an agenda from the parking lot, turns with a summing-up, a calm end", async ({
    browser,
  }) => {
    const stamp = Date.now();
    const ida = await newContext(browser, { viewport: { width: 390, height: 844 } });
    contexts = [ida];
    const a = await ida.newPage();
    await a.goto("/signup");
    await signUp(a, "Ida", `ida.talk.${stamp}@example.org`);
    await a.getByRole("radio", { name: /Both of us/ }).check();
    await a.getByRole("button", { name: "Continue" }).click();
    await expect(a.getByLabel("Invite link for your partner")).toBeVisible();

    await a.goto("/parking-lot");
    await a.getByLabel("What would you like to talk about?").fill("How we spend Sundays");
    await a.getByRole("button", { name: "Park it for our next talk" }).click();
    await expect(a.getByText("How we spend Sundays")).toBeVisible();

    await a.goto("/talk");
    const begin = a.getByRole("button", { name: "Begin" });
    await expect(begin).toBeDisabled();
    await a.getByLabel("How we spend Sundays").click();
    await expect(a.getByLabel("How we spend Sundays")).toBeChecked();
    await begin.click();
    await expect(a.getByRole("timer")).toHaveText(/minutes left/);
    await expect(a.getByText("You speak")).toBeVisible();
    await expectAccessible(a, "talk, a turn");
    await a.getByRole("button", { name: /summed it up/ }).click();
    await a.getByRole("button", { name: /Switch/ }).click();
    await expect(a.getByText("You listen")).toBeVisible();
    await a.getByRole("button", { name: "End the talk" }).click();
    await expect(a.getByRole("heading", { name: "Thank you for talking" })).toBeVisible();
    await a.getByRole("button", { name: "We talked about it" }).click();
    await expect(a.getByText("Talked about.", { exact: true })).toBeVisible();

    await a.goto("/parking-lot");
    await expect(a.getByRole("heading", { name: /Talked about \(1\)/ })).toBeVisible();
  });
});
