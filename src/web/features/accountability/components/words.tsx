import { isUnopened } from "../../../../client/sealing.ts";

/** A person's words as written; words that did not open are shown calmly as what they are. */
export function Words({ text, className }: { text: string; className?: string }) {
  return (
    <p className={[isUnopened(text) ? "unopened" : "user-text", className ?? ""].join(" ").trim()}>
      {text}
    </p>
  );
}
