import { isoWeekOf, type LedgerWeek } from "../../../domain/questions.ts";

export type { LedgerWeek };

const DAY_MS = 86_400_000;

/** The Monday an ISO week (`2026-W49`) starts on, as a calendar day (`2026-11-30`). */
export function mondayOfIsoWeek(week: string): string | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const number = Number(match[2]);
  if (number < 1 || number > 53) return null;
  // 4 January always lies in week 1.
  const fourth = Date.UTC(year, 0, 4);
  const weekday = (new Date(fourth).getUTCDay() + 6) % 7;
  const monday = new Date(fourth - weekday * DAY_MS + (number - 1) * 7 * DAY_MS);
  return monday.toISOString().slice(0, 10);
}

/**
 * The last `count` weeks up to `currentWeek`, oldest first, each with its counts: a quiet week
 * shows as a row of zeros rather than disappearing, so the rhythm stays readable.
 */
export function recentWeeks(
  weeks: readonly LedgerWeek[],
  currentWeek: string,
  count: number,
): LedgerWeek[] {
  const monday = mondayOfIsoWeek(currentWeek);
  if (!monday) return [];
  const start = Date.parse(`${monday}T12:00:00Z`);
  const byWeek = new Map(weeks.map((week) => [week.week, week]));
  const rows: LedgerWeek[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const week = isoWeekOf(new Date(start - back * 7 * DAY_MS), "UTC");
    rows.push(byWeek.get(week) ?? { week, asked: 0, askedAgain: 0, answered: 0, letGo: 0 });
  }
  return rows;
}

export type LedgerCounts = Omit<LedgerWeek, "week">;

export function totalsOf(weeks: readonly LedgerWeek[]): LedgerCounts {
  return weeks.reduce<LedgerCounts>(
    (sum, week) => ({
      asked: sum.asked + week.asked,
      askedAgain: sum.askedAgain + week.askedAgain,
      answered: sum.answered + week.answered,
      letGo: sum.letGo + week.letGo,
    }),
    { asked: 0, askedAgain: 0, answered: 0, letGo: 0 },
  );
}

function count(n: number, one: string, many: string): string {
  return `${n === 0 ? "no" : n} ${n === 1 ? one : many}`;
}

/** The weeks' counts in one plain sentence, e.g. "3 questions asked, 1 asked again, …". */
export function countsSentence(counts: LedgerCounts): string {
  return [
    `${count(counts.asked, "question", "questions")} asked`,
    `${counts.askedAgain === 0 ? "none" : counts.askedAgain} asked again`,
    count(counts.answered, "answer", "answers"),
    `${counts.letGo === 0 ? "none" : counts.letGo} let go`,
  ].join(", ");
}
