import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

/** Pinned: Lighthouse 13 needs Node 22. Installed on first use into a cache outside the repo. */
export const LIGHTHOUSE_VERSION = "12.2.3";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** A page Lighthouse could not audit, and what it said. */
export interface PageFailure {
  page: string;
  error: string;
}
export type PageResult = PageScore | PageFailure;

export interface PageScore {
  page: string;
  performance: number;
  bestPractices: number;
  cls: number;
  lcpMs: number;
  /** Best-practices audits that did not pass, by title: what is left to fix. */
  bestPracticesFailing: string[];
}

const PREFIX = join(homedir(), ".cache", "mend-bench", `lighthouse-${LIGHTHOUSE_VERSION}`);

/** Lighthouse's command line, installed with npm into PREFIX on first use. */
function lighthouseCli(): string {
  const cli = join(PREFIX, "node_modules", "lighthouse", "cli", "index.js");
  if (!existsSync(cli)) {
    process.stdout.write(`installing lighthouse@${LIGHTHOUSE_VERSION} into ${PREFIX}…\n`);
    execFileSync(
      "npm",
      [
        "install",
        "--prefix",
        PREFIX,
        "--no-audit",
        "--no-fund",
        `lighthouse@${LIGHTHOUSE_VERSION}`,
      ],
      { stdio: "ignore" },
    );
  }
  return cli;
}

interface LaunchedChrome {
  port: number;
  kill(): void;
}

/**
 * Debian's Chromium, headless, started by Lighthouse's own launcher (its flags, a fresh profile),
 * as `lighthouse <url>` would start it; kept open so a signed-in page can be audited too.
 */
async function startChromium(): Promise<LaunchedChrome> {
  const launcher = join(PREFIX, "node_modules", "chrome-launcher", "dist", "index.js");
  const { launch } = (await import(launcher)) as {
    launch(options: { chromePath: string; chromeFlags: string[] }): Promise<LaunchedChrome>;
  };
  return launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", "--no-sandbox"] });
}

interface Report {
  runtimeError?: { message: string };
  categories: Record<
    string,
    { score: number | null; auditRefs: Array<{ id: string; weight: number }> }
  >;
  audits: Record<
    string,
    {
      score: number | null;
      numericValue?: number;
      title: string;
      details?: { items?: Array<{ issueType?: string; description?: string }> };
    }
  >;
}

async function audit(
  cli: string,
  port: number,
  url: string,
  outFile: string,
  keepStorage: boolean,
): Promise<Report> {
  const run = spawnSync(
    process.execPath,
    [
      cli,
      url,
      `--port=${port}`,
      "--output=json",
      `--output-path=${outFile}`,
      "--only-categories=performance,best-practices",
      "--quiet",
      ...(keepStorage ? ["--disable-storage-reset"] : []),
    ],
    { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", timeout: 180_000 },
  );
  if (run.status !== 0) {
    const said = run.stderr.trim().split("\n").slice(-3).join(" ");
    throw new Error(`Lighthouse on ${url} exited with ${run.status ?? run.signal}: ${said}`);
  }
  const report = JSON.parse(readFileSync(outFile, "utf8")) as Report;
  if (report.runtimeError) throw new Error(`Lighthouse on ${url}: ${report.runtimeError.message}`);
  return report;
}

function scoreOf(page: string, report: Report): PageScore {
  const category = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const failing = (report.categories["best-practices"]?.auditRefs ?? []).flatMap((ref) => {
    const found = report.audits[ref.id];
    if (!found || found.score === null || found.score >= 1) return [];
    const named = new Set(
      (found.details?.items ?? []).map((i) => i.issueType ?? i.description ?? "").filter(Boolean),
    );
    return [named.size > 0 ? `${found.title}: ${[...named].join(", ")}` : found.title];
  });
  return {
    page,
    performance: category("performance"),
    bestPractices: category("best-practices"),
    cls: report.audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN,
    lcpMs: report.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
    bestPracticesFailing: failing,
  };
}

/** Signs in on the sign-in page as a person would, in the browser Lighthouse audits next. */
async function signInThere(
  port: number,
  base: string,
  person: { email: string; password: string; name: string },
) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0];
    if (!context) throw new Error("Chromium has no default context.");
    const page = await context.newPage();
    await page.goto(`${base}/signin`);
    await page.getByLabel("E-mail").fill(person.email);
    await page.getByLabel("Password").fill(person.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: `Hello, ${person.name}` }).waitFor({ timeout: 60_000 });
    await page.close();
  } finally {
    await browser.close();
  }
}

/**
 * Lighthouse mobile (its defaults: a mid-range phone, simulated slow 4G) on the landing page,
 * the sign-in page, and the home of a signed-in partner.
 */
export async function lighthouseMobile(
  base: string,
  person: { email: string; password: string; name: string },
  workDir: string,
): Promise<PageResult[]> {
  const cli = lighthouseCli();
  const chrome = await startChromium();
  const page = async (name: string, path: string, keepStorage = false): Promise<PageResult> => {
    const outFile = join(workDir, `lighthouse-${name.replace(/\W+/g, "-")}.json`);
    let error = "";
    // Lighthouse now and then loses the trace of a load (NO_NAVSTART) and asks to be run again.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        return scoreOf(name, await audit(cli, chrome.port, `${base}${path}`, outFile, keepStorage));
      } catch (failure) {
        error = (failure as Error).message;
      }
    }
    return { page: name, error };
  };
  try {
    const signedOut = [await page("landing", "/"), await page("sign-in", "/signin")];
    const home = await signInThere(chrome.port, base, person).then(
      () => page("home (signed in)", "/", true),
      (error: Error) => ({
        page: "home (signed in)",
        error: `signing in failed: ${error.message}`,
      }),
    );
    return [...signedOut, home];
  } finally {
    chrome.kill();
  }
}
