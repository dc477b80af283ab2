import {
  type FuzzCase,
  fixedCases,
  type Ground,
  generatedCase,
  groundsOf,
  randomCases,
} from "./cases.ts";
import type { Operation } from "./openapi.ts";
import { type Finding, judge, unanswered } from "./verdict.ts";
import { NoAnswer, type WireAnswer } from "./wire.ts";

export interface FuzzSettings {
  /** The test clock's start: generated dates lie around it. */
  start: Date;
  seed: number;
  randomCases: number;
  slowMs: number;
  send(fuzzCase: FuzzCase): Promise<WireAnswer>;
}

/** How many generated requests a route is offered before its cases break the first one. */
const GROUNDS_TRIED = 6;

/** The schema could not say it all (which key seals what): the route's own verdict can. */
const refusedAsInput = (answer: WireAnswer | null) =>
  answer === null || (answer.status === 400 && answer.text.includes('"invalid_input"'));

export interface RouteRun {
  findings: Finding[];
  sent: number;
}

/** One route's cases, sent one after another; what each answer breaks is kept, not thrown. */
export async function fuzzOperation(
  operation: Operation,
  settings: FuzzSettings,
): Promise<RouteRun> {
  const run: RouteRun = { findings: [], sent: 0 };
  const attempt = async (fuzzCase: FuzzCase): Promise<WireAnswer | null> => {
    run.sent += 1;
    try {
      const answer = await settings.send(fuzzCase);
      run.findings.push(...judge(fuzzCase, answer, settings.slowMs));
      return answer;
    } catch (error) {
      if (!(error instanceof NoAnswer)) throw error;
      run.findings.push(unanswered(fuzzCase, error));
      return null;
    }
  };
  const grounds = groundsOf(operation, settings.start, settings.seed, GROUNDS_TRIED);
  let accepted: Ground | undefined;
  for (const ground of grounds) {
    if (!refusedAsInput(await attempt(generatedCase(operation, ground)))) {
      accepted = ground;
      break;
    }
  }
  const ground = accepted ?? grounds[0];
  if (!ground) return run;
  const cases = [
    ...fixedCases(operation, ground),
    ...randomCases(operation, settings.start, ground, settings.seed + 1, settings.randomCases),
  ];
  for (const fuzzCase of cases) await attempt(fuzzCase);
  return run;
}
