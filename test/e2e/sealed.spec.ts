import { readFile } from "node:fs/promises";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, expectAccessible, newContext, PASSWORD, signUp, test } from "./fixtures.ts";

/**
 * Sealed words, as one person on a phone lives them: keys made in the browser while the screen
 * says so, a recovery code shown once, staying unlocked across reloads and tabs with nothing
 * readable left on the device, sign-out leaving nothing that opens, and recovery with the code.
 */

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 800 };
const NEW_PASSWORD = "a slower and kinder morning";
const RECOVERY_CODE = /^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/;
const CALM_SIGNIN_ERROR =
  "That e-mail and password don't match an account. Check them and try again.";

/** Everything this origin keeps in the browser: web storage, IndexedDB and Cache Storage. */
async function deviceStorage(page: Page) {
  return page.evaluate(async () => {
    const dump = (storage: Storage) =>
      Object.fromEntries(
        Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? "").map((key) => [
          key,
          storage.getItem(key) ?? "",
        ]),
      );
    const request = <T>(req: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const indexed: Record<string, unknown> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await request(indexedDB.open(info.name));
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = db.transaction(store, "readonly").objectStore(store).getAll();
        indexed[`${info.name}/${store}`] = await request(rows);
      }
      db.close();
    }
    const cached: string[] = [];
    for (const name of await caches.keys()) {
      for (const entry of await (await caches.open(name)).keys()) cached.push(entry.url);
    }
    return {
      local: dump(localStorage),
      session: dump(sessionStorage),
      indexed: JSON.stringify(indexed),
      cached,
    };
  });
}

/** The status of a same-origin request made by the page itself, with its cookies. */
async function statusOf(page: Page, path: string): Promise<number> {
  return page.evaluate(
    async (url) => (await fetch(url, { credentials: "same-origin" })).status,
    path,
  );
}

/** Signs out the way a person does on a phone: More, Account, Sign out. */
async function signOut(page: Page) {
  await page.getByRole("button", { name: "More" }).click();
  await page.getByRole("link", { name: "Account", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByText("You're signed out. Take care.")).toBeVisible();
}

/** A full-page picture at the phone size and at a desk, kept with this run's results. */
async function screenshots(page: Page, name: string) {
  for (const size of [PHONE, DESK]) {
    await page.setViewportSize(size);
    // From the top, so the fixed quick-exit button sits in the header as a person first sees it.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: test.info().outputPath(`${name}-${size.width}x${size.height}.png`),
      fullPage: true,
    });
  }
  await page.setViewportSize(PHONE);
}

