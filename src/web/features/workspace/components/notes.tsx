import type { ReactNode } from "react";
import { TherapistNoteBody } from "../../../../contracts/therapists.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField } from "../../../ui/field.tsx";
import { formatDateTime } from "../../../ui/format.ts";
import { EmptyState, ErrorState, Loading } from "../../../ui/query-state.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { useAddNote, useNotes } from "../api/workspace.ts";
import { readable } from "../words.ts";

const Draft = draftOf(TherapistNoteBody);
const NOTE_MAX = 8000;

function NoteForm({ coupleId }: { coupleId: string }) {
  const add = useAddNote(coupleId);
  const fieldId = "therapist-note-text";
  const { form, errors, submit, summary, status } = useSchemaForm(Draft, {
    defaultValues: { text: "" },
    fieldIds: { text: fieldId },
  });
  return (
    <form
      className="form"
      noValidate
      aria-label="Write a note"
      onSubmit={submit(async ({ text }) => {
        await add.mutateAsync(text);
        form.reset({ text: "" });
        return "Note kept. Only you can read it.";
      })}
    >
      <ErrorSummary errors={summary} />
      <TextAreaField
        id={fieldId}
        label="A private note"
        hint="Locked with your own key in this browser. The couple never sees it."
        rows={4}
        maxLength={NOTE_MAX}
        error={errors.text?.message}
        {...form.register("text")}
      />
      <div className="actions">
        <Button type="submit" busy={add.isPending}>
          Keep this note
        </Button>
      </div>
      <LiveStatus message={status} />
    </form>
  );
}

/** The therapist's own notes on one couple, newest first, and a form for the next one. */
export function Notes({ coupleId }: { coupleId: string }) {
  const notes = useNotes(coupleId);
  let list: ReactNode;
  if (notes.isPending) list = <Loading label="Opening your notes…" />;
  else if (notes.isError) {
    list = <ErrorState error={notes.error} onRetry={() => void notes.refetch()} />;
  } else if (notes.data.notes.length === 0) {
    list = <EmptyState title="No notes yet" />;
  } else {
    const newestFirst = [...notes.data.notes].sort((a, b) => b.at.localeCompare(a.at));
    list = (
      <ul className="workspace-notes">
        {newestFirst.map((note) => {
          const shown = readable(note.text);
          return (
            <li key={note.id} className="workspace-note">
              <p className="workspace-item__by">{formatDateTime(note.at)}</p>
              <p className={`user-text${shown?.opened ? "" : " unopened"}`}>
                {shown?.opened ? shown.text : "This note could not be opened here."}
              </p>
            </li>
          );
        })}
      </ul>
    );
  }
  return (
    <div className="stack">
      <NoteForm coupleId={coupleId} />
      {list}
    </div>
  );
}
