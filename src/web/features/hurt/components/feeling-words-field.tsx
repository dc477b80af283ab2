import { type KeyboardEvent, useRef, useState } from "react";
import { EMOTION_FAMILIES } from "../../../../domain/emotions.ts";
import { MEANING_LIMITS } from "../../../../domain/limits.ts";
import { Button } from "../../../ui/button.tsx";
import { describedBy, FieldMessages, TextField } from "../../../ui/field.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import {
  addOwnWord,
  chosenIn,
  chosenSummary,
  isChosen,
  isFull,
  ownChips,
  toggleWord,
} from "../words.ts";

const WIDE = "(min-width: 48rem)";

interface FeelingWordsFieldProps {
  id: string;
  value: string[];
  onChange: (words: string[]) => void;
  error?: string | undefined;
}

/** The id of the whole group, for the error summary to point to (and name by its legend). */
export function wordsGroupId(id: string): string {
  return `${id}-group`;
}

function Chip({
  id,
  word,
  checked,
  disabled,
  onToggle,
}: {
  id: string;
  word: string;
  checked: boolean;
  disabled: boolean;
  onToggle: () => void;
}) {
  return (
    <li className="hurt-chip">
      <input
        type="checkbox"
        className="hurt-chip__input"
        id={id}
        checked={checked}
        disabled={disabled && !checked}
        onChange={onToggle}
      />
      <label className="hurt-chip__label" htmlFor={id}>
        <span className="hurt-chip__mark" aria-hidden="true" />
        <span className="user-text">{word}</span>
      </label>
    </li>
  );
}

/**
 * The words for what is felt: each family opens into finer words, chosen as checkboxes that look
 * like chips, and the person's own words join them as chips of their own.
 */
export function FeelingWordsField({ id, value, onChange, error }: FeelingWordsFieldProps) {
  // The person's own words stay on as chips once added, so letting one go keeps it at hand.
  const [offered, setOffered] = useState<string[]>([]);
  const [typed, setTyped] = useState("");
  const [typedError, setTypedError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const full = isFull(value);
  const own = ownChips(offered, value);
  // Wide screens show every family's words at once; on a phone the families fold, to be opened.
  const [openAtFirst] = useState(() => window.matchMedia(WIDE).matches);
  const hint = `Each family holds finer words. Choose as many as fit, up to ${MEANING_LIMITS.hurtWordsMax}: feelings can pull in different directions at once.`;

  const add = () => {
    const result = addOwnWord(value, typed);
    if (!result.ok) {
      setTypedError(result.message);
      setStatus("");
      input.current?.focus();
      return;
    }
    onChange(result.words);
    if (!result.family) setOffered((list) => ownChips(list, [result.word]));
    setTyped("");
    setTypedError(undefined);
    setStatus(
      result.family
        ? `“${result.word}” is one of the ${result.family} words; it's chosen now.`
        : `Added “${result.word}”.`,
    );
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter here adds the word; it does not send the whole entry.
    if (event.key === "Enter") {
      event.preventDefault();
      add();
    }
  };

  return (
    <fieldset
      id={wordsGroupId(id)}
      tabIndex={-1}
      className={`hurt-words-field${error ? " hurt-words-field--invalid" : ""}`}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="choices__legend hurt-words-field__legend">What are you feeling?</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className="hurt-families">
        {EMOTION_FAMILIES.map((family) => {
          const count = chosenIn(family.words, value);
          return (
            <details key={family.key} className="hurt-family" open={openAtFirst}>
              <summary className="hurt-family__summary">
                <span className="hurt-family__name">{family.label}</span>
                {count > 0 ? <span className="hurt-family__count">{count} chosen</span> : null}
              </summary>
              <fieldset className="hurt-family__words">
                <legend className="visually-hidden">{family.label}</legend>
                <ul className="hurt-chips">
                  {family.words.map((word, index) => (
                    <Chip
                      key={word}
                      id={`${id}-${family.key}-${index}`}
                      word={word}
                      checked={isChosen(value, word)}
                      disabled={full}
                      onToggle={() => onChange(toggleWord(value, word))}
                    />
                  ))}
                </ul>
              </fieldset>
            </details>
          );
        })}
      </div>
      <div className="hurt-own">
        <TextField
          ref={input}
          id={`${id}-own-word`}
          label="Add your own word"
          optional
          hint="If the word you need isn't here, say it your way."
          value={typed}
          error={typedError}
          onChange={(event) => {
            setTyped(event.target.value);
            setTypedError(undefined);
          }}
          onKeyDown={onKeyDown}
          autoComplete="off"
        />
        <Button variant="secondary" onClick={add} className="hurt-own__add">
          Add word
        </Button>
      </div>
      {own.length > 0 ? (
        <fieldset className="hurt-family__words hurt-own__words">
          <legend className="hurt-own__legend">Your own words</legend>
          <ul className="hurt-chips">
            {own.map((word, index) => (
              <Chip
                key={word}
                id={`${id}-own-${index}`}
                word={word}
                checked={isChosen(value, word)}
                disabled={full}
                onToggle={() => onChange(toggleWord(value, word))}
              />
            ))}
          </ul>
        </fieldset>
      ) : null}
      <p className="hurt-words-field__chosen">{chosenSummary(value)}</p>
      <LiveStatus message={status} />
    </fieldset>
  );
}
