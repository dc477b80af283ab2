import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page, ViewportSize as Viewport } from "@playwright/test";
import { expect, signUp, test } from "./fixtures.ts";
import { e2eNow } from "./today.ts";

/**
 * Mend as an installed app (ADR 0025): Chrome's own verdict that it can be installed, real
 * icons of the sizes the manifest states, the offline page when the network is gone, and no
 * answer of the API ever kept on the device.
 */

type Opened = { context: BrowserContext; page: Page };

/**
 * Browsers with a profile of their own on disk, as a person's is: Chrome offers to install
 * nothing in a throwaway (incognito) context, which every other journey uses.
 */
const it = test.extend<{ personalBrowser: (viewport: Viewport) => Promise<Opened> }>({
  personalBrowser: async ({ playwright, launchOptions, baseURL }, use) => {
    const opened: Array<{ context: BrowserContext; profile: string }> = [];
    await use(async (viewport) => {
      const profile = mkdtempSync(join(tmpdir(), "mend-e2e-profile-"));
      const context = await playwright.chromium.launchPersistentContext(profile, {
        ...launchOptions,
        baseURL,
        viewport,
      });
      opened.push({ context, profile });
      if (process.env.MEND_E2E_TODAY) await context.clock.install({ time: e2eNow() });
      return { context, page: context.pages()[0] ?? (await context.newPage()) };
    });
    for (const { context, profile } of opened) {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  },
});

/** Waits until the service worker has taken over the page, as it does after the first visit. */
async function controlledBy(page: Page): Promise<string> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 20_000,
  });
  return page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? "");
}

/** Every address kept in the origin's caches, by cache. */
function keptAddresses(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const kept: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      kept[name] = (await cache.keys()).map((request) => new URL(request.url).pathname);
    }
    return kept;
  });
}

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

it.describe("the installable app", () => {
  it("Chrome finds nothing to stop installing it, and its icons are what it says", async ({
    personalBrowser,
  }) => {
    const { context, page } = await personalBrowser({ width: 1280, height: 800 });
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto("/");
    expect(await controlledBy(page)).toMatch(/\/sw\.js$/);
    // Starting the worker and filling its cache, signed out, troubles the page with nothing.
    expect(errors).toEqual([]);

    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);

    const manifest = await page.request.get("/manifest.webmanifest");
    expect(manifest.headers()["content-type"]).toContain("application/manifest+json");
    const { icons, display, start_url, scope, id } = (await manifest.json()) as {
      icons: ManifestIcon[];
      display: string;
      start_url: string;
      scope: string;
      id: string;
    };
    expect({ display, start_url, scope, id }).toEqual({
      display: "standalone",
      start_url: "/",
      scope: "/",
      id: "/",
    });
    const pngs = icons.filter((icon) => icon.type === "image/png");
    expect(pngs.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual([
      "192x192 any",
      "512x512 any",
      "512x512 maskable",
    ]);
    const touchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
    const stated = [...pngs, { src: touchIcon ?? "", sizes: "180x180" }];
    for (const icon of stated) {
      // Drawn by the browser, so what is measured is what a launcher would get.
      const drawn = await page.evaluate(async (src) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        return `${image.naturalWidth}x${image.naturalHeight}`;
      }, icon.src);
      expect(drawn, icon.src).toBe(icon.sizes);
    }
  });

  it("offline, a page says so kindly, drawn from the kept shell", async ({ personalBrowser }) => {
    const { context, page } = await personalBrowser({ width: 390, height: 844 });
    await page.goto("/");
    await controlledBy(page);

    await context.setOffline(true);
    // A page open to a visitor who is not signed in, so "Try again" below stays on it.
    await page.goto("/help");
    await expect(page.getByRole("heading", { name: "You're offline" })).toBeVisible();
    await expect(page.getByText("Nothing you write is stored on this device")).toBeVisible();
    await expect(page.getByRole("link", { name: "Try again" })).toBeVisible();
    // The kept stylesheet passed its integrity check and applies: the way out is pinned on top.
    const exit = page.getByRole("button", { name: "Quick exit" });
    await expect(exit).toHaveCSS("position", "fixed");
    // And it leaves, for another site (routed here: this machine has no outside network).
    await context.route("https://duckduckgo.com/**", (route) =>
      route.fulfill({ contentType: "text/html", body: "<title>Weather</title>" }),
    );
    await context.setOffline(false);
    await exit.click();
    await expect(page).toHaveTitle("Weather");

    // Back, still offline; then online again, "Try again" opens the page asked for.
    await context.setOffline(true);
    await page.goBack();
    await expect(page.getByRole("heading", { name: "You're offline" })).toBeVisible();
    await context.setOffline(false);
    await page.getByRole("link", { name: "Try again" }).click();
    await expect(page).toHaveURL(/\/help$/);
    await expect(page.getByRole("heading", { name: "You're offline" })).toHaveCount(0);
  });

  it("keeps nothing of the API on the device, signed in and using the app", async ({
    personalBrowser,
  }) => {
    const { page } = await personalBrowser({ width: 390, height: 844 });
    const asked: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname.startsWith("/api/")) asked.push(request.url());
    });
    await page.goto("/signup");
    await controlledBy(page);
    await signUp(page, "Noa", `noa.${Date.now()}@example.org`);
    await expect(page.getByRole("heading", { name: "Where do you stand?" })).toBeVisible();
    await page.getByRole("radio", { name: /^Both of us/ }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByLabel("Invite link for your partner")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { name: "Hello, Noa" })).toBeVisible();
    await page.getByRole("link", { name: "Talks" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(asked.length, "the app asked the API while signed in").toBeGreaterThan(3);

    const kept = await keptAddresses(page);
    const names = Object.keys(kept);
    expect(names, "one cache: this build's shell").toHaveLength(1);
    const addresses = Object.values(kept).flat();
    expect(addresses).toContain("/favicon.svg");
    expect(addresses.some((path) => /^\/assets\/.+\.css$/.test(path))).toBe(true);
    for (const path of addresses) {
      expect(path).toMatch(/^\/(assets\/[\w.-]+|icons\/[\w-]+\.png|favicon\.svg)$/);
    }
  });
});
