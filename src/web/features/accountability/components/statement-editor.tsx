import { useState } from "react";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { newItemId } from "../../../../client/crypto/account-keys.ts";
import { VersionBody } from "../../../../contracts/accountability.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { SECTION_PROMPTS, STATEMENT_SECTIONS } from "../../../../domain/accountability.ts";
import { defensivenessMarks } from "../../../../domain/defensiveness.ts";
import { MEANING_LIMITS } from "../../../../domain/limits.ts";
import { Button } from "../../../ui/button.tsx";
import { ConfirmInline } from "../../../ui/confirm-inline.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { formatDate, formatTime } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { PrivateNote } from "../../../ui/private-note.tsx";
import { ErrorState } from "../../../ui/query-state.tsx";
import { Notice } from "../../../ui/status.tsx";
import { useToast } from "../../../ui/toast.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { type StatementDraft, useDiscardDraft, useShareVersion } from "../api/accountability.ts";
import { phraseCount } from "../highlight.ts";
import { editableSections, type Sections, sameSections, sectionsOf } from "../sections.ts";
import type { Version } from "../statements.ts";
import { type SaveState, useDraftAutosave } from "../use-draft-autosave.ts";
import { MarkedTextArea } from "./marked-text-area.tsx";

const sectionText = z
  .string()
  .trim()
  .min(1, { error: "Write this part before sharing. A few plain sentences are enough." })
  .max(MEANING_LIMITS.sectionMax, {
    error: `Keep this part to ${MEANING_LIMITS.sectionMax} characters or fewer.`,
  });

/** The contract's body, with words that fit a statement when a part is still empty. */
const StatementForm = draftOf(VersionBody).extend({
  whatIDid: sectionText,
  impact: sectionText,
  whyNotSooner: sectionText,
});

const FIELD_IDS = {
  whatIDid: "statement-what-i-did",
  impact: "statement-impact",
  whyNotSooner: "statement-why-not-sooner",
};

function savedWhen(at: string): string {
  const day = (value: Date) => value.toDateString();
  return day(new Date(at)) === day(new Date())
    ? `at ${formatTime(at)}`
    : `on ${formatDate(at)}, ${formatTime(at)}`;
}

function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  return (
    <div className="accountability-save">
      {state.kind === "failed" ? null : (
        <PrivateNote>
          {state.kind === "saving"
            ? "Saving privately…"
            : state.kind === "saved"
              ? `Saved privately ${savedWhen(state.at)}. Only you can see this working copy.`
              : "Only you can see what you write here. It's saved privately as you go."}
        </PrivateNote>
      )}
      {/* Only a failure is read out: a saved line after every pause would talk over the writing. */}
      <div role="status" aria-live="polite">
        {state.kind === "failed" ? (
          <Notice tone="warning" title="Not saved just now">
            <p>
              Your words are still here on the screen. Saving is tried again when you pause or leave
              a field.
            </p>
            <Button size="small" variant="secondary" onClick={onRetry}>
              Try saving now
            </Button>
          </Notice>
        ) : null}
      </div>
    </div>
  );
}

interface StatementEditorProps {
  draft: StatementDraft | null;
  /** One's own newest shared version, which a new version starts from. */
  latest: Version | null;
  /** Couple actions are paused for this person: writing stays, sharing waits. */
  readOnly: boolean;
  onShared: () => void;
}

/**
 * One's statement being written: three sections with the defensiveness helper, autosaved as a
 * private working copy, shared as a new version after a confirmation.
 */
