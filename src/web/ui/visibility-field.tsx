import type { Visibility } from "../../domain/visibility.ts";
import { ChoiceGroup } from "./choice-group.tsx";
import { useOptionalPeople } from "./people.tsx";
import { PrivateNote } from "./private-note.tsx";

interface VisibilityFieldProps {
  value: Visibility;
  onChange: (value: Visibility) => void;
  /** The partner's name, or "your partner". */
  partnerName: string;
  legend?: string;
  /** Only "private" can be chosen, e.g. while couple features are paused for the viewer. */
  privateOnly?: boolean;
  /** Show the current choice in one line, with the options behind "Change". */
  collapsible?: boolean;
  /** False for kinds a linked therapist's view never shows, so the choice isn't offered. */
  therapistCanRead?: boolean;
  id?: string;
}

/** Who will see what is being written: the one rule under every item, said plainly. */
export function VisibilityField({
  value,
  onChange,
  partnerName,
  legend = "Who sees this?",
  privateOnly = false,
  collapsible = false,
  therapistCanRead = true,
  id,
}: VisibilityFieldProps) {
  const choices: Array<{ value: Visibility; label: string; description: string }> = [
    {
      value: "couple",
      label: `You and ${partnerName}`,
      description: `${partnerName.charAt(0).toUpperCase()}${partnerName.slice(1)} can see it too.`,
    },
    {
      value: "private",
      label: "Only you",
      description: `Nobody else sees it: not ${partnerName}, not a therapist.`,
    },
  ];
  // Offered only while a therapist's link is active; an item already shared keeps its choice.
  const therapist = useOptionalPeople()?.therapist ?? null;
  if ((therapist && therapistCanRead) || value === "therapist") {
    choices.push({
      value: "therapist",
      label: `You, ${partnerName} and your therapist`,
      description: therapist
        ? `${therapist.name} can read it too, in their own Mend.`
        : `${partnerName.charAt(0).toUpperCase()}${partnerName.slice(1)} can see it; no therapist is linked now.`,
    });
  }
  if (privateOnly) {
    return (
      <PrivateNote>Only you will see this, while couple features are paused for you.</PrivateNote>
    );
  }
  const group = (
    <ChoiceGroup
      id={id}
      size="compact"
      legend={legend}
      name={id ?? "visibility"}
      value={value}
      onChange={onChange}
      choices={choices}
    />
  );
  if (!collapsible) return group;
  const current = choices.find((choice) => choice.value === value)?.label ?? "";
  return (
    <details className="disclosure visibility-disclosure">
      <summary>
        {legend} {current}
        <span className="visibility-disclosure__change">Change</span>
      </summary>
      <div className="disclosure__body">{group}</div>
    </details>
  );
}
