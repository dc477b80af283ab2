import { useEffect, useRef, useState } from "react";
import { isUnopened } from "../../../../client/sealing.ts";
import { MEANING_LIMITS } from "../../../../domain/limits.ts";
import { Button } from "../../../ui/button.tsx";
import { ConfirmInline } from "../../../ui/confirm-inline.tsx";
import { TextAreaField } from "../../../ui/field.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { PrivateNote } from "../../../ui/private-note.tsx";
import { LiveStatus, Notice } from "../../../ui/status.tsx";
import { useToast } from "../../../ui/toast.tsx";
import type { Reflection } from "../api/reflections.ts";
import { capitalised } from "../copy.ts";
import { needsAttention, saveLine, whenSaved } from "../draft-save.ts";
import type { Prompt } from "../standing.ts";
import { useDraftSaver } from "../use-draft-saver.ts";
import { Words } from "./words.tsx";

const FIELD_ID = "reflection-body";
const MAX = MEANING_LIMITS.reflectionMax;

interface DraftEditorProps {
  prompt: Prompt;
  /** The viewer's private draft on this prompt when it opened, if any. */
  draft: Reflection | undefined;
  /** The partner has shared on this prompt (and nothing more is known of theirs). */
  partnerShared: boolean;
  /** Words typed here did not reach the draft because it was shared meanwhile. */
  onShared: (unsaved: string) => void;
  /** The share went through: the screen moves on to the shared answer. */
  onShareDone: () => void;
}

/** The confirmation, said where the answer is given: who will see it, and when. */
function shareQuestion(partner: string, joined: boolean, partnerShared: boolean): string {
  const stays = "After that it stays as it is.";
  if (partnerShared) {
    return `Share this with ${partner}? ${partner} has shared on this prompt already, so you'll both see the two answers side by side right away. ${stays}`;
  }
  if (!joined) {
    return `Share this with your partner? They will see it once they have joined and shared on this prompt too. ${stays}`;
  }
  return `Share this with ${partner}? ${partner} will see it once they share theirs on this prompt too. ${stays}`;
}

/** Writing privately: the draft saves itself, sealed for its author, until it is shared. */
export function DraftEditor({
  prompt,
  draft: given,
  partnerShared,
  onShared,
  onShareDone,
}: DraftEditorProps) {
  // As it was when the screen opened: later saves refresh the list, not what this screen began from.
  const [draft] = useState(given);
  const people = usePeople();
  const toast = useToast();
  const partner = capitalised(people.partnerName);
  const saver = useDraftSaver({ promptKey: prompt.key, draft, max: MAX, onShared });
  const { state } = saver;
  const attention = needsAttention(state);
  const line = saveLine(state, (at) => whenSaved(at, new Date()));
  const hasWords = saver.text.trim().length > 0;
  const lostDraft = draft !== undefined && isUnopened(draft.body);

  // Said to a screen reader: the first save of this visit (later ones only show), and problems.
  const [announcement, setAnnouncement] = useState("");
  const announced = useRef(false);
  useEffect(() => {
    if (attention) {
      setAnnouncement(line);
      return;
    }
    if (state.kind !== "saved" || announced.current || state.at === draft?.updatedAt) return;
    announced.current = true;
    setAnnouncement("Saved privately. It goes on saving itself as you write.");
  }, [state, attention, line, draft?.updatedAt]);

  const [sharing, setSharing] = useState(false);
  async function share() {
    setSharing(true);
    const done = await saver.share();
    setSharing(false);
    if (done) {
      toast(
        partnerShared
          ? "Shared. You can read both answers side by side now."
          : people.partner
            ? `Shared. ${partner} will see it once they share theirs on this prompt too.`
            : "Shared. Your partner will see it once they have joined and shared on this prompt too.",
      );
      onShareDone();
    }
  }

  return (
    <div className="reflections-writing">
      <div className="reflections-writing__main">
        {partnerShared ? (
          <Notice title={`${partner} has shared on this one`}>
            <p>
              Share yours when you're ready, and you'll see both answers side by side. Until then
              neither of you reads the other's words.
            </p>
          </Notice>
        ) : null}

        {lostDraft ? (
          <Notice title="Your earlier draft can't be opened">
            <p className="unopened">{draft.body}</p>
            <p>You can write it anew here. Saving puts the new words in its place.</p>
          </Notice>
        ) : null}

        {saver.elsewhere ? (
          <Notice tone="warning" title="You already have a draft on this prompt">
            <p>
              It was begun in another window or on another device. Which words should go on as your
              draft?
            </p>
            <p className="reflections-elsewhere__label">The other draft:</p>
            <Words text={saver.elsewhere.body} className="quote" />
            <div className="actions">
              <Button size="small" onClick={() => saver.choose("here")}>
                Keep what's on this screen
              </Button>
              <Button size="small" variant="secondary" onClick={() => saver.choose("elsewhere")}>
                Open the other draft instead
              </Button>
            </div>
          </Notice>
        ) : null}

        <div className="form form--tight">
          <TextAreaField
            id={FIELD_ID}
            label="Your reflection"
            hint={prompt.hint}
            rows={14}
            maxLength={MAX}
            className="reflections-writing__field"
            value={saver.text}
            onChange={(event) => saver.setText(event.currentTarget.value)}
            onBlur={() => void saver.flush()}
            error={state.kind === "too-long" ? line : undefined}
          />
          <div className="reflections-save">
            <p
              className={`reflections-save__line${attention ? " reflections-save__line--attention" : ""}`}
            >
              {state.kind === "too-long" ? "Not saved: it's over the length limit." : line}
            </p>
            {state.kind === "failed" && !saver.elsewhere ? (
              <Button size="small" variant="secondary" onClick={() => void saver.flush()}>
                Try saving again
              </Button>
            ) : null}
          </div>
          <LiveStatus message={announcement} className="visually-hidden" />
        </div>
      </div>

      <div className="reflections-writing__side">
        <div className="reflections-privacy">
          <PrivateNote>
            Only you can read this draft. It is sealed with your own key on this device before it is
            saved, so it waits for you here, on any device you sign in on, and nobody else can open
            it: not {people.partnerName}, not a therapist, not whoever runs Mend.
          </PrivateNote>
        </div>

        <section className="reflections-share" aria-labelledby="reflections-share-title">
          <h2 id="reflections-share-title" className="reflections-share__title">
            Sharing, when you're ready
          </h2>
          {people.individualMode ? (
            <PrivateNote>
              While couple features are paused for you, your reflections stay private. Your drafts
              are kept just the same.
            </PrivateNote>
          ) : (
            <>
              <p>
                Sharing is a step of its own, and only you take it.{" "}
                {partnerShared
                  ? `${partner} has shared on this prompt already, so once you share, you both see the two answers side by side.`
                  : `${partner} reads your answer once they have shared theirs on this prompt too, so neither answer shapes the other.`}
              </p>
              <p>Once shared, it stays as you shared it; you can add to it with comments.</p>
              {state.kind === "too-long" ? (
                <p className="muted small">
                  Shorten it to {MAX.toLocaleString()} characters or fewer; then you can share it.
                </p>
              ) : hasWords ? (
                <ConfirmInline
                  label={`Share with ${people.partnerName}`}
                  variant="secondary"
                  size="normal"
                  question={shareQuestion(partner, Boolean(people.partner), partnerShared)}
                  confirmLabel="Yes, share it"
                  cancelLabel="Not yet"
                  busy={sharing}
                  onConfirm={() => void share()}
                />
              ) : (
                <p className="muted small">Write your answer first; then you can share it.</p>
              )}
            </>
          )}
        </section>
      </div>
    </div>
  );
}
