import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { expect, expectAccessible, newContext, signUp, test } from "./fixtures.ts";

interface PartnerOptions {
  viewport: { width: number; height: number };
  timezoneId: string;
  locale: string;
}

async function newPartner(browser: Browser, options: PartnerOptions) {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  return { context, page };
}

/** Waits until no part of the screen is still loading. */
async function settled(page: Page) {
  await expect(page.locator(".loading")).toHaveCount(0);
}

/** What a person sees on the screen, as text. */
async function visibleText(page: Page): Promise<string> {
  await settled(page);
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person sees
  return page.locator("body").innerText();
}

/**
 * The markup of the page's main part, byte for byte, except the ids React makes up for labels
 * (`_r_7_`): those count components mounted so far, loading states included, so they follow
 * which answer arrived first. Each is named by its first appearance instead, so which element
 * names which still has to match.
 */
async function mainMarkup(page: Page): Promise<string> {
  await settled(page);
  const html = await page.locator("main").innerHTML();
  const seen = new Map<string, string>();
  return html.replace(/_r_[0-9a-z]+_/g, (id) => {
    if (!seen.has(id)) seen.set(id, `_id${seen.size}_`);
    return seen.get(id) ?? id;
  });
}

/** The group of radio buttons (a fieldset) whose legend matches. */
function group(scope: Page | Locator, legend: RegExp): Locator {
  return scope.getByRole("group", { name: legend });
}

