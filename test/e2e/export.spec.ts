import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { DEMO_PEOPLE } from "../../src/cli/demo-seed.ts";
import type { ExportDocument } from "../../src/client/export.ts";
import { expect, meetCouple, newContext, test } from "./fixtures.ts";

const [robin, kai] = DEMO_PEOPLE;
/** The demo's words: Robin's private stressor and one shared stressor of each. */
const ROBIN_PRIVATE = "Sleeping badly since it came out";
const ROBIN_SHARED = "Quarter-end deadline at work";
const KAI_SHARED = "Renovating the bathroom";

async function signInAs(browser: Browser, person: (typeof DEMO_PEOPLE)[number]) {
  const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: `Hello, ${person.name}` })).toBeVisible();
  return { context, page };
}

/** Presses "Download all my data" and reads the file the browser saved. */
async function download(page: Page): Promise<{ name: string; text: string }> {
  await page.goto("/account");
  const saved = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download all my data" }).click();
  const file = await saved;
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, "utf8") };
}

test.describe("taking one's data along", () => {
  let contexts: BrowserContext[] = [];
  test.afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });

  test("downloads everything one may read, opened, and never the partner's private words", async ({
    browser,
  }) => {
    const asKai = await signInAs(browser, kai);
    const asRobin = await signInAs(browser, robin);
    contexts = [asKai.context, asRobin.context];

    const kais = await download(asKai.page);
    expect(kais.name).toMatch(/^mend-export-\d{4}-\d{2}-\d{2}\.json$/);
    const document = JSON.parse(kais.text) as ExportDocument;
    expect(document.person).toMatchObject({ name: "Kai", email: kai.email });
    expect(document.couple?.partners.map((p) => p.name).sort()).toEqual(["Kai", "Robin"]);
    expect(kais.text).toContain(KAI_SHARED);
    expect(kais.text).toContain(ROBIN_SHARED);
    expect(kais.text).not.toContain(ROBIN_PRIVATE);
    await expect(asKai.page.getByText(/Your file is ready/)).toBeVisible();

    const robins = await download(asRobin.page);
    expect(robins.text).toContain(ROBIN_PRIVATE);
    expect(robins.text).toContain(KAI_SHARED);
  });

  test("a printable summary lists the same words readably, without the app's frame on paper", async ({
    browser,
  }) => {
    const { context, page } = await signInAs(browser, kai);
    contexts = [context];
    await page.goto("/account");
    await page.getByRole("link", { name: "Printable summary", exact: true }).click();
    await expect(
      page.getByRole("heading", { name: "Everything you can read in Mend" }),
    ).toBeVisible();
    const stressors = page.getByRole("region", { name: "Stressors" });
    await expect(stressors.getByText(KAI_SHARED)).toBeVisible({ timeout: 20_000 });
    await expect(stressors.getByText(ROBIN_SHARED)).toBeVisible();
    await expect(page.getByText(ROBIN_PRIVATE)).toHaveCount(0);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
    await expect(page.locator(".site-header")).toBeHidden();
  });

  test("a new name shows on the partner's open screen without a reload", async ({ browser }) => {
    const { ida, jon } = await meetCouple(browser, contexts, "rename");
    await expect(jon.getByText("You and Ida are both here.")).toBeVisible();
    await ida.goto("/account");
    await ida.getByLabel("Your name").fill("Ida Marie");
    await ida.getByRole("button", { name: "Save name" }).click();
    await expect(ida.getByText("Saved. Your partner now sees you as Ida Marie.")).toBeVisible();
    await expect(jon.getByText("You and Ida Marie are both here.")).toBeVisible({
      timeout: 15_000,
    });
  });
});
