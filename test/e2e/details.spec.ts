import type { Browser, BrowserContext } from "@playwright/test";
import { DEMO_PEOPLE } from "../../src/cli/demo-seed.ts";
import { expect, newContext, signUp, test } from "./fixtures.ts";

const [, kai] = DEMO_PEOPLE;

async function signInAs(browser: Browser, person: (typeof DEMO_PEOPLE)[number]) {
  const context = await newContext(browser, { viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: `Hello, ${person.name}` })).toBeVisible();
  return { context, page };
}

/** The small things a couple would trip over, each on a phone. */
test.describe("details that matter", () => {
  let contexts: BrowserContext[] = [];
  test.afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });

  test("scale targets, offered visibilities and messages that stay on their screen", async ({
    browser,
  }) => {
    const { context, page } = await signInAs(browser, kai);
    contexts = [context];

    await page.goto("/intensity");
    const labels = page.locator(".scale__label");
    await expect(labels.first()).toBeVisible();
    expect(await labels.count()).toBeGreaterThanOrEqual(11);
    for (const box of await labels.evaluateAll((all) =>
      all.map((label) => label.getBoundingClientRect()),
    )) {
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    // The demo couple's therapist is linked, so sharing with her is offered.
    await expect(page.getByText("You, Robin and your therapist")).toBeVisible();

    // A confirmation belongs to the screen it was given on.
    await page.goto("/parking-lot");
    const mine = page.getByRole("article").filter({ hasText: "Raised by you" }).first();
    await mine.getByRole("button", { name: "Take it back" }).click();
    await mine.getByRole("button", { name: "Yes, take it back" }).click();
    await expect(page.locator(".toast__message")).toHaveText("Taken back.");
    await page.getByRole("link", { name: "Home", exact: true }).click();
    await expect(page.getByRole("heading", { name: /Hello, Kai/ })).toBeVisible();
    await expect(page.locator(".toast__message")).toHaveText("");
  });

  test("a concern about someone one listed can be parked for the next talk", async ({
    browser,
  }) => {
    const stamp = Date.now();
    const ida = await newContext(browser, { viewport: { width: 390, height: 844 } });
    const jon = await newContext(browser, { viewport: { width: 390, height: 844 } });
    contexts = [ida, jon];
    const a = await ida.newPage();
    const b = await jon.newPage();
    await a.goto("/signup");
    await signUp(a, "Ida", `ida.circle.${stamp}@example.org`);
    await a.getByRole("radio", { name: /Both of us/ }).check();
    await a.getByRole("button", { name: "Continue" }).click();
    const invite = new URL(await a.getByLabel("Invite link for your partner").inputValue());
    await b.goto(`${invite.pathname}${invite.hash}`);
    await signUp(b, "Jon", `jon.circle.${stamp}@example.org`);
    await b.getByRole("radio", { name: /Both of us/ }).check();
    await b.getByRole("button", { name: "Join Ida" }).click();
    await expect(b.getByRole("heading", { name: /Hello, Jon/ })).toBeVisible();

    await a.goto("/support");
    await a.getByRole("button", { name: "Add someone you talk to" }).click();
    await a.getByLabel("Name", { exact: true }).fill("Sam");
    await a.getByLabel("Who they are to you").fill("my sister");
    await a.getByRole("button", { name: /Add to my circle/ }).click();
    await expect(a.getByText("Sam", { exact: true })).toBeVisible();

    await b.goto("/support");
    await b.getByRole("button", { name: "Raise a concern" }).click();
    await b.getByLabel("What worries you?").fill("She tells my mother everything.");
    await b.getByRole("button", { name: "Share my concern" }).click();

    // Ida's open Home hears of it, and answers by talking it over rather than only removing.
    await a.goto("/");
    await expect(
      a.getByRole("link", { name: "Jon has a concern about someone you listed" }),
    ).toBeVisible({ timeout: 10_000 });
    await a.goto("/support");
    await a.getByRole("button", { name: "Let's talk about it" }).click();
    await expect(a.getByRole("button", { name: "Parked for your next talk" })).toBeDisabled();
    await a.goto("/parking-lot");
    await expect(a.getByText("Jon's concern about Sam")).toBeVisible();
  });
});
