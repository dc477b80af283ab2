import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import type { InitialJs } from "./build.ts";
import type { PageResult } from "./lighthouse.ts";
import type { LoadResult } from "./load.ts";

export interface CaseResult {
  name: string;
  rounds: LoadResult[];
  /** Medians over the rounds. */
  rps: number;
  p99Ms: number;
  bodyBytes: number;
}

/** The home view computed anew for every request, sent one at a time. */
export interface ComputedResult {
  name: string;
  requests: number;
  medianMs: number;
  p99Ms: number;
}

export interface Figure {
  figure: string;
  value: string;
  target: string;
  /** null: reported without a target, or not measured in this run. */
  met: boolean | null;
}

export interface Results {
  date: string;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string };
  settings: Record<string, string | number>;
  note: string | null;
  /** The demo couple's own rows, in the tables the older history fills. */
  demoRows: Record<string, number>;
  seededRows: Record<string, number>;
  cases: CaseResult[];
  computed: ComputedResult[];
  /**
   * Mend's resident memory: right after start, after the warm-up, once it had answered the
   * issue's 100,000 requests, and after the whole load.
   */
  rss: {
    startBytes: number;
    warmBytes: number;
    warmRequests: number;
    targetBytes: number;
    targetRequests: number;
    afterBytes: number;
    requests: number;
  };
  initialJs: InitialJs;
  lighthouse: PageResult[] | { skipped: string };
  postgres: { skipped: string } | null;
  figures: Figure[];
  durationSeconds: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The value below which `p` percent of the values fall (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export function machine(): Results["machine"] {
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}

const times = (x: number) => `${x.toFixed(x < 0.1 ? 3 : 2)}×`;
const kB = (bytes: number) => (bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1)} kB`);

function ratio(
  label: string,
  over: CaseResult | undefined,
  under: CaseResult | undefined,
  min: number,
): Figure {
  if (!over || !under)
    return { figure: label, value: "not measured", target: `≥ ${min}×`, met: null };
  const value = over.rps / under.rps;
  return {
    figure: label,
    value: `${times(value)} (${Math.round(over.rps)} ÷ ${Math.round(under.rps)} req/s; p99 ${over.p99Ms.toFixed(1)} vs ${under.p99Ms.toFixed(1)} ms)`,
    target: `≥ ${min}×`,
    met: value >= min,
  };
}

type Measured = Omit<Results, "figures">;

/** Throughput under load: each ratio of two cases of this run. */
function loadFigures(results: Measured): Figure[] {
  const c = (name: string) => results.cases.find((x) => x.name === name);
  const figures = [
    ratio("`GET /api/couple` (home) ÷ bare Fastify route", c("home"), c("bare"), 0.2),
    ratio("home with 100k rows of history ÷ with the demo's", c("home 100k"), c("home"), 0.77),
    ratio(
      "`GET /api/talk-times` at 100k ÷ at the demo's",
      c("talk-times 100k"),
      c("talk-times"),
      0.77,
    ),
    ratio(
      "`GET /api/parking-lot` at 100k ÷ at the demo's",
      c("parking-lot 100k"),
      c("parking-lot"),
      0.77,
    ),
    ratio("PostgreSQL ÷ SQLite on the home call", c("home postgres"), c("home"), 0.7),
  ];
  for (const list of ["talk-times", "parking-lot"]) {
    const small = c(list);
    const large = c(`${list} 100k`);
    if (!small || !large) continue;
    figures.push({
      figure: `\`GET /api/${list}\` body at 100k ÷ at the demo's`,
      value: `${times(large.bodyBytes / small.bodyBytes)} (${kB(large.bodyBytes)} vs ${kB(small.bodyBytes)})`,
      target: "bounded",
      met: null,
    });
  }
  const bare = c("bare");
  for (const [name, label] of [
    ["health", "`GET /api/health` ÷ bare"],
    ["health with cookie", "`GET /api/health` with a session cookie ÷ bare"],
  ] as const) {
    const health = c(name);
    if (health && bare) {
      figures.push({ figure: label, value: times(health.rps / bare.rps), target: "—", met: null });
    }
  }
  return figures;
}

/** Reads computed anew: speed as the inverse of the median time a request. */
function computedFigures(results: Measured): Figure[] {
  const c = (name: string) => results.computed.find((x) => x.name === name);
  return (
    [
      ["home computed anew, 100k rows ÷ the demo's", "home computed 100k", "home computed", 0.77],
      ["PostgreSQL ÷ SQLite, home computed anew", "home computed postgres", "home computed", 0.7],
      [
        "`GET /api/talk-times` computed anew, 100k ÷ the demo's",
        "talk-times computed 100k",
        "talk-times computed",
        0.77,
      ],
      [
        "`GET /api/parking-lot` computed anew, 100k ÷ the demo's",
        "parking-lot computed 100k",
        "parking-lot computed",
        0.77,
      ],
    ] as const
  ).map(([figure, over, under, min]) => {
    const slow = c(over);
    const fast = c(under);
    if (!slow || !fast) return { figure, value: "not measured", target: `≥ ${min}×`, met: null };
    const speed = fast.medianMs / slow.medianMs;
    return {
      figure,
      value: `${times(speed)} (median ${slow.medianMs.toFixed(1)} vs ${fast.medianMs.toFixed(1)} ms a request)`,
      target: `≥ ${min}×`,
      met: speed >= min,
    };
  });
}

