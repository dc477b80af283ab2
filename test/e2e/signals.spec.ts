import type { BrowserContext } from "@playwright/test";
import { expect, expectAccessible, meetCouple, test } from "./fixtures.ts";

/**
 * When to seek support, as two partners see it: a quick answer shared shows on the other's card
 * in words, a private one never does, and snoozing folds a card away for the one who chose to.
 */
test.describe("when to seek support", () => {
  let contexts: BrowserContext[] = [];
  test.afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });

  test("a shared answer reaches the partner's card, a private one does not, snooze folds", async ({
    browser,
  }) => {
    const { ida, jon } = await meetCouple(browser, contexts, "signals");

    const section = (page: typeof ida) =>
      page.getByRole("region", { name: "When to seek support" });
    const pushed = (page: typeof ida) =>
      section(page).getByRole("article", { name: "Feeling pushed to get over it" });

    await ida.goto("/support#signals");
    await expect(section(ida)).toContainText("Nothing here right now.");
    // Ida shares hers with Jon.
    const idaSays = section(ida)
      .getByRole("listitem")
      .filter({ hasText: "I feel pushed to move on" });
    await idaSays.getByRole("radio", { name: "Me and Jon" }).check();
    await idaSays.getByRole("button", { name: "Say this" }).click();
    await expect(pushed(ida)).toContainText("You said you feel pushed to move on");
    await expect(idaSays).toContainText("Jon sees it too.");

    // Jon keeps his own private.
    await jon.goto("/support#signals");
    await expect(pushed(jon)).toContainText("Your partner shared that they feel pushed to move on");
    const jonSays = section(jon)
      .getByRole("listitem")
      .filter({ hasText: "I feel pushed to move on" });
    await expect(jonSays.getByRole("radio", { name: "Only me" })).toBeChecked();
    await jonSays.getByRole("button", { name: "Say this" }).click();
    await expect(pushed(jon)).toContainText("You said you feel pushed to move on");
    await expect(jonSays).toContainText("Only you see it.");
    await expectAccessible(jon, "support signals");

    await ida.reload();
    await expect(pushed(ida)).toBeVisible();
    await expect(pushed(ida)).not.toContainText("Your partner");

    // Home shows a short note while a card is open; snoozing folds it, for Ida alone.
    await ida.goto("/");
    await expect(section(ida)).toContainText("Feeling pushed to get over it.");
    await ida.getByRole("link", { name: "See why, and one next step" }).click();
    await pushed(ida).getByRole("button", { name: "For a week" }).click();
    await expect(pushed(ida)).toHaveCount(0);
    await expect(section(ida)).toContainText(/Feeling pushed to get over it: snoozed until \w+/);
    await ida.goto("/");
    await expect(ida.getByRole("region", { name: "Today's check" })).toBeVisible();
    await expect(section(ida)).toHaveCount(0);
    await jon.reload();
    await expect(pushed(jon)).toBeVisible();

    // Taking one's answer back takes it off the card.
    await jonSays.getByRole("button", { name: "Take it back" }).click();
    await expect(pushed(jon)).not.toContainText("You said");
    await expect(pushed(jon)).toContainText("Your partner shared");
  });
});
