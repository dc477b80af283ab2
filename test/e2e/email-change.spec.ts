import { expect, newContext, PASSWORD, signUp, test } from "./fixtures.ts";

/**
 * Moving to a new sign-in address where the instance sends no e-mail (as the journeys' server
 * does): it changes at once, and from then on only the new address signs in, to the same keys.
 */
test("a new address changes at once and is the one that signs in afterwards", async ({
  browser,
}) => {
  const stamp = Date.now();
  const before = `lea.before.${stamp}@example.org`;
  const moved = `lea.moved.${stamp}@example.org`;
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto("/signup");
  await signUp(page, "Lea", before);

  await page.goto("/account");
  await page.getByRole("button", { name: "Change e-mail…" }).click();
  await page.getByLabel("New e-mail address").fill(moved);
  await page.getByLabel("Your password, to confirm").fill("not my password at all");
  await page.getByRole("button", { name: "Change my e-mail" }).click();
  await expect(page.locator("#change-email-password-error")).toContainText(
    "That password isn't right.",
    { timeout: 20_000 },
  );
  await page.getByLabel("Your password, to confirm").fill(PASSWORD);
  await page.getByRole("button", { name: "Change my e-mail" }).click();
  await expect(page.getByText(`Saved. You now sign in with ${moved}.`)).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.locator(".account-email")).toContainText(moved);

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(before);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That e-mail and password don't match an account.")).toBeVisible({
    timeout: 20_000,
  });

  await page.getByLabel("E-mail").fill(moved);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/signin$/, { timeout: 20_000 });
  await page.goto("/account");
  await expect(page.locator(".account-email")).toContainText(moved);
  await context.close();
});
