import type { StoryMark } from "../../../domain/story.ts";

export const MARK_LABELS: Record<StoryMark, string> = {
  agree: "Agree",
  disagree: "Disagree",
  "needs-talk": "Needs a talk",
};

/** What each mark says, as the person choosing it would say it. */
export const MARK_DESCRIPTIONS: Record<StoryMark, string> = {
  agree: "I can live with this as it's written.",
  disagree: "This isn't how I see it.",
  "needs-talk": "I'd like us to talk about it before I can say.",
};

/** A note is always welcome; for a disagree or a wish to talk it is what helps the other most. */
export function noteHint(mark: StoryMark | undefined, partnerName: string): string {
  if (mark === "disagree") {
    return `A few words on what doesn't fit for you help ${partnerName} see what a rewrite could change.`;
  }
  if (mark === "needs-talk") {
    return "What would you like to talk about? A line is enough to start from.";
  }
  return `${partnerName} sees it with your mark.`;
}
