import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "@playwright/test";
import { TOTP } from "otpauth";
import { expect, expectAccessible, meetCouple, newContext, PASSWORD, test } from "./fixtures.ts";
import { e2eNow } from "./today.ts";

/**
 * The therapist workspace from the operator's command to the unlink: Dr. Ana Ruiz makes her
 * account from a one-time link with an authenticator app as her second step; Ida (on a phone)
 * proposes her, Jon (at a desk) consents, she accepts; Ida compares the key's fingerprint with
 * what Dr. Ruiz's screen shows and lets her in; a reflection and a story paragraph shared with
 * her open in her browser; she keeps a note; the couple reads who saw what; Jon unlinks, the
 * couple's key changes, and her next look finds nothing.
 */

/** How long a change may take to reach another open screen, without a reload. */
const LIVE = { timeout: 10_000 };

const state = () =>
  JSON.parse(readFileSync(process.env.MEND_E2E_STATE_FILE ?? "", "utf8")) as {
    databaseUrl: string;
  };

/**
 * What the operator runs on the server: `mend invite-therapist <email>`, its link printed (on
 * the journeys' clock, see operator.ts).
 */
function operatorInvites(email: string, baseURL: string): string {
  const printed = execFileSync("npx", ["tsx", "test/e2e/operator.ts", email], {
    env: { ...process.env, DATABASE_URL: state().databaseUrl, MEND_PUBLIC_URL: baseURL },
    encoding: "utf8",
  });
  const link = /https?:\/\/\S+\/therapist\/join\/[A-Za-z0-9_-]+/.exec(printed)?.[0];
  if (!link) throw new Error(`no link in: ${printed}`);
  return new URL(link).pathname;
}

/** The code an authenticator app shows now, for the secret the set-up page showed. */
const codeFor = (secret: string) =>
  new TOTP({ secret, algorithm: "SHA1", digits: 6, period: 30 }).generate({
    timestamp: e2eNow().getTime(),
  });

const said = (page: Page, words: string | RegExp) =>
  page.getByRole("status").filter({ hasText: words });

