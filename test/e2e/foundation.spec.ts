import type { Browser, BrowserContext } from "@playwright/test";
import { expect, expectAccessible, newContext, signUp, test } from "./fixtures.ts";

async function newPartner(browser: Browser, viewport = { width: 390, height: 844 }) {
  const context = await newContext(browser, { viewport });
  const page = await context.newPage();
  return { context, page };
}

test.describe("two partners, from sign-up to moving between phases", () => {
  let contexts: BrowserContext[] = [];
  test.afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });

  test("start a couple, join by invite, agree, move forward together and step back", async ({
    browser,
  }) => {
    const stamp = Date.now();
    const alex = await newPartner(browser);
    const sam = await newPartner(browser, { width: 1280, height: 800 });
    contexts = [alex.context, sam.context];

    // A signed-out visit asks nothing it knows will be refused: no console error at all.
    const errors: string[] = [];
    alex.page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await alex.page.goto("/");
    await expectAccessible(alex.page, "landing");
    await alex.page.goto("/signin");
    await expect(alex.page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    expect(errors).toEqual([]);
    await expect(alex.page).toHaveTitle(/Mend/);

    await alex.page.goto("/signup");
    await signUp(alex.page, "Alex", `alex.${stamp}@example.org`);
    await expect(alex.page.getByRole("heading", { name: "Where do you stand?" })).toBeVisible();
    await expectAccessible(alex.page, "start");
    await alex.page.getByRole("radio", { name: /I was hurt/ }).check();
    await alex.page.getByRole("button", { name: "Continue" }).click();

    const inviteField = alex.page.getByLabel("Invite link for your partner");
    await expect(inviteField).toBeVisible();
    await expectAccessible(alex.page, "invite");
    const inviteUrl = await inviteField.inputValue();
    // The space key's secret travels after #k=, which no server ever receives.
    expect(inviteUrl).toMatch(/\/join\/[\w-]{20,}#k=[\w-]{43}$/);
    const invite = new URL(inviteUrl);

    // A link cut short by a message app says what happened instead of failing later.
    await sam.page.goto(invite.pathname);
    await expect(
      sam.page.getByRole("heading", { name: "This invite link arrived incomplete" }),
    ).toBeVisible();
    await expectAccessible(sam.page, "join, link without its key");

    await sam.page.goto(`${invite.pathname}${invite.hash}`);
    await expect(sam.page.getByRole("heading", { name: "Alex invited you to Mend" })).toBeVisible();
    await expectAccessible(sam.page, "join, signed out");
    await signUp(sam.page, "Sam", `sam.${stamp}@example.org`);
    await sam.page.getByRole("radio", { name: /I broke trust/ }).check();
    await expectAccessible(sam.page, "join, stance");
    await sam.page.getByRole("button", { name: "Join Alex" }).click();
    await expect(sam.page.getByText(/You and Alex are both here/)).toBeVisible();
    await expectAccessible(sam.page, "home");
    await expect(sam.page.getByText(/I was hurt/)).toHaveCount(0);

    // Reopening the link already accepted leads home, not to "this link doesn't work".
    await sam.page.goto(`${invite.pathname}${invite.hash}`);
    await expect(sam.page).toHaveURL(/\/$/);
    await expect(sam.page.getByRole("heading", { name: /Hello, Sam/ })).toBeVisible();

    await alex.page.goto("/agreements");
    await expectAccessible(alex.page, "agreements, empty");
    await alex.page.getByRole("radio", { name: "When and how we talk" }).check();
    await alex.page
      .getByLabel("The agreement")
      .fill("We talk about it only before 21:00, at the kitchen table.");
    await alex.page.getByRole("button", { name: "Propose agreement" }).click();
    await expect(
      alex.page.getByText("We talk about it only before 21:00, at the kitchen table."),
    ).toBeVisible();

    await sam.page.goto("/agreements");
    const card = sam.page.getByRole("article").filter({ hasText: "kitchen table" });
    await expect(card).toBeVisible();
    await expectAccessible(sam.page, "agreements, waiting for an answer");
    await card.getByRole("button", { name: "Accept" }).click();
    await expect(sam.page.getByRole("heading", { name: /In place \(1\)/ })).toBeVisible();

    await alex.page.goto("/path");
    await expectAccessible(alex.page, "path");
    await alex.page
      .getByLabel("Anything you'd like to say about it?")
      .fill("The evenings are calmer now.");
    await alex.page.getByRole("button", { name: /Suggest moving on to/ }).click();
    await expect(alex.page.getByText(/Waiting for Sam/)).toBeVisible();

    await sam.page.goto("/");
    await expect(sam.page.getByText("The evenings are calmer now.")).toBeVisible();
    await sam.page.getByRole("button", { name: /Yes, move on to/ }).click();
    await expect(
      sam.page.getByText(/You're in Make meaning|now both in Make meaning/).first(),
    ).toBeVisible();

    await sam.page.goto("/path");
    await sam.page.getByRole("radio", { name: "Stabilize" }).check();
    await sam.page
      .getByLabel("What makes you want to step back?")
      .fill("A hard week; we need calm first.");
    await sam.page.getByRole("button", { name: /step back/i }).click();
    await alex.page.goto("/path");
    await expect(alex.page.getByText("A hard week; we need calm first.")).toBeVisible();
    await expectAccessible(alex.page, "path with history");
  });

  test("quick exit is on every page, leaves at once and replaces the history entry", async ({
    browser,
  }) => {
    const { context, page } = await newPartner(browser);
    contexts = [context];
    await context.route("https://duckduckgo.com/**", (route) =>
      route.fulfill({
        status: 200,
        contentType: "text/html",
        body: "<title>Weather</title><p>Sunny</p>",
      }),
    );
    await page.goto("/signin");
    await page.goto("/signup");
    const exit = page.getByRole("button", { name: /quick exit/i });
    await expect(exit).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(exit).toBeFocused();
    await exit.click();
    await expect(page).toHaveURL(/duckduckgo\.com/);
    await page.goBack();
    expect(page.url()).not.toContain("/signup");

    await page.goto("/signin");
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
    await expect(page).toHaveURL(/duckduckgo\.com/);
  });
});