export function StatementEditor({ draft, latest, readOnly, onShared }: StatementEditorProps) {
  const people = usePeople();
  const toast = useToast();
  const share = useShareVersion();
  const discard = useDiscardDraft();
  // The editor opens once with what the server held; after that it is the newer of the two.
  const [start] = useState(() => editableSections(draft ?? latest));
  const [shareId, setShareId] = useState(newItemId);
  const { form, errors, submit, summary } = useSchemaForm(StatementForm, {
    defaultValues: start.sections,
    fieldIds: FIELD_IDS,
  });
  const sections = sectionsOf(useWatch({ control: form.control }));
  const autosave = useDraftAutosave(sections, {
    draft: draft ? { id: draft.id, updatedAt: draft.updatedAt } : null,
    opened: start.sections,
  });

  // A fraction of a millisecond for all three: no need to keep it between keystrokes.
  const totalMarks = STATEMENT_SECTIONS.reduce(
    (n, section) => n + defensivenessMarks(sections[section]).length,
    0,
  );
  const nextN = (latest?.n ?? 0) + 1;
  const changed = latest === null || !sameSections(sections, sectionsOf(latest));

  function startOver(next: Sections) {
    autosave.restart(next);
    form.reset(next);
  }

  const shareNow = submit(async (values) => {
    await autosave.hold();
    try {
      await share.mutateAsync({ id: shareId, sections: values });
    } catch (error) {
      autosave.resume();
      throw error;
    }
    startOver(values);
    setShareId(newItemId());
    onShared();
    toast(
      people.partner
        ? `Version ${nextN} is shared. ${people.partnerName} can read it now and say whether they feel heard.`
        : `Version ${nextN} is shared. Your partner can read it once they've joined.`,
    );
  });

  async function discardNow() {
    await autosave.hold();
    try {
      await discard.mutateAsync(undefined);
    } catch {
      autosave.resume();
      return;
    }
    startOver(editableSections(latest).sections);
    toast(
      latest
        ? `Your working copy is discarded. Version ${latest.n} is as you shared it.`
        : "Your working copy is discarded.",
    );
  }

  return (
    <form
      className="form form--tight accountability-editor"
      noValidate
      aria-label={latest ? `Write version ${nextN} of your statement` : "Write your statement"}
      onSubmit={(event) => event.preventDefault()}
    >
      <p>
        {latest
          ? `This starts from version ${latest.n} as you shared it. Change whatever you need; version ${latest.n} itself stays exactly as it is.`
          : "Write it in your own words, and take the time you need. Plain and specific helps most."}
      </p>
      <p className="small muted">
        As you write, a helper marks phrases that can sound defensive to the one reading them:
        blame, softening words, a “but”, a sentence with nobody in it. It only advises. What you
        keep is yours to decide, and you can share it whatever it marks.
      </p>
      <SaveStatus state={autosave.state} onRetry={() => void autosave.save()} />
      {start.unopened ? (
        <Notice>
          <p>
            Part of your working copy was sealed with your earlier keys and can't be opened any
            more, so that part starts empty.
          </p>
        </Notice>
      ) : null}
      <ErrorSummary errors={summary} />
      {STATEMENT_SECTIONS.map((section) => (
        <MarkedTextArea
          key={section}
          id={FIELD_IDS[section]}
          label={SECTION_PROMPTS[section].title}
          hint={SECTION_PROMPTS[section].help}
          value={sections[section]}
          maxLength={MEANING_LIMITS.sectionMax}
          error={errors[section]?.message}
          registration={form.register(section)}
          onLeave={() => void autosave.save()}
        />
      ))}

      <div className="accountability-share">
        {changed ? (
          <>
            {totalMarks > 0 ? (
              <Notice>
                <p>
                  The helper still marks {phraseCount(totalMarks)}. You can still share it as it is:
                  the marks are suggestions, and you know best what is true.
                </p>
              </Notice>
            ) : null}
            {readOnly ? (
              <p className="muted">
                Sharing is paused for you for now. Your working copy stays saved, privately.
              </p>
            ) : (
              <ConfirmInline
                key={nextN}
                label={`Share version ${nextN}`}
                variant="secondary"
                size="normal"
                question={
                  <>
                    Share version {nextN} with{" "}
                    {people.partner ? people.partnerName : "your partner"}?
                    <span className="accountability-confirm__detail">
                      Once shared, it stays exactly as it is and is never changed. Anything you want
                      to add later becomes a new version, or a dated addendum.
                    </span>
                  </>
                }
                confirmLabel={`Yes, share version ${nextN}`}
                cancelLabel="Not yet"
                busy={share.isPending}
                onConfirm={() => void shareNow()}
              />
            )}
          </>
        ) : (
          <p className="muted">
            This is version {latest?.n} as you shared it. Change something above to share a new
            version.
          </p>
        )}
        {autosave.hasDraft ? (
          <ConfirmInline
            label="Discard draft"
            question={
              latest
                ? `Throw away this working copy? Version ${latest.n} stays as you shared it.`
                : "Throw away this working copy? What you wrote here can't be brought back."
            }
            confirmLabel="Discard draft"
            cancelLabel="Keep it"
            busy={discard.isPending}
            onConfirm={() => void discardNow()}
          />
        ) : null}
        {discard.isError ? (
          <ErrorState title="The draft wasn't discarded" error={discard.error} />
        ) : null}
      </div>
    </form>
  );
}
