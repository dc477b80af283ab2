import type { Browser, BrowserContext, Page } from "@playwright/test";
import { DEMO_PEOPLE } from "../../src/cli/demo-seed.ts";
import { expect, expectAccessible, newContext, test } from "./fixtures.ts";
import { e2eNow } from "./today.ts";

type DemoPerson = (typeof DEMO_PEOPLE)[number];

async function signIn(browser: Browser, person: DemoPerson, width = 390) {
  const context = await newContext(browser, {
    viewport: { width, height: 844 },
    timezoneId: "Europe/Berlin",
    locale: "en-GB",
  });
  const page = await context.newPage();
  await page.goto("/signin");
  // The browser lives in the server's "today", or every date on screen would mean another day.
  const browserNow = await page.evaluate(() => Date.now());
  expect(Math.abs(browserNow - e2eNow().getTime())).toBeLessThan(60_000);
  await page.getByLabel("E-mail").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: `Hello, ${person.name}` })).toBeVisible();
  return { context, page };
}

async function settled(page: Page) {
  await expect(page.locator(".loading")).toHaveCount(0);
}

const [robin, kai] = DEMO_PEOPLE;

test.describe("the demo couple", () => {
  let contexts: BrowserContext[] = [];
  test.afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });

  test("every Stabilize screen shows six weeks of history", async ({ browser }) => {
    const { context, page } = await signIn(browser, robin);
    contexts = [context];

    // Home: the next talk, the parking lot, agreements due, readiness.
    await settled(page);
    await expect(page.getByText(/You and Kai are both here/)).toBeVisible();
    await expect(page.getByRole("region", { name: "Next talk" })).toContainText(
      /Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Tomorrow/,
    );
    await expect(page.getByRole("region", { name: "Parking lot" })).toContainText(
      /\d+ topics? waiting/,
    );
    await expect(page.getByRole("region", { name: "Agreements" })).toContainText("Due for review");
    // Eight weeks into Rebuild: its tools lead instead of Make meaning's, the newest milestone
    // waits to be celebrated, and what waits for Robin comes from the couple's Rebuild work.
    await expect(
      page.getByRole("region", { name: "Rebuilding, one small promise at a time" }),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: "Understanding how it happened" })).toHaveCount(
      0,
    );
    await expect(page.getByRole("region", { name: "Fifty bricks" })).toContainText("Thank you");
    const needs = page.getByRole("region", { name: "Needs you" });
    await expect(
      needs.getByRole("link", { name: "Kai feels a setback is repaired: do you?" }),
    ).toBeVisible();
    await expect(needs.getByRole("link", { name: /^Did you see it\? Kai marked/ })).toBeVisible();
    const readiness = page.getByRole("region", { name: "Keeping it steady" });
    await expect(readiness).toContainText("Agreements are reviewed on time");
    await expectAccessible(page, "demo home");

    // Talk times: two agreed, and how past talks went for both.
    await page.goto("/talks");
    await settled(page);
    await expect(page.getByRole("heading", { name: "Agreed talk times (2)" })).toBeVisible();
    await expect(page.getByText("Wednesdays at 19:00 · 45 minutes")).toBeVisible();
    const talks = page.getByRole("region", { name: "How your talks went" });
    await expect(talks.getByText("Kai:").first()).toBeVisible();
    await expect(talks.getByText("You:").first()).toBeVisible();
    await expectAccessible(page, "demo talk times");

    // Intensity: a chart per partner, with the numbers behind it.
    await page.goto("/intensity");
    await settled(page);
    const mine = page.getByRole("region", { name: "Your intensity" });
    const kais = page.getByRole("region", { name: "Kai's intensity" });
    await expect(mine.locator("canvas").first()).toBeAttached();
    await expect(kais.locator("canvas").first()).toBeAttached();
    await expect(mine.locator("figcaption")).toContainText(/Low|Easing|Steady|Rising|Not enough/);
    await mine.getByText("Show the numbers", { exact: true }).click();
    const rows = mine.getByRole("table").getByRole("row");
    expect(await rows.count()).toBeGreaterThan(20);
    await expect(rows.nth(1).getByRole("cell")).toHaveText(/^\d+(\.\d)?$/);
    await expectAccessible(page, "demo intensity");

    // Parking lot: open topics and those talked about.
    await page.goto("/parking-lot");
    await settled(page);
    await expect(page.getByText("Planning something just for the two of us")).toBeVisible();
    await expect(page.getByRole("heading", { name: /Talked about \(\d+\)/ })).toBeVisible();
    await expectAccessible(page, "demo parking lot");

    // Support: both partners' stressors, the circle, therapy.
    await page.goto("/support");
    await settled(page);
    await expect(page.getByText("Quarter-end deadline at work")).toBeVisible();
    await expect(page.getByText("Renovating the bathroom")).toBeVisible();
    await expect(page.getByText("Sleeping badly since it came out")).toBeVisible();
    await expect(page.getByText("Jordan", { exact: true })).toBeVisible();
    await expect(page.getByRole("radio", { name: /We've started/ })).toBeChecked();
    await expectAccessible(page, "demo support");

    // Agreements: talk agreements show the agreed talk times.
    await page.goto("/agreements");
    await settled(page);
    const talkAgreement = page.getByRole("article").filter({ hasText: "after 21:00" });
    await expect(talkAgreement).toContainText("Your talk times:");
    await expectAccessible(page, "demo agreements");
  });

  test("an agreement due for review is changed, with the wording checked first", async ({
    browser,
  }) => {
    const { context, page } = await signIn(browser, kai);
    contexts = [context];
    await page.goto("/agreements");
    await settled(page);
    const due = page.getByRole("article").filter({ hasText: "Due for review" }).first();
    await due.getByRole("button", { name: "Review now" }).click();
    const review = due.getByRole("form", { name: "Review this agreement" });
    await review.getByText("Change it", { exact: true }).click();
    const wording = review.getByRole("textbox", { name: "New wording" });
    await wording.fill("   ");
    await review.getByRole("button", { name: "Save review" }).click();
    // The summary names the problem and links to the field; nothing was sent.
    await expect(
      review.getByRole("link", { name: "New wording: This can't be empty." }),
    ).toBeVisible();
    const better = "We look at the joint account together on the first Sunday of the month.";
    await wording.fill(better);
    await review.getByRole("button", { name: "Save review" }).click();
    await expect(page.getByText(/Your new wording is sent/)).toBeVisible();
    await expect(page.getByText(better).first()).toBeVisible();
    await expectAccessible(page, "demo agreement review");
  });

  test("Kai never sees Robin's private stressor or private intensity checks", async ({
    browser,
  }) => {
    const { context, page } = await signIn(browser, kai, 1280);
    contexts = [context];
    await page.goto("/support");
    await settled(page);
    await expect(page.getByText("Quarter-end deadline at work")).toBeVisible();
    expect(await page.content()).not.toContain("Sleeping badly since it came out");

    await page.goto("/intensity");
    await settled(page);
    await expect(page.getByRole("region", { name: "Robin's intensity" })).toBeVisible();
    expect(await page.content()).not.toContain("keeping this one to myself");
  });

  test("every Make meaning screen shows three weeks of the couple's work, and only what Kai may see", async ({
    browser,
  }) => {
    const { context, page } = await signIn(browser, kai, 1280);
    contexts = [context];
    await page.goto("/reflections?prompt=before-distance");
    await settled(page);
    await expect(page.getByText(/flatmates who were polite/).first()).toBeVisible();
    await expect(page.getByText(/just a busy season/).first()).toBeVisible();

    // The third version was heard; what the second missed stays with the second.
    await page.goto("/accountability");
    await settled(page);
    await expect(page.getByText(/we also met twice in April/)).toBeVisible();
    await expect(
      page.getByRole("article", { name: /^Version 3/ }).getByText(/That spared me, not you/),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: "Answers to version 3" })).toContainText(
      "I feel heard",
    );
    await page.getByRole("combobox", { name: "Version shown" }).selectOption("Version 2");
    await expect(page.getByText(/Why you didn't stop when I asked/)).toBeVisible();

    await page.goto("/questions");
    await settled(page);
    await expect(
      page.getByText("Why didn't you tell me when I asked you directly in April?"),
    ).toBeVisible();
    await expect(page.getByText(/It only spared me/)).toBeVisible();
    await expect(page.getByText("Do you still have feelings for them?")).toBeVisible();

    // Disputed, rewritten and agreed, then signed by both before the move to Rebuild.
    await page.goto("/story");
    await settled(page);
    await expect(page.getByText(/From January to August/)).toBeVisible();
    await expect(page.getByText(/it does not explain the lying/)).toBeVisible();
    await expect(page.getByText(/Robin will say when a memory comes back/)).toBeVisible();
    await expect(page.getByRole("region", { name: "Your story is signed" })).toContainText(
      "Both of you signed on",
    );

    // Robin's hurt is hers unless she shares it: Kai sees the one entry she shared.
    await page.goto("/hurt");
    await settled(page);
    await expect(page.getByText("Our evenings together.")).toBeVisible();
    const hurt = await page.content();
    expect(hurt).not.toContain("Believing what you tell me about an ordinary evening.");
  });

  test("every Rebuild screen shows eight weeks of promises, check-ins and setbacks", async ({
    browser,
  }) => {
    const { context, page } = await signIn(browser, robin);
    contexts = [context];

    // The wall: every promise kept together, said in words, and readable day by day.
    await page.goto("/promises");
    await settled(page);
    const wall = page.getByRole("region", { name: "Your wall together" });
    await expect(
      wall.getByRole("img", { name: /^Your wall together, every promise you keep/ }),
    ).toHaveAccessibleName(/kept, .*missed, 3 days off.* The two of you saw 3 days differently\./);
    const colours = wall.getByRole("list", { name: "Whose bricks are which colour" });
    // In the order they were accepted, so each keeps its colour on both phones.
    await expect(colours.getByRole("listitem")).toHaveText([
      "Kai: Text you when I leave work",
      "Kai: Go through my own account's statement with you every Sunday",
      "You: Tell you when a memory comes back, instead of going quiet",
      "Kai: Leave my phone in the hall drawer while we eat",
    ]);
    await wall.getByText("Read the wall day by day", { exact: true }).click();
    await expect(wall.getByRole("cell", { name: "Kept, not seen", exact: true })).toHaveCount(3);
    await expect(wall.getByRole("cell", { name: "Day off", exact: true })).toHaveCount(3);
    await expect(wall.getByRole("cell", { name: "Missed", exact: true })).toHaveCount(3);
    // Each promise as Robin meets it: Kai's marks, Robin's say of what was seen; one changed.
    const kais = page.getByRole("region", { name: "Kai's promises" });
    const drawer = kais.getByRole("article", {
      name: "Leave my phone in the hall drawer while we eat",
    });
    await expect(drawer).toContainText(
      "This changes the wording of an earlier promise: Put my phone face up on the table at dinner",
    );
    await expect(
      kais.getByRole("article", { name: /^Go through my own account's statement/ }),
    ).toContainText("Transparency routine · Finances");
    const text = kais.getByRole("article", { name: "Text you when I leave work" });
    await expect(text).toContainText("Yesterday");
    await expect(text.getByRole("button", { name: /I saw it/ }).first()).toBeVisible();
    await expectAccessible(page, "demo promises");

    // Check-ins: Kai's for last week waits for Robin's; earlier weeks side by side.
    await page.goto("/checkins");
    await settled(page);
    await expect(page.getByRole("region", { name: /^Last week/ })).toContainText(
      "Kai has sent theirs",
    );
    const earlier = page.getByRole("region", { name: "Earlier weeks" });
    await expect(
      earlier.getByText("The drawer by the door. Dinner feels like ours again."),
    ).toBeVisible();
    await expect(
      earlier.getByText("You told me about Saturday instead of letting it sit."),
    ).toBeVisible();
    await expect(earlier.getByText(/Kai checked in this week and you didn't/)).toBeVisible();
    await expectAccessible(page, "demo check-ins");

    // Setbacks: one Kai feels is repaired and Robin does not yet; two repaired by both.
    await page.goto("/setbacks");
    await settled(page);
    const open = page.getByRole("region", { name: "Being repaired (1)" });
    await expect(open).toContainText(/Kai said it feels repaired on/);
    await expect(open.getByRole("button", { name: "This feels repaired to me" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Repaired (2)" })).toContainText(
      "it took 27 hours",
    );
    await expect(page.getByRole("region", { name: "Time to repair" })).toContainText(
      "Two setbacks repaired; the latest in four days.",
    );
    await expectAccessible(page, "demo setbacks");

    await page.goto("/milestones");
    await settled(page);
    const reached = page.getByRole("region", { name: "What you've reached" });
    await expect(reached.getByRole("listitem").filter({ hasText: "Fifty bricks" })).toContainText(
      "New",
    );
    for (const title of [
      "Four check-ins in a row",
      "A whole week of promises kept",
      "A setback repaired within two days",
      "Ten bricks in the wall",
      "Your story, signed by both",
    ]) {
      await expect(reached.getByText(title, { exact: true })).toBeVisible();
    }
    await expectAccessible(page, "demo milestones");
  });

  test("every screen passes the accessibility scan, on a phone", async ({ browser }) => {
    // Twenty-two screens, each settled and scanned: on a busy machine that is more than a minute.
    test.slow();
    const { context, page } = await signIn(browser, kai);
    contexts = [context];
    const screens = [
      "/",
      "/talks",
      "/talk",
      "/parking-lot",
      "/intensity",
      "/agreements",
      "/reflections",
      "/reflections?prompt=before-distance",
      "/accountability",
      "/hurt",
      "/questions",
      "/story",
      "/story/print",
      "/promises",
      "/checkins",
      "/setbacks",
      "/milestones",
      "/support",
      "/path",
      "/safety",
      "/account",
      "/help",
    ];
    for (const screen of screens) {
      await page.goto(screen);
      await settled(page);
      await expect(page.locator("main h1")).toBeVisible();
      await expectAccessible(page, screen);
    }
  });
});
