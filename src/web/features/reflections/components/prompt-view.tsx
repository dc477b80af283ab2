import { useState } from "react";
import { usePeople } from "../../../ui/people.tsx";
import { Notice } from "../../../ui/status.tsx";
import { useMe } from "../../account/api/me.ts";
import { capitalised } from "../copy.ts";
import { wordsBeyond } from "../draft-save.ts";
import type { Prompt, Standing } from "../standing.ts";
import { Answer } from "./answer.tsx";
import { DraftEditor } from "./draft-editor.tsx";
import { Words } from "./words.tsx";

/** Focuses a heading as it appears, so whoever just shared hears where they landed. */
const focusOnMount = (element: HTMLHeadingElement | null) => element?.focus();

/** Words that were typed after the answer had been shared elsewhere, offered as a comment. */
function UnsavedNotice({ text }: { text: string }) {
  return (
    <Notice tone="warning" title="This answer was already shared">
      <p>
        It was shared from another window or device, so it stays as it was shared. What you typed
        here afterwards isn't part of it; it is below, ready to add as a comment if you want to.
      </p>
      <Words text={text} className="quote" />
    </Notice>
  );
}

/**
 * One prompt, from where the viewer stands: writing a private draft, shared and waiting for the
 * partner, or both answers side by side.
 */
export function PromptView({ prompt, standing }: { prompt: Prompt; standing: Standing }) {
  const people = usePeople();
  const me = useMe();
  const [unsaved, setUnsaved] = useState<string | null>(null);
  const [justShared, setJustShared] = useState(false);
  const partner = capitalised(people.partnerName);
  const myName = me.data?.user.name;
  const meLabel = myName ? `${myName} (you)` : "You";
  const canComment = !people.individualMode;
  const headingRef = justShared ? focusOnMount : undefined;

  if (standing.kind === "not-started" || standing.kind === "draft") {
    return (
      <DraftEditor
        key={prompt.key}
        prompt={prompt}
        draft={standing.kind === "draft" ? standing.mine : undefined}
        partnerShared={standing.partnerShared}
        onShared={setUnsaved}
        onShareDone={() => setJustShared(true)}
      />
    );
  }

  const mineShared = standing.kind === "waiting" ? standing.mine : standing.pair.mine;
  const beyond = unsaved === null ? "" : wordsBeyond(unsaved, mineShared.body);

  if (standing.kind === "waiting") {
    return (
      <div className="reflections-shared">
        {beyond ? <UnsavedNotice text={beyond} /> : null}
        <Notice tone="success" title={`Shared, waiting for ${people.partnerName}`}>
          <p>
            {people.partner
              ? `${partner} reads your answer once they have shared theirs on this prompt, and then you both see the two side by side. Until then ${partner} doesn't see yours, and you don't see theirs.`
              : "Your partner reads your answer once they have joined and shared theirs on this prompt; then you both see the two side by side."}
          </p>
        </Notice>
        <Answer
          reflection={standing.mine}
          writer={meLabel}
          level={2}
          canComment={canComment}
          headingRef={headingRef}
          commentDraft={beyond || undefined}
        />
      </div>
    );
  }

  const { mine, theirs } = standing.pair;
  return (
    <section className="reflections-shared" aria-labelledby="reflections-pair-title">
      {beyond ? <UnsavedNotice text={beyond} /> : null}
      <h2
        id="reflections-pair-title"
        className="reflections-pair__title"
        tabIndex={headingRef ? -1 : undefined}
        ref={headingRef}
      >
        Side by side
      </h2>
      <p className="reflections-pair__intro">
        You have both shared on this prompt. There's no need to agree, or to answer everything at
        once: you can comment on either answer, to ask, to thank, or to add what came to you.
      </p>
      <div className="reflections-pair">
        <Answer
          reflection={mine}
          writer={meLabel}
          level={3}
          canComment={canComment}
          commentDraft={beyond || undefined}
        />
        <Answer
          reflection={theirs}
          writer={people.nameOf(theirs.by, { capital: true })}
          level={3}
          canComment={canComment}
        />
      </div>
    </section>
  );
}
