import type { Nudge } from "../../domain/nudges.ts";

/** One kind sentence and a suggestion per nudge, read out politely; never a block. */
export function Nudges({ nudges }: { nudges: readonly Nudge[] }) {
  return (
    <div aria-live="polite">
      {nudges.length === 0 ? null : (
        <ul className="nudges">
          {nudges.map((nudge) => (
            <li key={nudge.key} className="nudges__item">
              {nudge.sentence} <span className="nudges__suggestion">{nudge.suggestion}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
