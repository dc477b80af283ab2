/** A calendar day as `YYYY-MM-DD`, the form review dates are stored and shown in. */
export type IsoDay = string;

const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant. */
export function utcDay(at: Date): IsoDay {
  return at.toISOString().slice(0, 10);
}

/** Calendar days carry no zone: their arithmetic is done on UTC midnights, where no DST exists. */
function dayNumber(day: IsoDay): number {
  const [year, month, date] = day.split("-").map(Number);
  return Math.round(Date.UTC(year ?? 0, (month ?? 1) - 1, date ?? 1) / DAY_MS);
}

export function addDaysToDay(day: IsoDay, days: number): IsoDay {
  return utcDay(new Date((dayNumber(day) + days) * DAY_MS));
}

export function daysBetween(from: IsoDay, to: IsoDay): number {
  return dayNumber(to) - dayNumber(from);
}
