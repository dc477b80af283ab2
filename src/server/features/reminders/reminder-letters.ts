import { REMINDER_NAMES, type ReminderKind } from "../../../domain/reminders.ts";
import { localTimeIn } from "../../../domain/schedule.ts";
import { compose, type Paragraph } from "../mail/letters.ts";
import type { Letter } from "../mail/outbox.store.ts";

/** The one subject every reminder has when the person chooses subjects that say nothing. */
export const NEUTRAL_SUBJECT = "A reminder";

export interface ReminderLetterInput {
  to: string;
  kind: ReminderKind;
  /** How many occurrences this letter tells of (proposals come in batches). */
  count: number;
  neutral: boolean;
  /** A talk time's start and the couple's zone, for "at 19:00". */
  startsAt?: Date;
  timeZone: string;
  instanceName: string;
  publicUrl: string;
  stopUrl: string;
}

function content(input: ReminderLetterInput): { subject: string; text: string; path: string } {
  switch (input.kind) {
    case "talk-soon": {
      const at = input.startsAt ? localTimeIn(input.startsAt, input.timeZone).clock : null;
      return {
        subject: "Your talk time is in an hour",
        text: `Your talk time starts${at ? ` at ${at} (${input.timeZone})` : " within the hour"}. The topics you parked for it are waiting in the parking lot.`,
        path: "/talks",
      };
    }
    case "checkin-day":
      return {
        subject: "Check-in day",
        text: "Today is your weekly check-in day. Each of you answers on your own; you read each other's once both have.",
        path: "/checkins",
      };
    case "review-due":
      return {
        subject: "A review is due today",
        text: "Today is the day you agreed to look again, together, at a promise or an agreement: keep it, change it, or let it rest.",
        path: "/",
      };
    case "promise-due":
      return {
        subject: "A promise to mark today",
        text: "One of your promises is due today. When you can tell how it went, mark it: kept or missed, each counts.",
        path: "/promises",
      };
    case "proposal-waiting":
      return {
        subject: "Something is waiting for your answer",
        text:
          input.count === 1
            ? "Your partner proposed something and is waiting for your answer."
            : `Your partner proposed ${input.count} things and is waiting for your answers.`,
        path: "/",
      };
  }
}

/**
 * A reminder, in Mend's words only: never a word either partner wrote, nor the partner's name.
 * With neutral subjects the subject and the first line (what an inbox shows unopened) say only
 * that it is a reminder.
 */
export function reminderLetter(input: ReminderLetterInput): Letter {
  const { subject, text, path } = content(input);
  const paragraphs: Paragraph[] = [
    ...(input.neutral ? [{ text: `You asked ${input.instanceName} for this reminder.` }] : []),
    { text, link: `${input.publicUrl}${path}` },
    {
      text: `You get this because you turned on reminders of ${REMINDER_NAMES[input.kind]}. To stop only these:`,
      link: input.stopUrl,
    },
    {
      text: "To choose other reminders or quiet hours, go to your account:",
      link: `${input.publicUrl}/account#reminders`,
    },
  ];
  return {
    ...compose(
      input.to,
      `reminder-${input.kind}`,
      input.neutral ? NEUTRAL_SUBJECT : subject,
      paragraphs,
    ),
    unsubscribeUrl: input.stopUrl,
  };
}