test.describe("sealed words on one person's phone", () => {
  let contexts: BrowserContext[] = [];
  test.afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });

  test("keys made in the browser, a recovery code kept once, unlocked across tabs, nothing readable left behind, recovery with the code", async ({
    browser,
  }) => {
    test.setTimeout(150_000);
    const stamp = Date.now();
    const email = `rowan.${stamp}@example.org`;
    const topic = `Who tells the children about the move (${stamp})`;
    const context = await newContext(browser, { viewport: PHONE });
    contexts = [context];
    const page = await context.newPage();

    // --- 1. sign-up: keys derived while the screen says so, then the code, once ------------------
    await page.goto("/signup");
    await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
    // Notes when "Unlocking…" first appears and when the sign-up request leaves: the keys are
    // derived in between, so the first must come before the second.
    await page.evaluate(() => {
      const seen: { unlockingAt?: number; signupSentAt?: number } = {};
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      const observer = new MutationObserver(() => {
        if (document.body.textContent?.includes("Unlocking your private space…")) {
          seen.unlockingAt ??= performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      const send = window.fetch.bind(window);
      window.fetch = (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (url.includes("/api/auth/signup")) seen.signupSentAt ??= performance.now();
        return send(input, init);
      };
    });
    await page.getByLabel("Your name").fill("Rowan");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Unlocking your private space…" }),
    ).toBeVisible();
    const heading = page.getByRole("heading", { name: "Keep your recovery code" });
    await expect(heading).toBeVisible({ timeout: 20_000 });
    const seen = await page.evaluate(
      () =>
        (window as unknown as { __seen: { unlockingAt?: number; signupSentAt?: number } }).__seen,
    );
    expect(seen.unlockingAt, "“Unlocking…” shown").toBeDefined();
    expect(seen.signupSentAt, "sign-up sent").toBeDefined();
    expect(seen.unlockingAt ?? 0).toBeLessThan(seen.signupSentAt ?? 0);
    await expect(page.getByText("Unlocking your private space…")).toHaveCount(0);

    const code = (await page.locator(".recovery-code__value code").textContent()) ?? "";
    expect(code).toMatch(RECOVERY_CODE);
    await expectAccessible(page, "recovery code, after sign-up");
    await screenshots(page, "recovery-code");

    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("mend-recovery-code.txt");
    const file = await readFile(await download.path(), "utf8");
    expect(file).toContain(`Code: ${code}`);
    expect(file).toContain(`For: ${email}`);

    const go = page.getByRole("button", { name: "Continue" });
    await expect(go).toBeDisabled();
    const kept = page.getByLabel("I have kept my recovery code somewhere safe.");
    await kept.check();
    await expect(go).toBeEnabled();
    await kept.uncheck();
    await expect(go).toBeDisabled();
    await kept.check();
    await go.click();

    // --- 2. a couple, a topic parked, and it stays readable across a reload and a new tab -------
    await expect(page.getByRole("heading", { name: "Where do you stand?" })).toBeVisible();
    // Shown once: gone now, and not shown again.
    await expect(page.getByText(code)).toHaveCount(0);
    await page.getByRole("radio", { name: /I was hurt/ }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    const inviteUrl = await page.getByLabel("Invite link for your partner").inputValue();
    expect(inviteUrl).toMatch(/\/join\/[\w-]{20,}#k=[\w-]{43}$/);
    const inviteSecret = new URL(inviteUrl).hash.slice("#k=".length);

    await page.getByRole("button", { name: "More" }).click();
    await page.getByRole("link", { name: "Parking lot", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Parking lot" })).toBeVisible();
    await page.getByLabel("What would you like to talk about?").fill(topic);
    const posting = page.waitForRequest(
      (r) => r.method() === "POST" && new URL(r.url()).pathname === "/api/parking-lot",
    );
    await page.getByRole("button", { name: "Park it for our next talk" }).click();
    // What leaves the browser is sealed under the couple's key, not the words.
    const posted = (await posting).postData() ?? "";
    expect(posted).not.toContain(topic);
    expect(posted).toMatch(/"m1\.s1\.[\w-]{16}\.[\w-]+"/);
    await expect(page.getByText("Parked. It will wait for your next talk time.")).toBeVisible();
    const parked = (p: Page) => p.getByRole("article", { name: topic });
    await expect(parked(page)).toBeVisible();

    await page.reload();
    await expect(page).toHaveURL(/\/parking-lot$/);
    await expect(parked(page)).toBeVisible();

    const tab = await context.newPage();
    await tab.goto("/parking-lot");
    await expect(parked(tab)).toBeVisible();
    await expect(tab).toHaveURL(/\/parking-lot$/);
    await expect(tab.getByLabel("Password", { exact: true })).toHaveCount(0);

    // --- 3. what the device keeps: one sealed envelope, nothing readable -------------------------
    const { unlockKey } = await page.evaluate(
      async () => (await (await fetch("/api/auth/keys")).json()) as { unlockKey: string },
    );
    expect(unlockKey).toMatch(/^[\w-]{43}$/);
    const onDevice = await deviceStorage(page);
    expect(Object.keys(onDevice.local)).toEqual(["mend.device-keys"]);
    const deviceKeys = onDevice.local["mend.device-keys"] ?? "";
    expect(deviceKeys).toContain("m1.u.");
    const stored = JSON.parse(deviceKeys) as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(["sealed", "userId"]);
    expect(stored.sealed).toMatch(/^m1\.u\.[\w-]{16}\.[\w-]+$/);
    const everything = JSON.stringify(onDevice) + JSON.stringify(await context.cookies());
    for (const secret of [
      topic,
      unlockKey,
      inviteSecret,
      code,
      code.replaceAll("-", ""),
      PASSWORD,
    ]) {
      expect(everything, "nothing readable or raw on the device").not.toContain(secret);
    }
    expect(JSON.stringify(await deviceStorage(tab))).not.toContain(topic);

    await signOut(page);
    const afterSignOut = await deviceStorage(page);
    expect(afterSignOut.local).not.toHaveProperty("mend.device-keys");
    expect(JSON.stringify(afterSignOut)).not.toContain("m1.u.");
    expect(await statusOf(page, "/api/auth/keys")).toBe(401);
    // The other tab's session ended too: a reload asks to sign in and shows no words.
    await tab.reload();
    await expect(tab).toHaveURL(/\/signin\?next=%2Fparking-lot$/);
    await expect(parked(tab)).toHaveCount(0);
    await tab.close();

    // --- 4. forgot the password, kept the code ---------------------------------------------------
    await page.goto("/signin");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page).toHaveURL(/\/recover$/);
    await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await expectAccessible(page, "recover");
    await screenshots(page, "recover");

    const form = page.getByRole("form", { name: "Choose a new password" });
    const codeField = page.getByLabel("Recovery code");
    const submit = page.getByRole("button", { name: "Set my new password" });
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);

    // Not a code at all: said at the field, nothing sent.
    await codeField.fill("7K2M-9QXD");
    await submit.click();
    await expect(page.getByRole("alert")).toContainText(
      "Check the recovery code: it has 32 letters and digits.",
    );
    await expect(form).toContainText("That isn't a whole recovery code: 32 letters and digits.");

    // A whole code, but not this account's: a calm error, the form still there.
    const wrong = code.startsWith("0") ? `1${code.slice(1)}` : `0${code.slice(1)}`;
    await codeField.fill(wrong);
    await submit.click();
    await expect(page.getByRole("alert")).toContainText(
      "That e-mail and recovery code don't match an account. Check both and try again.",
    );
    await expect(submit).toBeEnabled();
    await expect(page.getByLabel("E-mail")).toHaveValue(email);

    // The real code, typed loosely: lower case, spaces instead of dashes.
    const loose = code.toLowerCase().replaceAll("-", " ");
    await codeField.fill(loose);
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await submit.click();
    await expect(page.getByRole("heading", { name: "You're back in" })).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByRole("heading", { name: "Keep your recovery code" })).toBeVisible();
    const newCode = (await page.locator(".recovery-code__value code").textContent()) ?? "";
    expect(newCode).toMatch(RECOVERY_CODE);
    expect(newCode).not.toBe(code);
    await expectAccessible(page, "recovery code, after recovery");
    await screenshots(page, "recovery-code-new");
    const goOn = page.getByRole("button", { name: "Go on to Mend" });
    await expect(goOn).toBeDisabled();
    await page.getByLabel("I have kept my recovery code somewhere safe.").check();
    await goOn.click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("button", { name: "More" })).toBeVisible();

    // Private words survived: the same keys, opened by the code.
    await page.getByRole("button", { name: "More" }).click();
    await page.getByRole("link", { name: "Parking lot", exact: true }).click();
    await expect(parked(page)).toBeVisible();

    // The old password is refused calmly; the new one opens the same words.
    await signOut(page);
    await page.goto("/signin");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toContainText(CALM_SIGNIN_ERROR);
    await expect(page.getByLabel("E-mail")).toHaveValue(email);
    await page.getByLabel("Password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "More" })).toBeVisible({ timeout: 20_000 });
    await page.goto("/parking-lot");
    await expect(parked(page)).toBeVisible();

    // The code used once works no more.
    await signOut(page);
    await page.goto("/recover");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Recovery code").fill(code);
    await page.getByLabel("New password", { exact: true }).fill("yet another quiet evening");
    await page.getByRole("button", { name: "Set my new password" }).click();
    await expect(page.getByRole("alert")).toContainText(
      "That e-mail and recovery code don't match an account.",
    );
  });

  test("a wrong password at sign-in is refused calmly and keeps the e-mail", async ({
    browser,
  }) => {
    const email = `sasha.${Date.now()}@example.org`;
    const first = await newContext(browser, { viewport: PHONE });
    const other = await newContext(browser, { viewport: PHONE });
    contexts = [first, other];
    const setUp = await first.newPage();
    await setUp.goto("/signup");
    await signUp(setUp, "Sasha", email);
    await expect(setUp.getByRole("heading", { name: "Where do you stand?" })).toBeVisible();

    // Another device, a mistyped password.
    const page = await other.newPage();
    await page.goto("/signin");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(`${PASSWORD}!`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toContainText(CALM_SIGNIN_ERROR);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(page.getByLabel("E-mail")).toHaveValue(email);
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    await expectAccessible(page, "sign-in, wrong password");
    expect((await deviceStorage(page)).local).not.toHaveProperty("mend.device-keys");

    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Where do you stand?" })).toBeVisible({
      timeout: 20_000,
    });
  });

  test("a sign-in whose code cannot come says so and keeps what was typed", async ({ browser }) => {
    // The page comes without the client and zod; they come on the first check (ADR 0030). No
    // service worker, which would answer from its copies whatever the network does.
    const context = await newContext(browser, { viewport: PHONE, serviceWorkers: "block" });
    contexts = [context];
    const page = await context.newPage();
    await page.goto("/signin");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    const away = /\/assets\/(zod|client)-[\w-]+\.js$/;
    await context.route(away, (route) => route.abort());
    await page.getByLabel("E-mail").fill("nobody.here@example.org");
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toContainText(
      "We couldn't reach Mend to check this form",
    );
    await expect(page.getByLabel("E-mail")).toHaveValue("nobody.here@example.org");
  });
});
