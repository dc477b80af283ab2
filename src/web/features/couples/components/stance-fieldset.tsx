import type { Stance } from "../../../../domain/stance.ts";
import { ChoiceGroup } from "../../../ui/choice-group.tsx";
import { PrivateNote } from "../../../ui/private-note.tsx";
import { STANCE_CHOICES } from "../copy.ts";

interface StanceFieldsetProps {
  value: Stance | null;
  onChange: (stance: Stance) => void;
  error?: string | undefined;
  disabled?: boolean;
}

/** The private stance choice: asked of each partner on their own. */
export function StanceFieldset({ value, onChange, error, disabled }: StanceFieldsetProps) {
  return (
    <ChoiceGroup
      id="stance"
      legend="How do you stand toward what happened?"
      hint={
        <PrivateNote>
          Only you see this. Your partner never sees your answer, and Mend uses it only to offer you
          the right tools along the way.
        </PrivateNote>
      }
      choices={STANCE_CHOICES}
      name="stance"
      value={value}
      onChange={onChange}
      error={error}
      disabled={disabled}
    />
  );
}