function lighthouseFigures(lighthouse: Measured["lighthouse"]): Figure[] {
  if ("skipped" in lighthouse) {
    return [
      {
        figure: "Lighthouse mobile",
        value: `not run: ${lighthouse.skipped}`,
        target: "≥ 95, CLS < 0.05",
        met: null,
      },
    ];
  }
  return lighthouse.flatMap((page): Figure[] =>
    "error" in page
      ? [
          {
            figure: `Lighthouse mobile, ${page.page}`,
            value: `not measured: ${page.error}`,
            target: "≥ 95, CLS < 0.05",
            met: null,
          },
        ]
      : [
          {
            figure: `Lighthouse mobile performance, ${page.page}`,
            value: `${page.performance} (LCP ${(page.lcpMs / 1000).toFixed(1)} s)`,
            target: "≥ 95",
            met: page.performance >= 95,
          },
          {
            figure: `CLS, ${page.page}`,
            value: page.cls.toFixed(3),
            target: "< 0.05",
            met: page.cls < 0.05,
          },
          {
            figure: `Lighthouse best practices, ${page.page}`,
            value: `${page.bestPractices}${page.bestPracticesFailing.length ? ` (${page.bestPracticesFailing.join("; ")})` : ""}`,
            target: "100",
            met: page.bestPractices === 100,
          },
        ],
  );
}

/** The issue's table, as ratios of figures measured in this same run, each beside its target. */
export function figuresOf(results: Measured): Figure[] {
  const { initialJs, rss } = results;
  const growth = rss.targetBytes / rss.startBytes;
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  return [
    ...loadFigures(results),
    ...computedFigures(results),
    {
      figure: "initial JavaScript, gzipped",
      value: `${kB(initialJs.gzipBytes)} in ${initialJs.files.length} files`,
      target: "≤ 150 kB",
      met: initialJs.gzipBytes <= 150_000,
    },
    ...lighthouseFigures(results.lighthouse),
    {
      figure: `server RSS after ${rss.targetRequests.toLocaleString("en")} requests ÷ after start`,
      value: `${times(growth)} (${mib(rss.startBytes)} → ${mib(rss.targetBytes)} MiB)`,
      target: "≤ 1.5×",
      met: growth <= 1.5,
    },
    {
      figure: `server RSS after all ${rss.requests.toLocaleString("en")} requests ÷ after start`,
      value: `${times(rss.afterBytes / rss.startBytes)} (${mib(rss.startBytes)} → ${mib(rss.afterBytes)} MiB)`,
      target: "—",
      met: null,
    },
    {
      figure: `server RSS after ${rss.requests.toLocaleString("en")} requests ÷ once warm (after ${rss.warmRequests.toLocaleString("en")})`,
      value: `${times(rss.afterBytes / rss.warmBytes)} (${mib(rss.warmBytes)} → ${mib(rss.afterBytes)} MiB)`,
      target: "—",
      met: null,
    },
  ];
}

const mark = (met: boolean | null) => (met === null ? "" : met ? "✓" : "✗");

function table(figures: Figure[]): string {
  return [
    "| figure | this run | target | |",
    "|---|---|---|---|",
    ...figures.map((f) => `| ${f.figure} | ${f.value} | ${f.target} | ${mark(f.met)} |`),
  ].join("\n");
}

function casesTable(cases: CaseResult[]): string {
  return [
    "| case | req/s (median) | p99 ms (median) | body | req/s per round | failed |",
    "|---|---|---|---|---|---|",
    ...cases.map(
      (c) =>
        `| ${c.name} | ${Math.round(c.rps)} | ${c.p99Ms.toFixed(1)} | ${kB(c.bodyBytes)} | ${c.rounds.map((r) => Math.round(r.rps)).join(" / ")} | ${c.rounds.reduce((n, r) => n + r.errors, 0)} |`,
    ),
  ].join("\n");
}

function computedTable(computed: ComputedResult[]): string {
  return [
    "| computed anew | requests | median ms | p99 ms |",
    "|---|---|---|---|",
    ...computed.map(
      (c) => `| ${c.name} | ${c.requests} | ${c.medianMs.toFixed(1)} | ${c.p99Ms.toFixed(1)} |`,
    ),
  ].join("\n");
}

export function printReport(results: Results): void {
  process.stdout.write(
    `\n${casesTable(results.cases)}\n\n${computedTable(results.computed)}\n\n${table(results.figures)}\n\n`,
  );
}

/** bench/results.json (everything) and bench/RESULTS.md (the table, the machine, the date). */
export function writeResults(results: Results, dir: string): void {
  writeFileSync(join(dir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  const m = results.machine;
  const settings = Object.entries(results.settings)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  const rows = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([table, n]) => `${table} ${n.toLocaleString("en")}`)
      .join(", ");
  writeFileSync(
    join(dir, "RESULTS.md"),
    `# Benchmark results

Written by \`npm run bench\` (bench/run.ts); every figure is from the one run below, and every
speed is a ratio of two cases measured in that run, interleaved round by round, so a busy or
slow machine moves both sides alike. Nothing here is a test.

- date: ${results.date.slice(0, 10)}
- machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}
- settings: ${settings}
- run took ${Math.round(results.durationSeconds)} s
- the demo couple (\`npm run demo\`'s seventeen weeks): ${rows(results.demoRows)}
- older history added for the 100k cases, straight into SQLite, every word sealed by its
  author: ${rows(results.seededRows)}
${results.note ? `\n${results.note}\n` : ""}
${table(results.figures)}

## Cases

Under load (wrk, ${results.settings.connections} connections, medians of the rounds). One partner
polling gets the home view, the talk times and the first page of the parking lot as Mend keeps
them for a few seconds while nothing changed, so the load cases of those calls measure that
path; the history's cost shows in the next table.

${casesTable(results.cases)}

The kept reads computed anew: before each request the couple's view is marked changed straight
in the database (as any partner's write marks it), then one request is sent and timed from the
bench's process, in the same rounds as the load.

${computedTable(results.computed)}
`,
  );
}
