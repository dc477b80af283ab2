import { z } from "zod";
import { ERROR_CODES } from "../../../src/contracts/errors.ts";
import type { FuzzCase } from "./cases.ts";
import { operationName } from "./openapi.ts";
import type { WireAnswer } from "./wire.ts";

/** The one error shape, exactly: nothing more at either level, a code from the closed list. */
const ErrorShape = z.strictObject({
  error: z.strictObject({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

export type Problem = "5xx" | "outside the error shape" | "echoes input" | "slow" | "no answer";

export interface Finding {
  problem: Problem;
  /** What tells this failure from others of its problem: the status and what the body is. */
  answerKind: string;
  fuzzCase: FuzzCase;
  answer: WireAnswer | null;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A short name for what came back: the error code, a framework's own code, or its form. */
function answerKindOf(answer: WireAnswer): string {
  const body = parsed(answer.text);
  const code = (body as { error?: { code?: unknown }; code?: unknown } | undefined)?.error?.code;
  const own = (body as { code?: unknown } | undefined)?.code;
  const form =
    answer.text === ""
      ? "an empty body"
      : typeof code === "string"
        ? code
        : typeof own === "string"
          ? `framework body ${own}`
          : body === undefined
            ? `not JSON (${answer.contentType || "no content type"})`
            : `JSON with keys ${Object.keys(body ?? {}).join(", ")}`;
  return `${answer.status} ${form}`;
}

/**
 * An error answer must not carry any of the request back, and no answer the route's own input
 * (path or query). A success may hold what the body asked it to store: that is its job.
 */
function echoes(fuzzCase: FuzzCase, answer: WireAnswer): boolean {
  if (!answer.text.includes(fuzzCase.marker)) return false;
  return answer.status >= 400 || fuzzCase.target.includes(fuzzCase.marker);
}

export function judge(fuzzCase: FuzzCase, answer: WireAnswer, slowMs: number): Finding[] {
  const answerKind = answerKindOf(answer);
  const finding = (problem: Problem): Finding => ({ problem, answerKind, fuzzCase, answer });
  const findings: Finding[] = [];
  if (answer.status >= 500) findings.push(finding("5xx"));
  if (answer.status >= 400 && !ErrorShape.safeParse(parsed(answer.text)).success) {
    findings.push(finding("outside the error shape"));
  }
  if (echoes(fuzzCase, answer)) findings.push(finding("echoes input"));
  if (answer.ms > slowMs) {
    findings.push({ ...finding("slow"), answerKind: `over ${slowMs} ms` });
  }
  return findings;
}

export function unanswered(fuzzCase: FuzzCase, error: Error): Finding {
  return { problem: "no answer", answerKind: error.message, fuzzCase, answer: null };
}

const clip = (text: string, length: number) =>
  text.length > length ? `${text.slice(0, length)}… (${text.length} characters)` : text;

/** One request as a reader can repeat it: the line, who sent it, and the start of its body. */
export function describeRequest(fuzzCase: FuzzCase): string {
  const { caller, origin, body } = fuzzCase;
  const lines = [
    `${fuzzCase.operation.method} ${clip(fuzzCase.target, 160)}`,
    `as ${caller}, Origin ${origin}${body ? `, ${body.contentType}` : ""}`,
  ];
  if (body) lines.push(`body ${clip(JSON.stringify(body.text), 200)}`);
  return lines.join("\n     ");
}

function describeAnswer(finding: Finding): string {
  if (!finding.answer) return `no answer: ${finding.answerKind}`;
  const { status, ms, text } = finding.answer;
  return `${status} in ${Math.round(ms)} ms: ${clip(text, 200) || "(empty body)"}`;
}

interface FailureClass {
  problem: Problem;
  answerKind: string;
  findings: Finding[];
}

/** Alike failures together: the same problem answered the same way, whatever the route. */
export function classesOf(findings: Finding[]): FailureClass[] {
  const classes = new Map<string, FailureClass>();
  for (const finding of findings) {
    const key = `${finding.problem}|${finding.answerKind}`;
    const found = classes.get(key) ?? {
      problem: finding.problem,
      answerKind: finding.answerKind,
      findings: [],
    };
    found.findings.push(finding);
    classes.set(key, found);
  }
  return [...classes.values()];
}

/** The first few of a list, and how many more there are. */
function listed(items: string[], shown: number): string {
  const more = items.length - shown;
  return items.slice(0, shown).join("; ") + (more > 0 ? `; and ${more} more` : "");
}

function describeClass(failure: FailureClass, index: number): string {
  const unique = (of: (f: Finding) => string) => [...new Set(failure.findings.map(of))];
  const routes = unique((f) => operationName(f.fuzzCase.operation));
  const places = unique(
    (f) =>
      operationName(f.fuzzCase.operation) + (f.fuzzCase.detail ? ` (${f.fuzzCase.detail})` : ""),
  );
  const [example] = failure.findings;
  if (!example) return "";
  const at = example.fuzzCase.detail ? `\n     (at ${example.fuzzCase.detail})` : "";
  return [
    `${index + 1}. ${failure.problem}: ${failure.answerKind}`,
    `   ${failure.findings.length} requests on ${routes.length} routes`,
    `   cases: ${listed(
      unique((f) => f.fuzzCase.kind),
      6,
    )}`,
    `   where: ${listed(places, 8)}`,
    `   e.g. ${describeRequest(example.fuzzCase)}${at}`,
    `   → ${describeAnswer(example)}`,
  ].join("\n");
}

/** The failures as a list to read, with what repeats the run. */
export function report(findings: Finding[], run: { seed: number; cases: number; sent: number }) {
  const classes = classesOf(findings);
  return [
    `The fuzz run (MEND_FUZZ_SEED=${run.seed} MEND_FUZZ_CASES=${run.cases} repeats it) found ` +
      `${classes.length} kinds of failure in ${new Set(findings.map((f) => f.fuzzCase)).size} of ${run.sent} requests:`,
    "",
    ...classes.map(describeClass),
  ].join("\n");
}