test.describe("Stabilize: two partners, one on a phone", () => {
  let contexts: BrowserContext[] = [];
  test.afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });

  test("talk times, parking lot, a live pause, intensity and a private safety check", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const stamp = Date.now();
    // Partners may live apart: one in Berlin on a phone, one in New York at a desk.
    const ana = await newPartner(browser, {
      viewport: { width: 375, height: 812 },
      timezoneId: "Europe/Berlin",
      locale: "en-GB",
    });
    const ben = await newPartner(browser, {
      viewport: { width: 1280, height: 800 },
      timezoneId: "America/New_York",
      locale: "en-US",
    });
    contexts = [ana.context, ben.context];

    // --- a couple -----------------------------------------------------------------------------
    await ana.page.goto("/signup");
    await signUp(ana.page, "Ana", `ana.${stamp}@example.org`);
    await ana.page.getByRole("radio", { name: /Both of us/ }).check();
    await ana.page.getByRole("button", { name: "Continue" }).click();
    const inviteUrl = await ana.page.getByLabel("Invite link for your partner").inputValue();
    const invite = new URL(inviteUrl);
    await ben.page.goto(`${invite.pathname}${invite.hash}`);
    await signUp(ben.page, "Ben", `ben.${stamp}@example.org`);
    await ben.page.getByRole("radio", { name: /Both of us/ }).check();
    await ben.page.getByRole("button", { name: "Join Ana" }).click();
    await expect(ben.page.getByText(/You and Ana are both here/)).toBeVisible();
    await settled(ben.page);
    await expectAccessible(ben.page, "home, nothing planned yet");

    // --- talk times: Ana proposes, Ben (elsewhere) accepts ------------------------------------
    await ana.page.goto("/talks");
    await expect(ana.page).toHaveTitle("Talk times · Mend");
    await settled(ana.page);
    await expectAccessible(ana.page, "talk times, empty");
    await ana.page.getByLabel("Day", { exact: true }).selectOption("wed");
    await ana.page.getByLabel("Starts at", { exact: true }).fill("19:00");
    await ana.page.getByLabel("Length", { exact: true }).selectOption("45");
    await expect(ana.page.getByLabel("Time zone", { exact: true })).toHaveValue("Europe/Berlin");
    await ana.page.getByRole("button", { name: "Propose this time" }).click();
    await expect(ana.page.getByText(/Proposed: Wednesdays at 19:00/)).toBeVisible();
    await expect(ana.page.getByRole("heading", { name: /Waiting for Ben \(1\)/ })).toBeVisible();

    await ben.page.goto("/talks");
    const proposal = ben.page.getByRole("article").filter({ hasText: "Wednesdays at" });
    await expect(proposal).toContainText("Berlin time");
    await expectAccessible(ben.page, "talk times, waiting for an answer");
    await proposal.getByRole("button", { name: "Accept" }).click();
    await expect(ben.page.getByRole("heading", { name: "Agreed talk times (1)" })).toBeVisible();
    // Ben reads the window on his own clock, and on Berlin's too.
    const nextTalk = ben.page.getByRole("region", { name: "Next talk" });
    await expect(nextTalk).toContainText("Wednesday");
    await expect(nextTalk).toContainText(/Wednesday 7:00\sPM\W+7:45\sPM Berlin time/);

    await ana.page.goto("/");
    await expect(ana.page.getByRole("region", { name: "Next talk" })).toContainText(
      /19:00\W+19:45/,
    );

    // --- parking lot: raised by Ana, carried over by Ben until it loops -----------------------
    await ana.page.goto("/parking-lot");
    await expect(ana.page).toHaveTitle("Parking lot · Mend");
    await settled(ana.page);
    await expectAccessible(ana.page, "parking lot, empty");
    await ana.page
      .getByLabel("What would you like to talk about?")
      .fill("Who picks the children up on Fridays");
    await ana.page.getByRole("button", { name: "Park it for our next talk" }).click();
    await expect(ana.page.getByText("Parked. It will wait for your next talk time.")).toBeVisible();

    await ben.page.goto("/parking-lot");
    const topic = ben.page.getByRole("article").filter({ hasText: "Who picks the children up" });
    await expect(topic).toContainText("Raised by Ana");
    await topic.getByRole("button", { name: "Carry over to next time" }).click();
    await expect(topic).toContainText("Carried over once");
    await expectAccessible(ben.page, "parking lot, a topic carried over");
    await topic.getByRole("button", { name: "Carry over to next time" }).click();
    await expect(topic).toContainText("Carried over twice");
    await expect(topic).not.toContainText("keeps coming back");
    await topic.getByRole("button", { name: "Carry over to next time" }).click();
    await expect(topic).toContainText("Carried over 3 times");
    await expect(topic).toContainText("keeps coming back");

    // --- pause: Ana calls it on her phone; Ben's open screen shows it without a reload --------
    const banner = ben.page.locator(".pause-banner");
    await expect(banner).toHaveCount(0);
    await ana.page.getByRole("button", { name: "Pause", exact: true }).click();
    const panel = ana.page.getByRole("region", { name: "Take a pause" });
    await expect(panel).toBeVisible();
    await expectAccessible(ana.page, "pause panel");
    await panel.getByRole("radio", { name: /20 minutes/ }).check();
    await panel.getByRole("button", { name: "Start the pause" }).click();
    await expect(ana.page.getByText(/You're taking a pause\. Back at/)).toBeVisible();
    await expect(ana.page.getByText(/About 20 minutes left|About 19 minutes left/)).toBeVisible();
    await expectAccessible(ana.page, "own pause running");

    await expect(banner).toBeVisible({ timeout: 10_000 });
    await expect(banner.getByText(/^Paused until \d{1,2}:\d\d\s?(AM|PM)?$/)).toBeVisible();
    // Only the end time: no reason, no countdown, no way to end someone else's pause.
    await expect(banner).not.toContainText("taking a pause");
    await expect(banner.getByRole("button")).toHaveCount(0);
    await expect(ben.page.getByRole("button", { name: "Pause", exact: true })).toHaveCount(0);
    await expectAccessible(ben.page, "partner's pause, seen live");

    // It follows Ben to every screen, and goes when Ana ends it early.
    await ben.page.goto("/");
    await expect(banner).toContainText("Paused until");
    await ana.page.getByRole("button", { name: "End the pause early" }).click();
    await expect(ana.page.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
    await expect(banner).toHaveCount(0, { timeout: 10_000 });

    // --- intensity: a shared check reaches Ben's chart and table; a private one never does ----
    await ana.page.goto("/intensity");
    await expect(ana.page).toHaveTitle("Intensity · Mend");
    await settled(ana.page);
    await expectAccessible(ana.page, "intensity, first check");
    const check = group(ana.page, /How intense does it feel today/);
    await check.getByRole("radio", { name: "7", exact: true }).check();
    await ana.page.getByLabel("A note").fill("A steadier evening than yesterday");
    await expect(
      group(ana.page, /Who sees this/).getByRole("radio", { name: /You and Ben/ }),
    ).toBeChecked();
    await ana.page.getByRole("button", { name: "Save my check" }).click();
    await expect(ana.page.getByRole("heading", { name: "Done for today" })).toBeVisible();

    await ana.page.getByText("Check in again", { exact: true }).click();
    await group(ana.page, /How intense does it feel today/)
      .getByRole("radio", { name: "2", exact: true })
      .check();
    await ana.page.getByLabel("A note").fill("Only for me: a rough night");
    await group(ana.page, /Who sees this/)
      .getByRole("radio", { name: /Only you/ })
      .check();
    await ana.page.getByRole("button", { name: "Save my check" }).click();
    await expect(ana.page.getByText("Saved: 2. Only you see this one.")).toBeVisible();
    await expect(ana.page.getByText("Only for me: a rough night")).toBeVisible();
    await expectAccessible(ana.page, "intensity, done today");

    await ben.page.goto("/intensity");
    await settled(ben.page);
    const anas = ben.page.getByRole("region", { name: "Ana's intensity" });
    await expect(anas.locator("canvas").first()).toBeAttached();
    await anas.getByText("Show the numbers", { exact: true }).click();
    const rows = anas.getByRole("table").getByRole("row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1).getByRole("cell")).toHaveText("7");
    await expect(ben.page.getByText("A steadier evening than yesterday")).toBeVisible();
    expect(await ben.page.content()).not.toContain("Only for me");
    await expectAccessible(ben.page, "intensity, partner's shared check");

    // --- support: stressors and circle, seen from both sides ---------------------------------
    await ben.page.goto("/support");
    await expect(ben.page).toHaveTitle("Support · Mend");
    await settled(ben.page);
    await expectAccessible(ben.page, "support, empty");
    await ben.page.getByRole("button", { name: "Add someone you talk to" }).click();
    await ben.page.getByLabel("Name").fill("Priya");
    await ben.page.getByLabel("Who they are to you").fill("my oldest friend");
    await ben.page.getByRole("button", { name: "Add to my circle" }).click();
    await expect(ben.page.getByText("Waiting for Ana to answer.")).toBeVisible();
    await ana.page.goto("/support");
    const priya = ana.page.getByRole("listitem").filter({ hasText: "Priya" });
    await priya.getByRole("button", { name: "Agree" }).click();
    await expect(priya).toContainText("Agreed");
    await expectAccessible(ana.page, "support, circle agreed");

    // --- safety check: a concern, help, individual mode; nothing of it reaches Ben -----------
    await ben.page.goto("/");
    const benHomeBefore = await visibleText(ben.page);
    const benMainBefore = await mainMarkup(ben.page);

    await ana.page.goto("/safety");
    await expect(ana.page).toHaveTitle("Your safety · Mend");
    await settled(ana.page);
    await expect(ana.page.getByText(/Only you see this/).first()).toBeVisible();
    await expect(ana.page.getByText(/private browsing window/).first()).toBeVisible();
    await expectAccessible(ana.page, "safety check");
    const questions = ana.page.getByRole("group", { name: /\d of \d/ });
    const count = await questions.count();
    expect(count).toBeGreaterThan(3);
    await group(ana.page, /Right now, do you feel safe enough/)
      .getByRole("radio", { name: "No", exact: true })
      .check();
    for (let i = 1; i < count; i++) {
      await questions.nth(i).getByRole("radio", { name: "I'd rather not say" }).check();
    }
    await ana.page.getByRole("button", { name: "Finish the check" }).click();
    await expect(ana.page.getByRole("heading", { name: "Where to find help" })).toBeVisible();
    await expect(ana.page.getByText("Emergency services")).toBeVisible();
    await expect(
      ana.page.getByRole("heading", { name: "Parts of Mend that could make things harder" }),
    ).toBeVisible();
    await expectAccessible(ana.page, "safety check, a concern");
    await ana.page.getByRole("button", { name: "Use Mend on my own for now" }).click();
    await expect(ana.page.getByText("Done. You're using Mend on your own for now.")).toBeVisible();

    // Said once, on her own safety page: no screen carries a card that safety steps were taken.
    await expect(
      ana.page.getByText("You're using Mend on your own for now.").first(),
    ).toBeVisible();
    await ana.page.goto("/");
    await expect(ana.page.getByRole("heading", { name: /Hello, Ana/ })).toBeVisible();
    await expect(ana.page.getByText(/paused/i)).toHaveCount(0);
    await expect(ana.page.getByRole("button", { name: "Pause", exact: true })).toHaveCount(0);
    await expectAccessible(ana.page, "home, on my own");
    await ana.page.goto("/talks");
    await expect(ana.page.getByRole("button", { name: "Propose this time" })).toHaveCount(0);
    await expect(ana.page.getByRole("link", { name: "Your safety" }).first()).toBeVisible();

    await ben.page.reload();
    expect(await visibleText(ben.page)).toBe(benHomeBefore);
    expect(await mainMarkup(ben.page)).toBe(benMainBefore);

    // And back again, from the safety page.
    await ana.page.goto("/safety");
    await ana.page.getByRole("button", { name: "Turn couple features back on" }).click();
    await expect(ana.page.getByText("Couple features are back on for you.")).toBeVisible();
    await ana.page.goto("/");
    await expect(ana.page.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
  });

  test("the places to find help are open to everyone, and the phone navigation fits", async ({
    browser,
  }) => {
    const visitor = await newPartner(browser, {
      viewport: { width: 375, height: 812 },
      timezoneId: "UTC",
      locale: "en-GB",
    });
    contexts = [visitor.context];
    const { page } = visitor;
    await page.goto("/");
    await page.getByRole("link", { name: "Where to find help" }).click();
    await expect(page.getByRole("heading", { name: "Where to find help" })).toBeVisible();
    await expect(page.getByText("Emergency services")).toBeVisible();
    await expect(page).toHaveTitle("Where to find help · Mend");
    await expectAccessible(page, "help, signed out");
    // Opened directly, the first Tab reaches the quick exit before anything else.
    await page.goto("/help");
    await expect(page.getByText("Emergency services")).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: /quick exit/i })).toBeFocused();
  });
});
