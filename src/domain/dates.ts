import { addDays, differenceInCalendarDays, formatISO, parseISO } from "date-fns";

/** A calendar day as `YYYY-MM-DD`, the form review dates are stored and shown in. */
export type IsoDay = string;

export function isoDay(at: Date): IsoDay {
  return formatISO(at, { representation: "date" });
}

export function utcDay(at: Date): IsoDay {
  return at.toISOString().slice(0, 10);
}

export function addDaysToDay(day: IsoDay, days: number): IsoDay {
  return isoDay(addDays(parseISO(day), days));
}

export function daysBetween(from: IsoDay, to: IsoDay): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}
