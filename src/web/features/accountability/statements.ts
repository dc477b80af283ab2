import type { Statement } from "../../../contracts/accountability.ts";
import { type Heard, latestHeard } from "../../../domain/accountability.ts";
import type { Stance } from "../../../domain/stance.ts";

export type Version = Statement["versions"][number];
export type StatementResponse = Version["responses"][number];
export type Addendum = Statement["addenda"][number];

/**
 * Whether the screen opens with one's own writing. Stances are private and a couple may both
 * have broken trust, so everyone may write; only someone who said they were hurt meets the
 * partner's statement first.
 */
export function leadsWithWriting(stance: Stance | undefined): boolean {
  return stance !== "hurt";
}

/** One's own statement and the partner's, either possibly not there yet. */
export function splitStatements(statements: readonly Statement[]): {
  mine: Statement | null;
  partners: Statement | null;
} {
  return {
    mine: statements.find((s) => s.mine) ?? null,
    partners: statements.find((s) => !s.mine) ?? null,
  };
}

/** Versions newest first, whatever order they came in. */
export function newestFirst(versions: readonly Version[]): Version[] {
  return [...versions].sort((a, b) => b.n - a.n);
}

export function newestVersion(statement: Statement | null): Version | null {
  return statement ? (newestFirst(statement.versions)[0] ?? null) : null;
}

/** Answers in the order they were given. */
export function answersInOrder(version: Version): StatementResponse[] {
  return [...version.responses].sort((a, b) => a.at.localeCompare(b.at));
}

/** How the newest version stands: its latest answer, or null when nobody has answered it yet. */
export function newestAnswer(statement: Statement): Heard | null {
  return latestHeard(
    statement.versions,
    statement.versions.flatMap((v) => v.responses),
  );
}

/** Addenda in the order they were added, each saying which version it came after. */
export function addendaInOrder(statement: Statement): Addendum[] {
  return [...statement.addenda].sort((a, b) => a.at.localeCompare(b.at));
}

/** The pair of versions a comparison opens with: the one before the newest, and the newest. */
export function defaultComparison(versions: readonly Version[]): [number, number] | null {
  const numbers = versions.map((v) => v.n).sort((a, b) => a - b);
  const newest = numbers.at(-1);
  const before = numbers.at(-2);
  return newest !== undefined && before !== undefined ? [before, newest] : null;
}
