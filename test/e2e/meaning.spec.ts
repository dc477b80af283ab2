import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { expect, expectAccessible, newContext, signUp, test } from "./fixtures.ts";

/**
 * Make meaning, walked by two partners at once: Ida on a phone, Jon at a desk, each with their
 * own browser. What one shares reaches the other's open screen by the live channel; what one
 * keeps private never reaches the other's screen at all.
 */

/** How long a change may take to reach the other partner's open screen, without a reload. */
const LIVE = { timeout: 10_000 };

type Stance = "broke-trust" | "hurt" | "both";
const STANCE_NAMES: Record<Stance, RegExp> = {
  "broke-trust": /^I broke trust/,
  hurt: /^I was hurt/,
  both: /^Both of us/,
};

interface Couple {
  /** Ida, who signs up first and invites: on a phone. */
  ida: Page;
  /** Jon, who joins through her link: at a desk. */
  jon: Page;
}

/** A fresh couple, each in a browser of their own, joined and at Home. */
async function meetCouple(
  browser: Browser,
  contexts: BrowserContext[],
  tag: string,
  stances: { ida: Stance; jon: Stance } = { ida: "both", jon: "both" },
): Promise<Couple> {
  const stamp = `${tag}.${Date.now()}`;
  const phone = await newContext(browser, { viewport: { width: 390, height: 844 } });
  const desk = await newContext(browser, { viewport: { width: 1280, height: 800 } });
  contexts.push(phone, desk);
  const ida = await phone.newPage();
  const jon = await desk.newPage();

  await ida.goto("/signup");
  await signUp(ida, "Ida", `ida.${stamp}@example.org`);
  await ida.getByRole("radio", { name: STANCE_NAMES[stances.ida] }).check();
  await ida.getByRole("button", { name: "Continue" }).click();
  const invite = new URL(await ida.getByLabel("Invite link for your partner").inputValue());
  await jon.goto(`${invite.pathname}${invite.hash}`);
  await signUp(jon, "Jon", `jon.${stamp}@example.org`);
  await jon.getByRole("radio", { name: STANCE_NAMES[stances.jon] }).check();
  await jon.getByRole("button", { name: "Join Ida" }).click();
  await expect(jon.getByRole("heading", { name: "Needs you" })).toBeVisible();
  return { ida, jon };
}

/** A name beginning with these very words: a prompt's link names its standing after its text. */
function startingWith(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);
}

/** The toast (or a form's own status line) saying a step went through. */
function said(page: Page, words: string | RegExp) {
  return page.getByRole("status").filter({ hasText: words });
}

