import { isUnopened } from "../../../../client/sealing.ts";

/** Words as they came back: sealed words that would not open are shown quietly, as they are. */
export function Words({ text, className }: { text: string; className: string }) {
  return <p className={`${className} user-text${isUnopened(text) ? " unopened" : ""}`}>{text}</p>;
}
