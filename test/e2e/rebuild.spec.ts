import type { BrowserContext, Locator, Page } from "@playwright/test";
import { expect, expectAccessible, meetCouple, test } from "./fixtures.ts";

/**
 * Rebuild, walked by two partners at once: Ida on a phone, Jon at a desk. A grand promise is
 * talked down to a small one, accepted, marked by each from their own side, given a day off
 * agreed ahead; a setback is repaired together and noticed once; two weeks of check-ins meet.
 *
 * The server's clock is real (or a fixed "today" running on), so a fresh couple can only mark
 * today: every date here comes from the couple's own `today`, never from this machine's clock.
 */

/** How long a change may take to reach the other partner's open screen, without a reload. */
const LIVE = { timeout: 10_000 };

/** One suggests the next phase on their path; the other agrees from Home. */
async function moveOnTogether(suggests: Page, agrees: Page, phase: string): Promise<void> {
  await suggests.goto("/path");
  await suggests.getByRole("button", { name: `Suggest moving on to ${phase}` }).click();
  await expect(said(suggests, /^Suggestion sent\./)).toBeVisible();
  await agrees.goto("/");
  await agrees.getByRole("button", { name: `Yes, move on to ${phase}` }).click();
  await expect(said(agrees, `You are now both in ${phase}.`)).toBeVisible();
}

/** The toast (or a form's own status line) saying a step went through. */
function said(page: Page, words: string | RegExp): Locator {
  return page.getByRole("status").filter({ hasText: words });
}

/** Today in the couple's zone, as the server counts it (the page's own session asks). */
async function coupleToday(page: Page): Promise<string> {
  const reply = await page.request.get("/api/promises");
  expect(reply.ok()).toBe(true);
  const { today } = (await reply.json()) as { today: string };
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  return today;
}

/** A calendar day moved by whole days: plain calendar arithmetic, in no zone at all. */
function addDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** Monday 0 … Sunday 6, for a calendar day. */
function weekdayIndex(day: string): number {
  const [y, m, d] = day.split("-").map(Number);
  return (new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)).getUTCDay() + 6) % 7;
}

/** A calendar day as the page writes it, in the browser's own language. */
function shownDay(page: Page, day: string): Promise<string> {
  return page.evaluate((iso) => {
    const [y, m, d] = iso.split("-").map(Number);
    return new Intl.DateTimeFormat(undefined, { dateStyle: "long" }).format(
      new Date(y ?? 0, (m ?? 1) - 1, d ?? 1),
    );
  }, day);
}

/** The Monday-to-Sunday week holding a day, as the check-in page writes its range. */
function shownWeek(page: Page, day: string): Promise<string> {
  const monday = addDays(day, -weekdayIndex(day));
  return page.evaluate(
    ([from, to]) =>
      new Intl.DateTimeFormat(undefined, {
        day: "numeric",
        month: "short",
        year: "numeric",
        timeZone: "UTC",
      }).formatRange(new Date(`${from}T12:00:00Z`), new Date(`${to}T12:00:00Z`)),
    [monday, addDays(monday, 6)] as const,
  );
}

interface Answers {
  safety: number;
  connection: number;
  trust: number;
  intensity: number;
  appreciation: string;
  concern: string;
  wish: string;
}

/** Fills one week's check-in form and sends it. Numbers from 1 to 9 (0 and 10 carry words). */
async function checkIn(form: Locator, answers: Answers): Promise<void> {
  const scales: Array<[string, number]> = [
    ["How emotionally safe did you feel?", answers.safety],
    ["How connected did you feel?", answers.connection],
    ["How much trust do you feel now?", answers.trust],
    ["How intense did it feel?", answers.intensity],
  ];
  for (const [legend, value] of scales) {
    await form
      .getByRole("group", { name: legend })
      .getByRole("radio", { name: String(value), exact: true })
      .check();
  }
  await form
    .getByLabel("One thing you appreciated this week", { exact: true })
    .fill(answers.appreciation);
  await form.getByLabel("One thing that worries you", { exact: true }).fill(answers.concern);
  await form.getByLabel("One wish for next week", { exact: true }).fill(answers.wish);
  await form.getByRole("button", { name: "Send my check-in" }).click();
}