test.describe("Make meaning, as a couple meets it", () => {
  // Each journey signs two people up, and each sign-up derives keys: room for a slow machine.
  test.describe.configure({ timeout: 120_000 });

  let contexts: BrowserContext[] = [];
  test.afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });

  test("a reflection, written blind by each, meets side by side; a draft stays its writer's", async ({
    browser,
  }) => {
    const { ida, jon } = await meetCouple(browser, contexts, "reflect");
    const prompt = "When did you feel alone, even while the two of you were together?";
    const idaWords = "On Sunday evenings, when you were on your phone and I stopped asking.";
    const jonWords = "At your sister's wedding, standing at the edge of every photo.";
    const jonPrivate = "I never told anyone how much I missed my father that winter.";

    // Jon's list is open while Ida writes: that she shared is the one thing it may learn.
    await jon.goto("/reflections");
    await expect(jon.getByRole("heading", { name: "Where you are" })).toBeVisible();
    await expectAccessible(jon, "reflections list, nothing written");

    await ida.goto("/reflections");
    await expectAccessible(ida, "reflections list on a phone");
    await ida.getByRole("link", { name: startingWith(prompt) }).click();
    await expect(ida.getByRole("heading", { level: 1, name: prompt })).toBeVisible();
    await expect(ida).toHaveURL(/\/reflections\?prompt=unspoken-alone$/);
    await expect(ida.getByText("Write your answer first; then you can share it.")).toBeVisible();
    await ida.getByLabel("Your reflection").fill(idaWords);
    await expect(ida.getByText(/^Saved privately at /)).toBeVisible(LIVE);
    await expectAccessible(ida, "reflection draft, saved privately");

    // Saving a draft tells nobody: Jon's list still knows nothing of it.
    await jon.reload();
    await expect(jon.getByRole("link", { name: startingWith(prompt) })).toContainText(
      "Not started",
    );
    expect(await jon.content()).not.toContain(idaWords);

    await ida.getByRole("button", { name: "Share with Jon" }).click();
    await expect(ida.getByText(/^Share this with Jon\? Jon will see it once/)).toBeVisible();
    await expectAccessible(ida, "reflection share, asked to confirm");
    await ida.getByRole("button", { name: "Yes, share it" }).click();
    await expect(ida.getByText("Shared, waiting for Jon", { exact: true })).toBeVisible();
    await expect(ida.getByRole("heading", { name: "Ida (you)" })).toBeFocused();
    await expect(ida.getByText(idaWords)).toBeVisible();
    await expectAccessible(ida, "reflection shared, waiting");

    // The blind rule: Jon's open list hears that she shared, and nothing of what she wrote.
    const jonsLink = jon.getByRole("link", { name: startingWith(prompt) });
    await expect(jonsLink).toContainText(
      "Ida has shared on this one. Share yours to see both.",
      LIVE,
    );
    await expect(
      jon.getByText(/Ida has shared on 1 prompt where yours isn't shared yet/),
    ).toBeVisible();
    expect(await jon.content()).not.toContain(idaWords);
    await expectAccessible(jon, "reflections list, partner has shared");

    // A draft on another prompt that Jon never shares: it must never reach Ida's screen.
    await jon.goto("/reflections?prompt=unspoken-longing");
    await jon.getByLabel("Your reflection").fill(jonPrivate);
    await expect(jon.getByText(/^Saved privately at /)).toBeVisible(LIVE);

    await jon.goto("/reflections?prompt=unspoken-alone");
    await expect(jon.getByText("Ida has shared on this one", { exact: true })).toBeVisible();
    expect(await jon.content()).not.toContain(idaWords);
    await jon.getByLabel("Your reflection").fill(jonWords);
    await expect(jon.getByText(/^Saved privately at /)).toBeVisible(LIVE);
    await expectAccessible(jon, "reflection draft, partner has shared");

    // Ida waits with her screen open; his saved draft does not show there, even on a reload.
    await ida.reload();
    await expect(ida.getByText("Shared, waiting for Jon", { exact: true })).toBeVisible();
    expect(await ida.content()).not.toContain(jonWords);

    await jon.getByRole("button", { name: "Share with Ida" }).click();
    await expect(
      jon.getByText(/Ida has shared on this prompt already, so you'll both see/),
    ).toBeVisible();
    await jon.getByRole("button", { name: "Yes, share it" }).click();
    await expect(jon.getByRole("heading", { name: "Side by side" })).toBeFocused();
    await expect(said(jon, "Shared. You can read both answers side by side now.")).toBeVisible();
    const jonsPair = jon.getByRole("article");
    await expect(jonsPair.filter({ hasText: "Jon (you)" })).toContainText(jonWords);
    await expect(
      jonsPair.filter({ has: jon.getByRole("heading", { name: "Ida", exact: true }) }),
    ).toContainText(idaWords);
    await expectAccessible(jon, "reflection side by side");

    // Ida's waiting screen turns into the pair on its own.
    await expect(ida.getByRole("heading", { name: "Side by side" })).toBeVisible(LIVE);
    const jonsAnswer = ida
      .getByRole("article")
      .filter({ has: ida.getByRole("heading", { name: "Jon", exact: true }) });
    await expect(jonsAnswer).toContainText(jonWords);
    await expectAccessible(ida, "reflection side by side on a phone");

    await jonsAnswer.getByRole("button", { name: "Comment on Jon's answer" }).click();
    const comment = "The photos: I never noticed. Thank you for telling me.";
    await ida.getByLabel("Comment on Jon's answer").fill(comment);
    await expectAccessible(ida, "reflection comment being written");
    await ida.getByRole("button", { name: "Add comment" }).click();
    await expect(said(ida, "Your comment is added.")).toBeVisible();
    await expect(ida.getByRole("list", { name: "Comments on Jon's answer" })).toContainText(
      comment,
    );
    await expect(ida.getByLabel("Comment on Jon's answer")).toHaveValue("");

    await expect(jon.getByRole("list", { name: "Comments on your answer" })).toContainText(
      comment,
      LIVE,
    );
    await expect(jon.getByRole("list", { name: "Comments on your answer" })).toContainText("Ida");
    await expectAccessible(jon, "reflection with a comment");

    // Back on the list, the pair is counted; Jon's other draft is still nowhere on Ida's side.
    await ida.goto("/reflections");
    await expect(ida.getByRole("link", { name: startingWith(prompt) })).toContainText(
      "Side by side",
    );
    await expect(
      ida.getByRole("link", { name: /^What did you long for in the relationship/ }),
    ).toContainText("Not started");
    expect(await ida.content()).not.toContain(jonPrivate);
    await expectAccessible(ida, "reflections list, one side by side");
    await ida.goto("/reflections?prompt=unspoken-longing");
    await expect(ida.getByLabel("Your reflection")).toHaveValue("");
    expect(await ida.content()).not.toContain(jonPrivate);
  });

  test("an accountability statement: the helper's marks, a partial answer, an addendum", async ({
    browser,
  }) => {
    const { ida, jon } = await meetCouple(browser, contexts, "account", {
      ida: "broke-trust",
      jon: "hurt",
    });
    const didPassive = "Mistakes were made, and I lied to you about the messages for four months.";
    const didOwned = "I made mistakes, and I lied to you about the messages for four months.";
    const impact = "I'm sorry I hid it, but you made me feel alone.";
    const whyNot = "I was afraid of losing you, so I chose to stay silent.";
    const missing = "That the feeling alone was yours, not something I did to you.";
    const addendum = "I also deleted the messages before you could read them.";

    // Jon said he was hurt: his screen opens on Ida's statement, still empty.
    await jon.goto("/accountability");
    const idasStatement = jon.getByRole("region", { name: "Ida's statement" });
    await expect(idasStatement.getByText("Nothing shared here yet")).toBeVisible();
    await expect(jon.getByRole("button", { name: "Write a statement of your own" })).toBeVisible();
    await expectAccessible(jon, "accountability, nothing shared yet");

    await ida.goto("/accountability");
    await expect(
      ida.getByRole("heading", { level: 1, name: "Accountability statement" }),
    ).toBeVisible();
    await expectAccessible(ida, "accountability editor, empty");

    const marked = (phrase: string) => ida.getByRole("listitem").filter({ hasText: `“${phrase}”` });
    await ida.getByLabel("What I did", { exact: true }).fill(didPassive);
    await expect(marked("Mistakes were made")).toContainText("Hidden actor");
    await expect(marked("Mistakes were made")).toContainText("Another way:");
    await expect(ida.getByText("The helper marks 1 phrase here.")).toBeVisible();
    await ida.getByLabel("The impact I see", { exact: true }).fill(impact);
    await expect(marked("but")).toContainText("“But” after owning it");
    await expect(marked("you made me feel alone")).toContainText("Blame shifting");
    await expect(ida.getByText("The helper marks 2 phrases here.")).toBeVisible();
    await ida.getByLabel("Why I didn't bring my concerns to you", { exact: true }).fill(whyNot);
    await expect(ida.getByText(/^The helper still marks 3 phrases\./)).toBeVisible();
    await expectAccessible(ida, "accountability editor with the helper's marks");

    // The helper only advises: taking one suggestion clears that mark, the others may stay.
    await ida.getByLabel("What I did", { exact: true }).fill(didOwned);
    await expect(marked("Mistakes were made")).toHaveCount(0);
    await expect(ida.getByText("The helper marks 1 phrase here.")).toHaveCount(0);
    await expect(
      ida.getByText(/^The helper still marks 2 phrases\. You can still share it/),
    ).toBeVisible();
    await expect(ida.getByText(/^Saved privately at /)).toBeVisible(LIVE);

    // The working copy is Ida's alone until she shares it.
    await jon.reload();
    await expect(idasStatement.getByText("Nothing shared here yet")).toBeVisible();
    expect(await jon.content()).not.toContain(didOwned);

    await ida.getByRole("button", { name: "Share version 1" }).click();
    await expect(ida.getByText(/^Share version 1 with Jon\?/)).toBeVisible();
    await ida.getByRole("button", { name: "Yes, share version 1" }).click();
    await expect(
      said(ida, "Version 1 is shared. Jon can read it now and say whether they feel heard."),
    ).toBeVisible();
    const mine = ida.getByRole("region", { name: "Your statement" });
    await expect(mine.getByRole("article", { name: /^Version 1, shared by you/ })).toContainText(
      impact,
    );
    await expect(mine.getByText("Waiting for Jon's answer")).toBeVisible();
    await expect(ida.getByRole("button", { name: "Write version 2" })).toBeVisible();
    await expectAccessible(ida, "accountability, version 1 shared");

    // Jon's open screen receives it.
    const version1 = idasStatement.getByRole("article", { name: /^Version 1, shared by Ida/ });
    await expect(version1).toContainText(didOwned, LIVE);
    await expect(version1).toContainText(whyNot);
    await expect(idasStatement.getByText("Waiting for your answer")).toBeVisible();
    await expectAccessible(jon, "accountability, partner's version to answer");

    const answer = jon.getByRole("form", { name: "Your answer to version 1" });
    await answer.getByRole("radio", { name: "Partly" }).check();
    await answer.getByRole("button", { name: "Send your answer" }).click();
    // "Partly" asks for what is missing, so it can be added.
    const missingField = answer.getByRole("textbox", { name: "What is missing" });
    await expect(missingField).toHaveAccessibleDescription(
      /Say in a few words what is still missing, so it can be added\./,
    );
    await expectAccessible(jon, "accountability answer, what is missing not said");
    await missingField.fill(missing);
    await answer.getByRole("button", { name: "Send your answer" }).click();
    await expect(said(jon, "Your answer to version 1 is with Ida now.")).toBeVisible();
    await expect(idasStatement.getByText("Your answer: Partly")).toBeVisible();
    await expect(
      idasStatement.getByRole("listitem").filter({ hasText: "What is missing" }),
    ).toContainText(missing);
    await expect(jon.getByRole("button", { name: "Answer version 1 again" })).toBeVisible();
    await expectAccessible(jon, "accountability, answered partly");

    await expect(mine.getByText("Jon's answer: Partly")).toBeVisible(LIVE);
    await expect(mine.getByRole("listitem").filter({ hasText: "What is missing" })).toContainText(
      missing,
    );
    await expectAccessible(ida, "accountability, partner answered partly");

    // What she did not say before goes under the statement, dated; version 1 stays as it was.
    await mine.getByRole("button", { name: "Add something you did not say before" }).click();
    await ida.getByLabel("What you did not say before").fill(addendum);
    await expectAccessible(ida, "accountability addendum being written");
    await ida.getByRole("button", { name: "Add it to your statement" }).click();
    await expect(
      said(
        ida,
        "It's added under your statement with today's date, after version 1. Jon can read it now.",
      ),
    ).toBeVisible();
    const idasAddenda = mine.getByRole("region", { name: "Added later" });
    await expect(idasAddenda.getByRole("listitem")).toHaveCount(1);
    await expect(idasAddenda.getByRole("listitem")).toContainText(/^Added on .+, after version 1/);
    await expect(idasAddenda.getByRole("listitem")).toContainText(addendum);
    await expect(mine.getByRole("article", { name: /^Version 1/ })).not.toContainText(addendum);
    await expect(mine.getByText("Version 1", { exact: true })).toBeVisible();
    await expectAccessible(ida, "accountability with an addendum");

    const jonsAddenda = idasStatement.getByRole("region", { name: "Added later" });
    await expect(jonsAddenda.getByRole("listitem")).toContainText(addendum, LIVE);
    await expect(jonsAddenda.getByRole("listitem")).toContainText(/after version 1/);
    await expect(version1).not.toContainText(addendum);
    await expectAccessible(jon, "accountability, partner's addendum");
  });

  test("the question ledger: an answer, a paraphrase that finds it, a question let go", async ({
    browser,
  }) => {
    const { ida, jon } = await meetCouple(browser, contexts, "ledger");
    const first = "When did it start?";
    const paraphrase = "When did this begin?";
    const third = "Do you still have her number?";
    const jonsAnswer = "In March, after the conference in Lyon.";

    await jon.goto("/questions");
    await expect(jon.getByText("No questions yet")).toBeVisible();
    await expectAccessible(jon, "questions, none yet");

    await ida.goto("/questions");
    await expectAccessible(ida, "questions on a phone, none yet");
    const ask = ida.getByRole("textbox", { name: "Your question" });
    await ask.fill(first);
    await ida.getByRole("button", { name: "Send the question" }).click();
    await expect(said(ida, /^Your question is on its way\./)).toBeVisible();
    await expect(ask).toHaveValue("");
    const idasWaiting = ida.getByRole("region", { name: "Waiting for an answer (1)" });
    await expect(idasWaiting).toContainText("Your questions, waiting for Jon");
    await expect(idasWaiting.getByRole("article", { name: first })).toContainText(
      "Waiting for Jon's answer.",
    );
    await expectAccessible(ida, "questions, one waiting for the partner");

    const jonsWaiting = jon.getByRole("region", { name: /^Waiting for an answer/ });
    await expect(jonsWaiting.getByRole("article", { name: first })).toBeVisible(LIVE);
    await expect(jonsWaiting).toContainText("For you to answer");
    await jonsWaiting
      .getByRole("article", { name: first })
      .getByRole("button", { name: "Answer in writing" })
      .click();
    await jon.getByLabel("Your answer").fill(jonsAnswer);
    await expectAccessible(jon, "questions, an answer being written");
    await jon.getByRole("button", { name: "Send my answer" }).click();
    await expect(said(jon, "Your answer is sent. Ida can read it now.")).toBeVisible();
    await expect(jon.getByRole("region", { name: "Answered (1)" })).toContainText(jonsAnswer);
    await expectAccessible(jon, "questions, answered by him");

    const idasAnswered = ida.getByRole("region", { name: "Answered (1)" });
    await expect(idasAnswered.getByRole("article", { name: first })).toContainText(
      jonsAnswer,
      LIVE,
    );
    await expect(idasAnswered).toContainText("Jon answered on");
    await expect(ida.getByRole("region", { name: /^Waiting for an answer/ })).toHaveCount(0);
    await expectAccessible(ida, "questions, answered");

    // The same question in other words: before anything is sent, the answer already given shows.
    await ask.fill(paraphrase);
    const close = ida.getByRole("region", { name: "Something close is already here" });
    await expect(close).toBeVisible();
    await expect(close).toContainText(
      /You asked something close to this on .+ — here is the answer:/,
    );
    await expect(close).toContainText(first);
    await expect(close).toContainText(jonsAnswer);
    await expect(ida.getByRole("button", { name: "Send the question" })).toHaveCount(0);
    await expectAccessible(ida, "questions, a close earlier question shown");
    await close.getByRole("button", { name: "Reading that answer is enough for now" }).click();
    await expect(said(ida, /^Nothing was sent\./)).toBeVisible();
    await expect(ask).toHaveValue("");
    await expect(close).toHaveCount(0);
    await expect(idasAnswered.getByRole("article")).toHaveCount(1);

    // Read, and still unclear: she asks the earlier question again rather than a new one.
    await ask.fill(paraphrase);
    await close.getByRole("button", { name: "Ask again" }).click();
    const again = ida.getByRole("form", { name: "Ask your earlier question again" });
    await expect(again.getByLabel(/^What is still unclear\?/)).toHaveValue(paraphrase);
    await expectAccessible(ida, "questions, asking the earlier one again");
    await again.getByRole("button", { name: "Ask it again" }).click();
    await expect(said(ida, /^Asked again\. Jon sees it come back/)).toBeVisible();
    const askedAgain = ida
      .getByRole("region", { name: "Waiting for an answer (1)" })
      .getByRole("article", { name: first });
    await expect(askedAgain).toContainText("Asked twice");
    await expect(askedAgain).toContainText(jonsAnswer);
    await expect(ida.getByRole("region", { name: /^Answered/ })).toHaveCount(0);

    const backToJon = jon
      .getByRole("region", { name: /^Waiting for an answer/ })
      .getByRole("article", { name: first });
    await expect(backToJon).toContainText("Asked twice", LIVE);
    await expect(backToJon).toContainText(/Ida asked again on .+:/);
    await expect(backToJon.getByRole("blockquote").filter({ hasText: paraphrase })).toBeVisible();
    await expect(backToJon.getByRole("button", { name: "Answer in writing" })).toBeVisible();
    await expectAccessible(jon, "questions, one asked again");

    // A third question, then the middle way: she lets it go before it is answered.
    await ask.fill(third);
    await ida.getByRole("button", { name: "Send the question" }).click();
    await expect(said(ida, /^Your question is on its way\./)).toBeVisible();
    await expect(
      jon
        .getByRole("region", { name: /^Waiting for an answer/ })
        .getByRole("article", { name: third }),
    ).toBeVisible(LIVE);

    await ida.getByRole("button", { name: `Let it go: ${third}` }).click();
    await expect(ida.getByText(/^Let this question go\?/)).toBeVisible();
    await expectAccessible(ida, "questions, letting one go");
    await ida.getByRole("button", { name: "Yes, let it go" }).click();
    await expect(
      said(ida, "Let go. It stays in the ledger with its answers, closed."),
    ).toBeVisible();
    const idasLetGo = ida.getByRole("region", { name: "Let go (1)" });
    await expect(idasLetGo.getByRole("article", { name: third })).toContainText(
      /Let go on .+, by you\./,
    );
    await expect(idasLetGo.getByRole("button")).toHaveCount(0);
    await expectAccessible(ida, "questions, one let go");

    const jonsLetGo = jon.getByRole("region", { name: "Let go (1)" });
    await expect(jonsLetGo.getByRole("article", { name: third })).toContainText(
      /Let go on .+, by Ida\./,
      LIVE,
    );
    await expect(jon.getByRole("region", { name: "Waiting for an answer (1)" })).toBeVisible();
    await expect(jon.getByRole("article", { name: third })).toHaveCount(1);
    await expect(jonsLetGo.getByRole("button", { name: "Answer in writing" })).toHaveCount(0);
    await expectAccessible(jon, "questions, partner let one go");
  });

  test("the shared story: two paragraphs, marks, a disagreement rewritten, both signatures", async ({
    browser,
  }) => {
    const { ida, jon } = await meetCouple(browser, contexts, "story");
    const before = "We had stopped talking about anything but the children and the bills.";
    const beforeAgain =
      "We had both stopped reaching for each other, and talked only about the children and the bills.";
    const happened = "For four months Ida hid an affair with a colleague, and lied when Jon asked.";
    const why = "It wasn't only you who stopped; I did too.";

    await jon.goto("/story");
    await expect(jon.getByText("No paragraphs yet.")).toBeVisible();
    await expectAccessible(jon, "story, empty");

    await ida.goto("/story");
    await expectAccessible(ida, "story on a phone, empty");
    const idasBefore = ida.getByRole("region", { name: "Before" });
    await idasBefore.getByRole("button", { name: "Write the first paragraph" }).click();
    await ida.getByLabel("A paragraph for “Before”").fill(before);
    await expectAccessible(ida, "story, a paragraph being written");
    await idasBefore.getByRole("button", { name: "Add to the story" }).click();
    await expect(
      said(ida, /^Your paragraph is in the story\. Jon can read and mark it now/),
    ).toBeVisible();
    const idasFirst = ida.getByRole("article", { name: "Paragraph 1 of “Before”" });
    await expect(idasFirst).toContainText(before);
    await expect(idasFirst).toContainText("Waiting for marks");

    const jonsFirst = jon.getByRole("article", { name: "Paragraph 1 of “Before”" });
    await expect(jonsFirst).toContainText(before, LIVE);
    await expect(jonsFirst).toContainText("Proposed by Ida");
    const jonsHappened = jon.getByRole("region", { name: "What happened" });
    await jonsHappened.getByRole("button", { name: "Write the first paragraph" }).click();
    await jon.getByLabel("A paragraph for “What happened”").fill(happened);
    await jonsHappened.getByRole("button", { name: "Add to the story" }).click();
    await expect(
      jon.getByRole("article", { name: "Paragraph 1 of “What happened”" }),
    ).toContainText(happened);

    const idasSecond = ida.getByRole("article", { name: "Paragraph 1 of “What happened”" });
    await expect(idasSecond).toContainText(happened, LIVE);

    /** One partner's mark on one paragraph, through the card's own form. */
    async function mark(paragraph: Locator, choice: RegExp) {
      await paragraph.getByRole("button", { name: /^(Mark it|Change my mark)$/ }).click();
      const form = paragraph.getByRole("form", { name: "Your mark" });
      await form.getByRole("radio", { name: choice }).check();
      await form.getByRole("button", { name: "Save my mark" }).click();
      await expect(
        paragraph.getByRole("status").filter({ hasText: /^Your mark is saved\./ }),
      ).toBeVisible();
    }

    await mark(idasFirst, /^Agree/);
    await mark(idasSecond, /^Agree/);
    await mark(jon.getByRole("article", { name: "Paragraph 1 of “What happened”" }), /^Agree/);
    await jonsFirst.getByRole("button", { name: "Mark it" }).click();
    await jonsFirst.getByRole("radio", { name: /^Disagree/ }).check();
    await expect(
      jonsFirst.getByText(/A few words on what doesn't fit for you help Ida/),
    ).toBeVisible();
    await jonsFirst.getByLabel(/^A note for Ida/).fill(why);
    await expectAccessible(jon, "story, a disagreement being marked");
    await jonsFirst.getByRole("button", { name: "Save my mark" }).click();
    await expect(jonsFirst).toContainText("Not agreed yet");

    // Ida sees the disagreement, and the note that says what a rewrite could change.
    const jonsLine = idasFirst
      .getByRole("list", { name: "Marks on this version" })
      .getByRole("listitem")
      .filter({ hasText: "Jon" });
    await expect(jonsLine).toContainText("Disagree", LIVE);
    await expect(jonsLine).toContainText(why);
    await expect(idasFirst).toContainText("Not agreed yet");
    await expect(ida.getByText("1 of 2 paragraphs agreed by both, 1 disputed")).toBeVisible();
    await expect(ida.getByRole("button", { name: "Sign the story" })).toHaveCount(0);
    await expectAccessible(ida, "story, a paragraph disputed");

    await idasFirst.getByRole("button", { name: "Rewrite" }).click();
    const rewrite = idasFirst.getByLabel("Your new version (replaces version 1)");
    await expect(rewrite).toHaveValue(before);
    await rewrite.fill(beforeAgain);
    await expectAccessible(ida, "story, a paragraph being rewritten");
    await idasFirst.getByRole("button", { name: "Save the new version" }).click();
    await expect(
      said(ida, "Version 2 is in the story. Marks start over: you and Jon can mark it again."),
    ).toBeVisible();
    await expect(idasFirst).toContainText(beforeAgain);
    await expect(idasFirst).toContainText("version 2, rewritten by you");
    await expect(idasFirst).toContainText("on an earlier version (version 1) — no longer counts");
    await mark(idasFirst, /^Agree/);

    // On Jon's open screen the rewrite waits for him to say he has read it.
    await expect(jonsFirst.getByText("This paragraph was rewritten meanwhile")).toBeVisible(LIVE);
    await expect(jonsFirst).toContainText(beforeAgain);
    await expectAccessible(jon, "story, a paragraph rewritten meanwhile");
    await jonsFirst.getByRole("button", { name: "I've read the new version" }).click();
    await expect(jonsFirst.getByText("This paragraph was rewritten meanwhile")).toHaveCount(0);
    await mark(jonsFirst, /^Agree/);
    await expect(jonsFirst).toContainText("Agreed by both");

    await expect(jon.getByText("2 of 2 paragraphs agreed by both")).toBeVisible();
    await expect(jon.getByText(/^You both agree with every paragraph\./)).toBeVisible();
    await expect(ida.getByText(/^You both agree with every paragraph\./)).toBeVisible(LIVE);
    await expectAccessible(ida, "story, ready to sign");

    await ida.getByRole("button", { name: "Sign the story" }).click();
    await expect(ida.getByText(/^Sign the story as it reads now\?/)).toBeVisible();
    await ida.getByRole("button", { name: "Yes, sign it" }).click();
    await expect(said(ida, "Your signature is there. It waits for Jon's.")).toBeVisible();
    await expect(ida.getByText("You have signed.")).toBeVisible();
    await expect(ida.getByText("Jon hasn't signed yet.")).toBeVisible();

    await expect(jon.getByText("Ida has signed.")).toBeVisible(LIVE);
    await expectAccessible(jon, "story, signed by the partner");
    await jon.getByRole("button", { name: "Sign the story" }).click();
    await jon.getByRole("button", { name: "Yes, sign it" }).click();
    await expect(said(jon, "You've both signed.")).toBeVisible();
    await expect(jon.getByRole("heading", { name: "Your story is signed" })).toBeVisible();
    await expectAccessible(jon, "story, signed by both");
    await expect(ida.getByRole("heading", { name: "Your story is signed" })).toBeVisible(LIVE);
    await expectAccessible(ida, "story, signed by both");

    await ida.getByRole("link", { name: "Printable version" }).click();
    await expect(ida).toHaveURL(/\/story\/print$/);
    await expect(ida.getByText("Written together by Ida and Jon")).toBeVisible();
    const doc = ida.getByRole("article", { name: "The story" });
    await expect(doc).toContainText(beforeAgain);
    await expect(doc).not.toContainText(before);
    await expect(doc).toContainText(happened);
    await expect(doc).not.toContainText("A draft, not yet signed");
    const signers = doc.getByRole("listitem");
    await expect(signers).toHaveCount(2);
    await expect(signers.filter({ hasText: "Ida" })).toContainText(/Signed in Mend on /);
    await expect(signers.filter({ hasText: "Jon" })).toContainText(/Signed in Mend on /);
    await expectAccessible(ida, "story, printable, signed");
  });
});