test.describe("a couples therapist, linked by both", () => {
  test.describe.configure({ timeout: 180_000 });
  let contexts: BrowserContext[] = [];
  test.afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });

  test("invited, set up with a second step, let in by both, reading what was shared, then unlinked", async ({
    browser,
    baseURL,
  }) => {
    const email = `ana.ruiz.${Date.now()}@example.org`;
    const joinPath = operatorInvites(email, baseURL ?? "");

    // Dr. Ruiz makes her account at her desk.
    const office = await newContext(browser, { viewport: { width: 1280, height: 800 } });
    contexts.push(office);
    const ana = await office.newPage();
    await ana.goto(joinPath);
    await expect(ana.getByRole("heading", { name: "Join Mend as a therapist" })).toBeVisible();
    await expect(ana.getByText(email, { exact: true })).toBeVisible();
    await expectAccessible(ana, "therapist sign-up");
    await ana.getByLabel("Your name").fill("Dr. Ana Ruiz");
    await ana.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await ana.getByRole("button", { name: "Create account" }).click();
    await ana.getByLabel("I have kept my recovery code somewhere safe.").check({ timeout: 30_000 });
    await ana.getByRole("button", { name: "Continue to the second step" }).click();
    await expect(ana.getByRole("heading", { name: "Set up your second step" })).toBeVisible();
    await expect(ana.getByAltText("QR code to scan with your authenticator app")).toBeVisible();
    await expectAccessible(ana, "second step set-up");
    const secret = ((await ana.locator(".workspace-secret__value").textContent()) ?? "").replace(
      /\s+/g,
      "",
    );
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await ana.getByLabel("I have kept my recovery codes somewhere safe.").check();
    await ana.getByLabel("Six-digit code").fill("000000");
    await ana.getByRole("button", { name: "Finish set-up" }).click();
    await expect(ana.getByRole("alert").or(said(ana, /not right/))).toContainText(/not right/);
    await ana.getByLabel("Six-digit code").fill(codeFor(secret));
    await ana.getByRole("button", { name: "Finish set-up" }).click();
    await expect(ana.getByRole("heading", { name: "Your caseload" })).toBeVisible();
    await expectAccessible(ana, "an empty caseload");

    // Ida proposes her; Jon's open screen hears it and consents.
    const { ida, jon } = await meetCouple(browser, contexts, "therapist");
    // Without a linked therapist, no form offers to share with one.
    await ida.goto("/intensity");
    await expect(ida.getByRole("heading", { level: 1, name: "Intensity" })).toBeVisible();
    await expect(ida.getByText(/and your therapist/)).toHaveCount(0);
    await jon.goto("/support");
    await ida.goto("/support");
    const idasCard = ida.getByRole("region", { name: "Your therapist" });
    await idasCard.getByLabel("Your therapist's e-mail").fill(email);
    await idasCard.getByRole("button", { name: "Propose this therapist" }).click();
    await expect(
      ida.getByRole("heading", { name: "You proposed Dr. Ana Ruiz: waiting for Jon to consent" }),
    ).toBeVisible();
    await expect(jon.getByRole("heading", { name: "Ida proposed Dr. Ana Ruiz" })).toBeVisible(LIVE);
    await expectAccessible(jon, "a therapist proposed by the partner");
    await jon.getByRole("button", { name: "Consent" }).click();
    await expect(
      jon.getByRole("heading", { name: "Both of you consented: waiting for Dr. Ana Ruiz" }),
    ).toBeVisible();

    // She accepts; before the fingerprint, she opens nothing.
    await ana.reload();
    await ana.getByRole("button", { name: "Accept Ida and Jon" }).click();
    await ana.getByRole("link", { name: "Ida and Jon" }).click();
    await expect(ana.getByRole("heading", { name: "Waiting to be let in" })).toBeVisible();
    const anasFingerprint = await ana
      .locator(".workspace-fingerprint__group")
      .first()
      .locator("xpath=..")
      .locator(".workspace-fingerprint__group")
      .allTextContents();
    expect(anasFingerprint?.length).toBeGreaterThanOrEqual(5);

    // Ida compares what Dr. Ruiz's screen shows with her own, and lets her in.
    await expect(
      ida.getByRole("heading", {
        name: "Dr. Ana Ruiz accepted: compare their key before letting them in",
      }),
    ).toBeVisible(LIVE);
    const groups = await ida
      .getByRole("list", { name: "Dr. Ana Ruiz's key fingerprint" })
      .getByRole("listitem")
      .allTextContents();
    expect(groups.map((g) => g.trim())).toEqual(anasFingerprint);
    await expectAccessible(ida, "comparing the therapist's fingerprint on a phone");
    const letIn = ida.getByRole("button", { name: "Let Dr. Ana Ruiz in" });
    await expect(letIn).toBeDisabled();
    await ida.getByLabel("It matches what Dr. Ana Ruiz showed me").check();
    await letIn.click();
    await expect(
      ida.getByRole("heading", { name: "Dr. Ana Ruiz is your therapist" }),
    ).toBeVisible();
    await ida.goto("/intensity");
    await expect(ida.getByText("You, Jon and your therapist")).toBeVisible();

    // A story paragraph and a reflection, shared with Jon and then with Dr. Ruiz.
    const paragraph = "We stopped asking each other how the day had been.";
    await ida.goto("/story");
    const before = ida.getByRole("region", { name: "Before" });
    await before.getByRole("button", { name: "Write the first paragraph" }).click();
    await ida.getByLabel("A paragraph for “Before”").fill(paragraph);
    await before.getByRole("button", { name: "Add to the story" }).click();
    await ida.getByRole("button", { name: "Share paragraph 1 with our therapist" }).click();
    await expect(ida.getByText("Shared with Dr. Ana Ruiz")).toBeVisible();

    const reflection = "Most evenings I felt like a guest in my own kitchen.";
    await ida.goto("/reflections?prompt=unspoken-alone");
    await ida.getByLabel("Your reflection").fill(reflection);
    await expect(ida.getByText(/^Saved privately at /)).toBeVisible(LIVE);
    await ida.getByRole("button", { name: "Share with Jon" }).click();
    await ida.getByRole("button", { name: "Yes, share it" }).click();
    await ida.getByRole("button", { name: "Share your answer with our therapist" }).click();
    await expect(ida.getByText("Shared with Dr. Ana Ruiz")).toBeVisible();

    // In Dr. Ruiz's browser the words open; then she keeps a note of her own.
    await ana.reload();
    const shared = ana.getByRole("region", { name: "What they shared with you" });
    await expect(shared).toContainText(paragraph);
    await expect(shared).toContainText(reflection);
    await expectAccessible(ana, "the couple view");
    await ana.getByLabel("A private note").fill("Ida names loneliness before anger. Ask Jon.");
    await ana.getByRole("button", { name: "Keep this note" }).click();
    await expect(said(ana, "Note kept. Only you can read it.")).toBeVisible();

    // The couple reads who saw what, in their own words; nothing about anyone's sign-ins.
    await jon.goto("/audit");
    await expect(jon.getByRole("heading", { name: "Who saw what" })).toBeVisible();
    const entries = jon.locator(".audit-entry");
    await expect(
      entries.filter({ hasText: /^Dr\. Ana Ruiz opened your shared story/ }),
    ).not.toHaveCount(0);
    await expect(
      entries.filter({ hasText: /^You consented to working with Dr\. Ana Ruiz/ }),
    ).toHaveCount(1);
    await expect(jon.getByText(/signed in/i)).toHaveCount(0);
    await expectAccessible(jon, "who saw what");

    // Jon unlinks; Ida's open screen hears it; the key changes; her next look finds nothing.
    await ida.goto("/support");
    await expect(
      ida.getByRole("heading", { name: "Dr. Ana Ruiz is your therapist" }),
    ).toBeVisible();
    await jon.goto("/support");
    await jon.getByRole("button", { name: "Unlink Dr. Ana Ruiz" }).click();
    await jon.getByRole("button", { name: "Yes, unlink Dr. Ana Ruiz" }).click();
    await expect(jon.getByText(/key has changed/)).toBeVisible();
    await ana.reload();
    await expect(ana.getByText(paragraph)).toHaveCount(0);
    await ana.goto("/therapist");
    await expect(ana.getByRole("link", { name: "Ida and Jon" })).toHaveCount(0);
    await expect(ida.getByRole("heading", { name: "No therapist is linked" })).toBeVisible(LIVE);
  });
});
