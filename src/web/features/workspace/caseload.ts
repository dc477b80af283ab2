import type { CaseloadCouple } from "../../../contracts/therapists.ts";
import { numberWord } from "../../../domain/number-words.ts";

/** "Robin and Kai", "Ana, Bo and Cy": the partners as the API names them. */
export function partnerNames(partners: ReadonlyArray<{ name: string }>): string {
  const names = partners.map((p) => p.name);
  if (names.length <= 1) return names[0] ?? "A couple";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * Who needs attention first, as the server weighed it; equal weights keep a steady order by
 * the partners' names, so a couple does not jump about between two visits.
 */
export function sortCaseload<C extends Pick<CaseloadCouple, "attention" | "partners" | "id">>(
  couples: readonly C[],
): C[] {
  return [...couples].sort(
    (a, b) =>
      b.attention - a.attention ||
      partnerNames(a.partners).localeCompare(partnerNames(b.partners)) ||
      a.id.localeCompare(b.id),
  );
}

export function daysWords(days: number): string {
  if (days <= 0) return "since today";
  return days === 1 ? "for one day" : `for ${numberWord(days)} days`;
}

const oneDecimal = (n: number) => String(Math.round(n * 10) / 10);

/** The shared check-ins' first and latest week, in words: small, since it is a glance. */
export function checkinTrendWords(series: CaseloadCouple["checkinTrend"]): string {
  const first = series[0];
  const last = series.at(-1);
  if (!first || !last) return "No check-ins shared yet";
  if (series.length === 1) {
    return `Trust ${oneDecimal(last.trust)}, connection ${oneDecimal(last.connection)} (one week)`;
  }
  const move = (from: number, to: number) =>
    oneDecimal(from) === oneDecimal(to)
      ? `steady at ${oneDecimal(to)}`
      : `${oneDecimal(from)} → ${oneDecimal(to)}`;
  return `Trust ${move(first.trust, last.trust)}, connection ${move(first.connection, last.connection)} over ${numberWord(series.length)} weeks`;
}

export function reliabilityWords(reliability: number | null): string {
  if (reliability === null) return "No shared promise marked yet";
  return `${Math.round(reliability * 100)}% on the forgiving score`;
}
