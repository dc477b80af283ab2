import type { ReactNode, Ref } from "react";
import { formatDate, formatDateTime } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { Reveal } from "../../../ui/reveal.tsx";
import { ShareWithTherapist } from "../../therapists/components/share-toggle.tsx";
import type { Reflection } from "../api/reflections.ts";
import { CommentForm } from "./comment-form.tsx";
import { Words } from "./words.tsx";

interface AnswerProps {
  reflection: Reflection;
  /** Who wrote it, e.g. "Kai" or "Robin (you)". */
  writer: string;
  level: 2 | 3;
  /** Comments can be added (not while couple features are paused for the viewer). */
  canComment: boolean;
  /** Words to start a comment from, shown with the form open. */
  commentDraft?: string;
  headingRef?: Ref<HTMLHeadingElement> | undefined;
  children?: ReactNode;
}

/** One shared answer: who wrote it, when it was shared, the words, and the comments under it. */
export function Answer({
  reflection,
  writer,
  level,
  canComment,
  commentDraft,
  headingRef,
  children,
}: AnswerProps) {
  const people = usePeople();
  const Heading = level === 2 ? "h2" : "h3";
  const headingId = `answer-${reflection.id}`;
  const mine = reflection.mine;
  const formLabel = mine ? "Add to your answer" : `Comment on ${writer}'s answer`;
  const hint = mine
    ? "Your answer stays as you shared it. A comment is the place for what you'd add now."
    : "Say what you noticed, ask about something, or thank them. Speak for yourself.";
  return (
    <article className="reflections-answer" aria-labelledby={headingId}>
      <header className="reflections-answer__header">
        <Heading
          id={headingId}
          className="reflections-answer__writer"
          tabIndex={headingRef ? -1 : undefined}
          ref={headingRef}
        >
          {writer}
        </Heading>
        <p className="reflections-answer__when">
          Shared {formatDate(reflection.sharedAt ?? reflection.updatedAt)}
        </p>
      </header>
      <Words text={reflection.body} className="reflections-answer__body" />
      <ShareWithTherapist
        type="reflection"
        id={reflection.id}
        by={reflection.by}
        shared={reflection.visibility === "therapist"}
        itemLabel="your answer"
      />
      {children}
      {reflection.comments.length > 0 ? (
        <ol
          className="reflections-comments"
          aria-label={`Comments on ${mine ? "your" : `${writer}'s`} answer`}
        >
          {reflection.comments.map((comment) => (
            <li key={comment.id} className="reflections-comment">
              <p className="reflections-comment__meta">
                <span className="reflections-comment__who">
                  {people.nameOf(comment.by, { capital: true })}
                </span>{" "}
                · {formatDateTime(comment.at)}
              </p>
              <Words text={comment.text} className="reflections-comment__text" />
            </li>
          ))}
        </ol>
      ) : null}
      {canComment ? (
        commentDraft ? (
          <CommentForm
            reflectionId={reflection.id}
            label={formLabel}
            hint={hint}
            initialText={commentDraft}
          />
        ) : (
          <Reveal label={formLabel} closeLabel="Close">
            <CommentForm reflectionId={reflection.id} label={formLabel} hint={hint} />
          </Reveal>
        )
      ) : null}
    </article>
  );
}