test.describe("Rebuild, as a couple meets it", () => {
  // Two sign-ups derive keys, then two phase moves: room for a slow machine.
  test.describe.configure({ timeout: 120_000 });

  let contexts: BrowserContext[] = [];
  test.afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });

  test("a small promise kept and seen from both sides, a day off, a setback repaired, two weeks of check-ins", async ({
    browser,
  }) => {
    const { ida, jon } = await meetCouple(browser, contexts, "rebuild");
    await moveOnTogether(jon, ida, "Make meaning");
    // In Make meaning, Home leads with that phase's tools, above Stabilize's cards.
    const meaningTools = ida.getByRole("region", { name: "Understanding how it happened" });
    await expect(meaningTools).toBeVisible();
    for (const tool of ["Guided reflections", "Accountability statement", "Your shared story"]) {
      await expect(meaningTools.getByRole("link", { name: tool })).toBeVisible();
    }
    const toolsTop = (await meaningTools.boundingBox())?.y ?? Infinity;
    const nextTalkTop =
      (await ida.getByRole("region", { name: "Next talk" }).boundingBox())?.y ?? -Infinity;
    expect(toolsTop).toBeLessThan(nextTalkTop);
    await expect(
      ida.getByRole("region", { name: "Rebuilding, one small promise at a time" }),
    ).toHaveCount(0);
    await moveOnTogether(ida, jon, "Rebuild");
    await expect(
      jon.getByRole("region", { name: "Rebuilding, one small promise at a time" }),
    ).toBeVisible();

    // Ida's Home is open, in Rebuild, with nothing waiting yet.
    await ida.goto("/");
    await expect(ida.getByText(/^You're in Rebuild with small, durable promises/)).toBeVisible();
    const idasTools = ida.getByRole("region", { name: "Rebuilding, one small promise at a time" });
    await expect(idasTools.getByRole("link", { name: "Small promises" })).toBeVisible();
    await expect(ida.getByText(/^Nothing waits for you right now\./)).toBeVisible();
    await expectAccessible(ida, "home in Rebuild on a phone");

    const today = await coupleToday(jon);
    const tomorrow = addDays(today, 1);

    // --- 1. A grand promise, talked down to a small one as Jon types --------------------------
    await jon.getByRole("link", { name: "Small promises" }).click();
    await expect(jon.getByRole("heading", { level: 1, name: "Promises" })).toBeVisible();
    await expect(jon.getByText("No promises yet")).toBeVisible();
    await expectAccessible(jon, "promises, none yet");

    const builder = jon.getByRole("form", { name: "Make a promise" });
    const what = builder.getByRole("textbox", { name: "What I will do" });
    const marks = builder.locator("mark");
    const thought = (words: string) =>
      builder.getByRole("listitem").filter({ hasText: `“${words}”` });
    await what.pressSequentially("I will never lie to you again");
    await expect(marks).toHaveText(["never"]);
    await expect(thought("never")).toContainText("All-or-nothing words");
    await expect(thought("never")).toContainText("can be broken by a single slip");
    await expect(thought("never")).toContainText(
      "You could: Say what you'll do when it's hard, rather than “never”: “If I'm tempted to lie to you, tell you the same day.”",
    );
    await what.pressSequentially(" and always be open");
    await expect(marks).toHaveText(["never", "always", "be open"]);
    await expect(thought("always")).toContainText("asks for a perfect record");
    await expect(thought("be open")).toContainText("Hard to see done");
    await expect(thought("be open")).toContainText("your partner can't point to the moment");
    const whole = builder.locator(".promises-lints").filter({ hasText: "Before you send it" });
    await expect(whole).toContainText("No set time");
    await expect(whole).toContainText("Hard to notice");
    await expect(whole).toContainText("Several things in one");
    await expect(
      said(jon, "The promise helper has six thoughts, listed under the fields."),
    ).toBeAttached();
    await expectAccessible(jon, "promise builder with the helper's marks");

    const small = "Tell you one thing about my day each evening at dinner.";
    await thought("be open")
      .getByRole("button", { name: `Use this wording: ${small}` })
      .click();
    await expect(what).toHaveValue(small);
    await expect(what).toBeFocused();
    await expect(
      said(jon, "The suggestion is in “What I will do”. Change it to fit you."),
    ).toBeVisible();
    await expect(marks).toHaveCount(0);
    await expect(builder.getByText("The promise helper marks these words")).toHaveCount(0);
    await expect(builder.getByRole("button", { name: "Put back what I wrote" })).toBeVisible();
    // The helper reads "each evening" as a when, and offers it.
    await expect(whole).toContainText("You wrote “each evening”: choose “daily” as the cadence");
    await expect(whole).not.toContainText("Several things in one");
    await whole.getByRole("button", { name: "Use this when" }).click();
    await expect(builder.getByRole("radio", { name: "Every day" })).toBeChecked();
    await expect(whole).not.toContainText("No set time");
    const notice = "You'll hear one thing about my day from me at dinner.";
    await builder.getByRole("textbox", { name: "How Ida would notice" }).fill(notice);
    await expect(whole).toHaveCount(0);
    await expectAccessible(jon, "promise builder, a small promise ready");
    await builder.getByRole("button", { name: "Send to Ida" }).click();
    await expect(
      said(
        jon,
        "Your promise is with Ida. It's tracked from the day they accept it as meaningful.",
      ),
    ).toBeVisible();
    await expect(what).toHaveValue("");
    const jonsWaiting = jon.getByRole("region", { name: "Waiting for Ida (1)" });
    await expect(jonsWaiting.getByRole("article", { name: small })).toContainText(
      "Waiting for Ida to accept it as meaningful.",
    );
    await expectAccessible(jon, "promises, one waiting for the partner");

    // --- 2. Ida's open Home hears of it; she accepts it as meaningful -------------------------
    const waiting = ida.getByRole("link", { name: "Jon made a promise: is it meaningful to you?" });
    await expect(waiting).toBeVisible(LIVE);
    await expect(ida.getByText(/^Nothing waits for you right now\./)).toHaveCount(0);
    await expectAccessible(ida, "home, a promise waiting on a phone");
    await waiting.click();
    await expect(ida).toHaveURL(/\/promises/);
    const offered = ida
      .getByRole("region", { name: "Waiting for you (1)" })
      .getByRole("article", { name: small });
    await expect(offered).toContainText(`How you would notice: ${notice}`);
    await expect(offered).toContainText("Every day");
    await expectAccessible(ida, "promises, one to answer on a phone");
    await offered.getByRole("button", { name: "Accept as meaningful" }).click();
    await expect(
      said(ida, "Accepted. Tracking starts today, and its first brick can go down today."),
    ).toBeVisible();
    const idasCard = ida
      .getByRole("region", { name: "Jon's promises" })
      .getByRole("article", { name: small });
    await expect(idasCard).toContainText("Jon's, since");
    await expect(ida.getByRole("region", { name: /^Waiting for you/ })).toHaveCount(0);

    const jonsCard = jon
      .getByRole("region", { name: "Your promises" })
      .getByRole("article", { name: small });
    await expect(jonsCard).toBeVisible(LIVE);
    await expect(jon.getByRole("region", { name: /^Waiting for Ida/ })).toHaveCount(0);
    await expectAccessible(jon, "promises, one accepted");

    // --- 3. Jon says today was kept, Ida says she didn't see it: both views stand -------------
    const jonsToday = jonsCard.locator(".promises-day").filter({ hasText: /^Today/ });
    await expect(jonsToday).toContainText("You: not marked yet");
    await expect(jonsToday).toContainText("Ida: hasn't said yet");
    const kept = jonsToday.getByRole("button", { name: /^Kept, Today, / });
    await kept.click();
    await expect(said(jon, "Today: marked kept.")).toBeVisible();
    await expect(kept).toHaveAttribute("aria-pressed", "true");
    await expect(jonsToday).toContainText("You: kept");

    const idasToday = idasCard.locator(".promises-day").filter({ hasText: /^Today/ });
    await expect(idasToday).toContainText("Jon: kept", LIVE);
    await expect(idasToday).toContainText("You: haven't said yet");
    await expectAccessible(ida, "promises, a day to say what she saw");
    const notSeen = idasToday.getByRole("button", { name: /^I didn't see it, Today, / });
    await notSeen.click();
    await expect(said(ida, "Today: you didn't see it.")).toBeVisible();
    await expect(notSeen).toHaveAttribute("aria-pressed", "true");
    await expect(
      idasToday.locator(".promises-day__views span:not([aria-hidden]):not(.visually-hidden)"),
    ).toHaveText(["Jon: kept", "You: didn't see it"]);
    await expect(idasToday).toContainText(
      "Seen differently. Both views stay just as each of you gave them",
    );
    await expectAccessible(ida, "promises, a day seen differently on a phone");

    await expect(jonsToday).toContainText("Ida: didn't see it", LIVE);
    await expect(
      jonsToday.locator(".promises-day__views span:not([aria-hidden]):not(.visually-hidden)"),
    ).toHaveText(["You: kept", "Ida: didn't see it"]);
    await expect(jonsToday).toContainText("Seen differently.");
    // Two records, each scored on its own: his kept day, and the day she didn't see.
    const record = (card: Locator, side: string) =>
      card.locator(".promises-record__item").filter({ hasText: side });
    await expect(record(jonsCard, "From your marks")).toContainText("Just starting");
    await expect(record(jonsCard, "From what Ida saw")).toContainText(
      "Missed last time; the next one lifts it again",
    );
    await expect(record(idasCard, "From Jon's marks")).toContainText("Just starting");
    await expect(record(idasCard, "From what you saw")).toContainText("Missed last time");
    await expectAccessible(jon, "promises, a day seen differently");

    // --- 4. A day off tomorrow, asked ahead by Jon and agreed by Ida --------------------------
    const tomorrowShown = await shownDay(jon, tomorrow);
    await jonsCard.getByRole("button", { name: "Ask for days off" }).click();
    const ask = jonsCard.getByRole("form", { name: "Ask for days off this promise" });
    await expect(ask.getByLabel("First day")).toBeFocused();
    await expect(ask.getByLabel("First day")).toHaveValue(today);
    await ask.getByLabel("First day").fill(tomorrow);
    await ask.getByLabel("Last day").fill(tomorrow);
    await ask.getByLabel(/^Why/).fill("A work trip to Lyon, back the day after.");
    await expectAccessible(jon, "promises, asking for a day off");
    await ask.getByRole("button", { name: "Ask for these days off" }).click();
    await expect(
      said(jon, /^Asked\. Ida can agree or say no; until then the days stay due\./),
    ).toBeVisible();
    const jonsDayOff = jonsCard.locator(".promises-excusal").filter({ hasText: tomorrowShown });
    await expect(jonsDayOff).toContainText("Waiting for Ida to agree");

    const idasDayOff = idasCard.locator(".promises-excusal").filter({ hasText: tomorrowShown });
    await expect(idasDayOff).toContainText("Jon asks for these days off", LIVE);
    await expect(idasDayOff).toContainText("Why: A work trip to Lyon, back the day after.");
    await expectAccessible(ida, "promises, a day off to answer on a phone");
    await idasDayOff.getByRole("button", { name: `Agree: ${tomorrowShown}` }).click();
    await expect(
      said(ida, `Agreed: ${tomorrowShown} off. Those days leave the score as it was.`),
    ).toBeVisible();
    await expect(idasDayOff).toContainText("Agreed");
    await expect(idasDayOff.getByRole("button")).toHaveCount(0);
    await expect(jonsDayOff).toContainText("Agreed", LIVE);
    await expect(jonsDayOff).not.toContainText("Waiting for Ida");
    await expectAccessible(jon, "promises, a day off agreed");

    // --- 5. A setback noted by Ida, a step from Jon, repaired by both, noticed once -----------
    const memory = "Your phone lit up at dinner and I was back in that winter for a moment.";
    const step = "We talked it through after dinner; my phone stays in the hall while we eat.";
    await jon.goto("/setbacks");
    await expect(jon.getByText("No setbacks noted")).toBeVisible();

    await ida.goto("/setbacks");
    await expect(ida.getByRole("heading", { level: 1, name: "Setbacks and repair" })).toBeVisible();
    await expect(ida.getByText("No setbacks noted")).toBeVisible();
    await expectAccessible(ida, "setbacks, none yet, on a phone");
    const name = ida.getByRole("form", { name: "Name a setback" });
    await name.getByRole("radio", { name: "A painful memory came back" }).check();
    await name.getByLabel("What happened", { exact: true }).fill(memory);
    await name.getByRole("button", { name: "Note this setback" }).click();
    await expect(said(ida, /^Noted\. Jon can see it now/)).toBeVisible();
    const idasSetback = ida
      .getByRole("region", { name: "Being repaired (1)" })
      .getByRole("article", { name: "A painful memory came back" });
    await expect(idasSetback).toContainText(memory);
    await expect(idasSetback).toContainText("You haven't said it feels repaired yet.");
    await expectAccessible(ida, "setbacks, one being repaired, on a phone");

    const jonsSetback = jon
      .getByRole("region", { name: "Being repaired (1)" })
      .getByRole("article", { name: "A painful memory came back" });
    await expect(jonsSetback).toContainText(memory, LIVE);
    await expect(jonsSetback).toContainText("Noted by Ida");
    await jonsSetback.getByRole("button", { name: "Add a repair step" }).click();
    await jonsSetback.getByLabel("A repair step", { exact: true }).fill(step);
    await expectAccessible(jon, "setbacks, a repair step being written");
    await jonsSetback.getByRole("button", { name: "Add this step" }).click();
    await expect(said(jon, "Added. It shows with the steps above.")).toBeVisible();
    await expect(jonsSetback.locator(".setback__steps")).toContainText(step);
    await jonsSetback.getByRole("button", { name: "This feels repaired to me" }).click();
    await expect(
      jonsSetback.getByText(/^Say that this feels repaired to you\? Ida will see it\./),
    ).toBeVisible();
    await jonsSetback.getByRole("button", { name: "Yes, it feels repaired" }).click();
    await expect(said(jon, "Saved. It is repaired once Ida says so too.")).toBeVisible();
    await expect(jonsSetback).toContainText(/You said it feels repaired on /);
    await expect(jonsSetback).toContainText("Ida hasn't said it feels repaired yet.");
    await expectAccessible(jon, "setbacks, repaired for one of them");

    await expect(idasSetback.locator(".setback__steps")).toContainText(step, LIVE);
    await expect(idasSetback).toContainText(/Jon said it feels repaired on /, LIVE);
    await idasSetback.getByRole("button", { name: "This feels repaired to me" }).click();
    await idasSetback.getByRole("button", { name: "Yes, it feels repaired" }).click();
    await expect(
      said(ida, "You have both said so now: this setback is repaired. It took less than an hour."),
    ).toBeVisible();
    const idasRepaired = ida
      .getByRole("region", { name: "Repaired (1)" })
      .getByRole("article", { name: "A painful memory came back" });
    await expect(idasRepaired).toContainText(/Repaired on .+: it took less than an hour\./);
    await expect(idasRepaired).toContainText("You both said it feels repaired.");
    await expect(idasRepaired.getByRole("button")).toHaveCount(0);
    await expect(ida.getByRole("region", { name: /^Being repaired/ })).toHaveCount(0);
    await expectAccessible(ida, "setbacks, one repaired, on a phone");
    await expect(
      jon.getByRole("region", { name: "Repaired (1)" }).getByRole("article"),
    ).toContainText(/it took less than an hour\./, LIVE);

    await ida.goto("/");
    const celebration = ida.getByRole("region", { name: "A setback repaired within two days" });
    await expect(celebration).toContainText("Something you reached together");
    await expect(celebration).toContainText(
      "Something hurt, and you found your way back to each other quickly.",
    );
    await expect(celebration).toContainText(/Reached on /);
    await expectAccessible(ida, "home, a milestone to celebrate, on a phone");
    await celebration.getByRole("button", { name: "Thank you" }).click();
    await expect(celebration).toHaveCount(0);
    const after = ida.getByText("Every milestone you reach stays on Milestones.");
    await expect(after).toBeFocused();
    await after.getByRole("link", { name: "Milestones" }).click();
    await expect(ida.getByRole("heading", { level: 1, name: "Milestones" })).toBeVisible();
    const idasMilestone = ida
      .getByRole("region", { name: "What you've reached" })
      .getByRole("listitem")
      .filter({ hasText: "A setback repaired within two days" });
    await expect(idasMilestone).toContainText(/Reached on /);
    await expect(idasMilestone).not.toContainText("New");
    await expectAccessible(ida, "milestones, one reached, on a phone");
    // Thanked on her screen only: for Jon it is still new.
    await jon.goto("/milestones");
    await expect(
      jon
        .getByRole("region", { name: "What you've reached" })
        .getByRole("listitem")
        .filter({ hasText: "A setback repaired within two days" }),
    ).toContainText("New");
    // And it stays put away: Home, read afresh, has nothing left to celebrate.
    const milestonesRead = ida.waitForResponse(
      (reply) => new URL(reply.url()).pathname === "/api/milestones" && reply.ok(),
    );
    await ida.goto("/");
    await milestonesRead;
    await expect(idasTools).toBeVisible();
    await expect(
      ida.getByRole("region", { name: "A setback repaired within two days" }),
    ).toHaveCount(0);

    // --- 6. This week's and last week's check-ins, each revealed once both are in -------------
    const thisWeek = await shownWeek(jon, today);
    const lastWeek = await shownWeek(jon, addDays(today, -7));
    const idaNow: Answers = {
      safety: 6,
      connection: 5,
      trust: 6,
      intensity: 4,
      appreciation: "You put your phone in the hall at dinner without being asked.",
      concern: "Evenings out still make me restless until you're home.",
      wish: "A walk together on Saturday morning.",
    };
    const jonNow: Answers = {
      safety: 7,
      connection: 6,
      trust: 5,
      intensity: 3,
      appreciation: "You told me about the memory instead of going quiet.",
      concern: "That one bad evening undoes the week for you.",
      wish: "Cooking together one evening.",
    };
    const idaBefore: Answers = {
      safety: 4,
      connection: 3,
      trust: 4,
      intensity: 6,
      appreciation: "You made breakfast on the hard morning.",
      concern: "We hardly talked on Thursday.",
      wish: "Ten quiet minutes together each evening.",
    };
    const jonBefore: Answers = {
      safety: 5,
      connection: 4,
      trust: 3,
      intensity: 5,
      appreciation: "You let me sit with you on the balcony.",
      concern: "I don't know yet what helps you on bad days.",
      wish: "To ask you what helps, and listen.",
    };

    await jon.goto("/checkins");
    await expect(jon.getByRole("heading", { level: 1, name: "Weekly check-in" })).toBeVisible();
    const jonsThisWeek = jon.getByRole("region", { name: /^This week/ });
    await expect(jonsThisWeek.getByRole("heading", { name: /^This week/ })).toContainText(thisWeek);
    await expect(jonsThisWeek).toContainText("Ida hasn't sent theirs yet.");
    await expect(jon.getByText("Nothing to draw yet")).toBeVisible();

    await ida.goto("/checkins");
    const idasThisWeek = ida.getByRole("region", { name: /^This week/ });
    await expect(idasThisWeek.getByRole("heading", { name: /^This week/ })).toContainText(thisWeek);
    await expectAccessible(ida, "check-ins, nothing sent, on a phone");
    await checkIn(idasThisWeek.getByRole("form", { name: "Write this week's check-in" }), idaNow);
    await expect(said(ida, /^Sent\. Jon sees it once you have both sent yours/)).toBeVisible();
    await expect(idasThisWeek).toContainText(/You sent yours on /);
    await expect(idasThisWeek).toContainText("Jon hasn't sent theirs yet.");
    await expect(idasThisWeek.getByRole("article", { name: "You: check-in" })).toContainText(
      idaNow.appreciation,
    );
    await expect(idasThisWeek.getByRole("button", { name: "Change my answers" })).toBeVisible();
    await expectAccessible(ida, "check-ins, hers sent, on a phone");

    // Jon hears that she has sent hers, and nothing of what it says.
    await expect(jonsThisWeek).toContainText(
      "Ida has sent theirs. You'll see it once you've sent yours",
      LIVE,
    );
    for (const words of [idaNow.appreciation, idaNow.concern, idaNow.wish]) {
      expect(await jon.content()).not.toContain(words);
    }
    await expectAccessible(jon, "check-ins, partner has sent hers");
    await checkIn(jonsThisWeek.getByRole("form", { name: "Write this week's check-in" }), jonNow);
    await expect(
      jonsThisWeek.getByText("You have both checked in, so this week is closed."),
    ).toBeVisible();
    await expect(jonsThisWeek.getByRole("article", { name: "You: check-in" })).toContainText(
      jonNow.concern,
    );
    await expect(jonsThisWeek.getByRole("article", { name: "Ida: check-in" })).toContainText(
      idaNow.concern,
    );
    await expectAccessible(jon, "check-ins, this week side by side");

    await expect(
      idasThisWeek.getByText("You have both checked in, so this week is closed."),
    ).toBeVisible(LIVE);
    await expect(idasThisWeek.getByRole("article", { name: "Jon: check-in" })).toContainText(
      jonNow.wish,
    );
    await expect(idasThisWeek.getByRole("article", { name: "You: check-in" })).toContainText(
      idaNow.wish,
    );
    await expectAccessible(ida, "check-ins, this week side by side, on a phone");

    // Last week slipped by: each catches up, and it closes the same way.
    const idasLastWeek = ida.getByRole("region", { name: /^Last week/ });
    await expect(idasLastWeek.getByRole("heading", { name: /^Last week/ })).toContainText(lastWeek);
    await idasLastWeek.getByRole("button", { name: "Check in for last week" }).click();
    await checkIn(
      idasLastWeek.getByRole("form", { name: "Write last week's check-in" }),
      idaBefore,
    );
    await expect(idasLastWeek).toContainText("Jon hasn't sent theirs yet.");
    await expect(idasLastWeek.getByRole("article", { name: "You: check-in" })).toContainText(
      idaBefore.appreciation,
    );

    const jonsLastWeek = jon.getByRole("region", { name: /^Last week/ });
    await expect(jonsLastWeek).toContainText("Ida has sent theirs.", LIVE);
    expect(await jon.content()).not.toContain(idaBefore.appreciation);
    await jonsLastWeek.getByRole("button", { name: "Check in for last week" }).click();
    const jonsCatchUp = jonsLastWeek.getByRole("form", { name: "Write last week's check-in" });
    await expectAccessible(jon, "check-ins, catching up on last week");
    await checkIn(jonsCatchUp, jonBefore);

    // Closed, last week moves down among the earlier weeks, side by side, and the trend has two.
    await expect(jonsLastWeek).toHaveCount(0);
    const jonsEarlier = jon.getByRole("region", { name: "Earlier weeks" }).getByRole("listitem");
    await expect(jonsEarlier).toHaveCount(1);
    await expect(jonsEarlier).toContainText(lastWeek);
    await expect(jonsEarlier.getByRole("article", { name: "You: check-in" })).toContainText(
      jonBefore.wish,
    );
    await expect(jonsEarlier.getByRole("article", { name: "Ida: check-in" })).toContainText(
      idaBefore.wish,
    );
    const jonsTrend = jon.getByRole("region", { name: "How it's moving" });
    await expect(jonsTrend).toContainText("You: 5 of 10, up from 3 the week before.");
    await expect(jonsTrend).toContainText("Ida: 6 of 10, up from 4 the week before.");
    await expectAccessible(jon, "check-ins, two weeks side by side");

    await expect(idasLastWeek).toHaveCount(0, LIVE);
    const idasEarlier = ida.getByRole("region", { name: "Earlier weeks" }).getByRole("listitem");
    await expect(idasEarlier.getByRole("article", { name: "Jon: check-in" })).toContainText(
      jonBefore.appreciation,
    );
    const idasTrend = ida.getByRole("region", { name: "How it's moving" });
    await expect(idasTrend).toContainText("You: 6 of 10, up from 4 the week before.");
    await expect(idasTrend).toContainText("Jon: 5 of 10, up from 3 the week before.");
    await idasTrend.getByText("Show every week's trust answers").click();
    await expect(idasTrend.getByRole("table").getByRole("row")).toHaveCount(3);
    await expectAccessible(ida, "check-ins, two weeks side by side, on a phone");

    // --- 7. The wall, and what it says in words ---------------------------------------------
    await jon.goto("/promises");
    const together = jon.getByRole("region", { name: "Your wall together" });
    const wall = together.getByRole("img", { name: /^Your wall together, every promise you keep/ });
    await expect(wall).toHaveAccessibleName(
      "Your wall together, every promise you keep 1 kept, over 1 week. The two of you saw 1 day differently.",
    );
    await together.getByText("Read the wall day by day").click();
    const table = together.getByRole("table", {
      name: "Your wall together, every promise you keep: each week, newest first",
    });
    // Its columns are the weekdays something fell due on: today's holds today's two views.
    const weekday = String(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][weekdayIndex(today)]);
    await expect(table).toBeVisible();
    const columns = await table.getByRole("columnheader").allTextContents();
    expect(columns).toContain(weekday);
    const thisWeeksRow = table.getByRole("row").filter({
      has: jon.getByRole("rowheader", { name: "This week" }),
    });
    await expect(thisWeeksRow.getByRole("cell").nth(columns.indexOf(weekday) - 1)).toHaveText(
      "Kept, not seen",
    );
    await expectAccessible(jon, "promises, the wall read day by day");
  });
});
