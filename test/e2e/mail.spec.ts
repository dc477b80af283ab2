import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import { migrateToLatest, openDatabase } from "../../src/server/platform/db.ts";
import { type Received, TestSmtp } from "../support/smtp.ts";
import { expect, expectAccessible, newContext, PASSWORD, test } from "./fixtures.ts";
import { e2eNow } from "./today.ts";

/**
 * A couple meets Mend on an instance that sends e-mail: each signs up through a mailed link (the
 * partner's by way of the invite, whose secret never leaves the browser), one turns on a
 * reminder, the partner's proposal waits, the reminder arrives at a real SMTP server, and its
 * stop link, opened in the browser, turns that kind off; then she moves to a new address. The server is this file's own, with a
 * clock that runs from the journeys' "now" and can be moved on by an hour.
 */
const smtp = new TestSmtp();
const port = Number(process.env.MEND_E2E_PORT ?? "4789") + 1;
const base = `http://127.0.0.1:${port}`;
let extraMs = 0;
let server: FastifyInstance;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  await smtp.start();
  const dir = mkdtempSync(join(tmpdir(), "mend-e2e-mail-"));
  const config = loadConfig({
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: `sqlite:${join(dir, "mend.sqlite")}`,
    MEND_PUBLIC_URL: base,
    MEND_LOG_LEVEL: "warn",
    MEND_EVENT_POLL_MS: "1000",
    MEND_SMTP_URL: smtp.url,
    MEND_MAIL_POLL_MS: "200",
    MEND_REMINDER_POLL_MS: "200",
    ...(process.env.MEND_E2E_WEB_DIR ? { MEND_WEB_DIR: process.env.MEND_E2E_WEB_DIR } : {}),
  });
  const database = await openDatabase(config.databaseUrl);
  await migrateToLatest(database);
  server = await buildApp({
    config,
    database,
    clock: { now: () => new Date(e2eNow().getTime() + extraMs) },
    logger: false,
  });
  await server.listen({ port, host: "127.0.0.1" });
});

test.afterAll(async () => {
  for (const context of contexts) await context.close();
  await server?.close();
  await smtp.stop();
});

/** The next message to `address`, waited for as a person waits for their inbox. */
async function letterTo(address: string, seen = 0): Promise<Received> {
  let found: Received | undefined;
  await expect
    .poll(
      () => {
        found = smtp.received.filter((m) => m.to.includes(address))[seen];
        return found !== undefined;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return found as Received;
}

function linkIn(message: Received, path: RegExp): string {
  const link = (message.parts.get("text/plain") ?? "")
    .split(/\s+/)
    .find((word) => word.startsWith(base) && path.test(new URL(word).pathname));
  if (!link) throw new Error(`no ${path} link in "${message.headers.get("subject")}"`);
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}

/** Asks for a sign-up link on the current page, follows it from the inbox, and signs up. */
async function signUpByMail(page: Page, name: string, email: string) {
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByText("Check your e-mail.")).toBeVisible();
  await page.goto(linkIn(await letterTo(email), /^\/signup\//));
  await expect(page.getByLabel("E-mail")).toHaveValue(email);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Keep your recovery code" })).toBeVisible({
    timeout: 20_000,
  });
  await page.getByLabel("I have kept my recovery code somewhere safe.").check();
  await page.getByRole("button", { name: "Continue" }).click();
}

test.describe("with e-mail on", () => {
  test("sign-up by mailed links, an invite kept whole, a reminder and its stop link", async ({
    browser,
  }) => {
    const stamp = Date.now();
    const idaEmail = `ida.${stamp}@example.org`;
    const jonEmail = `jon.${stamp}@example.org`;
    const phone = await newContext(browser, {
      baseURL: base,
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const desk = await newContext(browser, {
      baseURL: base,
      viewport: { width: 1280, height: 800 },
    });
    contexts.push(phone, desk);
    const ida = await phone.newPage();
    const jon = await desk.newPage();

    await ida.goto("/signup");
    await signUpByMail(ida, "Ida", idaEmail);
    await ida.getByRole("radio", { name: /^Both of us/ }).check();
    await ida.getByRole("button", { name: "Continue" }).click();
    const invite = new URL(await ida.getByLabel("Invite link for your partner").inputValue());

    // Jon's sign-up link comes back to the invite; its secret never went to the server or the mail.
    await jon.goto(`${invite.pathname}${invite.hash}`);
    await signUpByMail(jon, "Jon", jonEmail);
    const jonsLetter = await letterTo(jonEmail);
    expect(jonsLetter.raw).not.toContain(invite.hash.slice(3));
    await jon.getByRole("radio", { name: /^Both of us/ }).check();
    await jon.getByRole("button", { name: "Join Ida" }).click();
    await expect(jon.getByRole("heading", { name: "Needs you" })).toBeVisible();

    await ida.goto("/account#reminders");
    const reminders = ida.locator("#reminders");
    await reminders.getByLabel("My partner is waiting for my answer").check();
    await reminders.getByRole("button", { name: "Save reminders" }).click();
    await expect(
      reminders.getByText("Saved. You get one kind of reminder by e-mail."),
    ).toBeVisible();
    await expectAccessible(ida, "account, reminders");

    await jon.goto("/agreements");
    await jon.getByRole("radio", { name: "When and how we talk" }).check();
    await jon.getByLabel("The agreement").fill("We talk after dinner, never in bed.");
    await jon.getByRole("button", { name: "Propose agreement" }).click();
    await expect(jon.getByText("We talk after dinner, never in bed.")).toBeVisible();

    // An hour on, the proposal has waited long enough to be worth an e-mail.
    extraMs = 61 * 60_000;
    const reminder = await letterTo(idaEmail, 1);
    expect(reminder.headers.get("subject")).toBe("Something is waiting for your answer");
    expect(reminder.raw).not.toMatch(/Jon|never in bed/);
    const stop = linkIn(reminder, /^\/reminders\/stop\//);
    expect(reminder.headers.get("list-unsubscribe")).toBe(`<${base}${stop}>`);

    await ida.goto(stop);
    await ida.getByRole("button", { name: "Stop this kind of reminder" }).click();
    await expect(
      ida.getByText(/no more reminders of a proposal waiting for your answer/),
    ).toBeVisible();
    await ida.goto("/account#reminders");
    await expect(
      ida.locator("#reminders").getByLabel("My partner is waiting for my answer"),
    ).not.toBeChecked();

    // A new address takes effect through the link it receives; the old one is told.
    const moved = `ida.moved.${stamp}@example.org`;
    await ida.getByRole("button", { name: "Change e-mail…" }).click();
    await ida.getByLabel("New e-mail address").fill(moved);
    await ida.getByLabel("Your password, to confirm").fill(PASSWORD);
    await ida.getByRole("button", { name: "Change my e-mail" }).click();
    await expect(ida.getByText(`Check the inbox of ${moved}`)).toBeVisible({ timeout: 20_000 });
    await ida.goto(linkIn(await letterTo(moved), /^\/email\//));
    await ida.getByRole("button", { name: "Use this address" }).click();
    await expect(ida.getByText("Your address is changed")).toBeVisible();
    await expectAccessible(ida, "new address confirmed");
    const told = await letterTo(idaEmail, 2);
    expect(told.headers.get("subject")).toBe("Your sign-in address was changed");
    await ida.goto("/account");
    await expect(ida.locator(".account-email")).toContainText(moved);
  });
});
