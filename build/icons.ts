import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

/**
 * Draws the installed app's PNG icons from the favicon (src/web/public/favicon.svg), so the
 * home screen shows the same mark as the browser tab. Run by hand when the mark changes, and
 * commit what it writes under src/web/public/icons/:
 *
 *   npx tsx build/icons.ts
 *
 * Chromium draws them (CHROMIUM_PATH, or Debian's /usr/bin/chromium), as it draws the favicon.
 * Three kinds:
 * - "any": the favicon as it is, rounded corners on a clear background;
 * - "maskable": the mark on a full square of its own colour, small enough to stay whole inside
 *   the circle every launcher's mask keeps (the middle 80%);
 * - Apple's touch icon: a full square too (iOS rounds the corners itself, and fills clear
 *   pixels with black), the mark at the favicon's own size.
 */

const publicDir = fileURLToPath(new URL("../src/web/public/", import.meta.url));
const favicon = readFileSync(`${publicDir}favicon.svg`, "utf8");
/** The favicon's square: the colour that fills a full-bleed icon, corners and all. */
const clay = /<rect\b[^>]*\bfill="(#[0-9a-f]{3,8})"/i.exec(favicon)?.[1];
if (!clay) throw new Error("favicon.svg has no filled <rect> to take the icon's colour from.");

interface Icon {
  file: string;
  size: number;
  /** Whether the corners are filled with the mark's colour rather than left clear. */
  fullBleed: boolean;
  /** How much of the icon's width the favicon takes. */
  scale: number;
}

const ICONS: readonly Icon[] = [
  { file: "icon-192.png", size: 192, fullBleed: false, scale: 1 },
  { file: "icon-512.png", size: 512, fullBleed: false, scale: 1 },
  { file: "maskable-512.png", size: 512, fullBleed: true, scale: 0.8 },
  { file: "apple-touch-icon.png", size: 180, fullBleed: true, scale: 1 },
];

function pageFor(icon: Icon): string {
  const side = Math.round(icon.size * icon.scale);
  const background = icon.fullBleed ? clay : "transparent";
  const src = `data:image/svg+xml;base64,${Buffer.from(favicon).toString("base64")}`;
  return `<!doctype html><html><body style="margin:0;width:${icon.size}px;height:${icon.size}px;display:grid;place-items:center;background:${background}"><img src="${src}" width="${side}" height="${side}" alt=""></body></html>`;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({
      viewport: { width: icon.size, height: icon.size },
      deviceScaleFactor: 1,
    });
    await page.setContent(pageFor(icon));
    await page.locator("img").evaluate((img: HTMLImageElement) => img.decode());
    const png = await page.screenshot({ omitBackground: !icon.fullBleed });
    writeFileSync(`${publicDir}icons/${icon.file}`, png);
    await page.close();
  }
} finally {
  await browser.close();
}
