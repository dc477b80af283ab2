import { useState } from "react";
import type { Statement } from "../../../../contracts/accountability.ts";
import {
  HEARD_LABELS,
  SECTION_PROMPTS,
  STATEMENT_SECTIONS,
} from "../../../../domain/accountability.ts";
import { Button } from "../../../ui/button.tsx";
import { SelectField } from "../../../ui/field.tsx";
import { formatDate } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { Reveal } from "../../../ui/reveal.tsx";
import { Notice } from "../../../ui/status.tsx";
import { ShareWithTherapist } from "../../therapists/components/share-toggle.tsx";
import {
  addendaInOrder,
  answersInOrder,
  newestAnswer,
  newestFirst,
  type Version,
} from "../statements.ts";
import { AddendumFormPanel } from "./addendum-form.tsx";
import { RespondForm } from "./respond-form.tsx";
import { VersionCompare } from "./version-compare.tsx";
import { Words } from "./words.tsx";

const HEARD_TONE = { yes: "badge--calm", partly: "badge--attention", "not-yet": "" } as const;

function AnswerBadge({ statement }: { statement: Statement }) {
  const people = usePeople();
  const heard = newestAnswer(statement);
  const partner = people.partner ? people.partnerName : "your partner";
  if (heard === null) {
    return (
      <span className="badge badge--attention">
        {statement.mine ? `Waiting for ${partner}'s answer` : "Waiting for your answer"}
      </span>
    );
  }
  return (
    <span className={`badge ${HEARD_TONE[heard]}`}>
      {statement.mine
        ? `${people.partner ? people.partnerName : "Your partner"}'s answer`
        : "Your answer"}
      : {HEARD_LABELS[heard]}
    </span>
  );
}

function Answers({ statement, version }: { statement: Statement; version: Version }) {
  const people = usePeople();
  const answers = answersInOrder(version);
  if (answers.length === 0) {
    return (
      <p className="accountability-answers__none">
        {statement.mine
          ? `${people.partner ? people.partnerName : "Your partner"} hasn't answered version ${version.n} yet.`
          : `You haven't answered version ${version.n} yet. Take the time you need.`}
      </p>
    );
  }
  return (
    <ol className="list-plain accountability-answers">
      {answers.map((answer) => (
        <li key={answer.id} className="accountability-answer">
          <p className="accountability-answer__head">
            <span className={`badge ${HEARD_TONE[answer.heard]}`}>
              {HEARD_LABELS[answer.heard]}
            </span>{" "}
            <span className="muted small">
              {people.nameOf(answer.by, { capital: true })}, {formatDate(answer.at)}
            </span>
          </p>
          {answer.missing ? (
            <div className="accountability-answer__missing">
              <p className="accountability-answer__label">What is missing</p>
              <Words text={answer.missing} />
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

interface StatementViewProps {
  statement: Statement;
  /** A unique base for ids, one per statement on the page. */
  idBase: string;
  readOnly: boolean;
}

/**
 * One person's shared statement: a version at a time (the newest first), the partner's answers
 * to it, the dated addenda, and a comparison of any two versions.
 */
export function StatementView({ statement, idBase, readOnly }: StatementViewProps) {
  const people = usePeople();
  const versions = newestFirst(statement.versions);
  const newest = versions[0];
  // One's own statement follows its newest version. The partner's stays on the version being
  // read (and perhaps answered) when a newer one arrives: they are told, and choose when to move.
  const [chosen, setChosen] = useState<number | null>(() =>
    statement.mine ? null : (newest?.n ?? null),
  );
  const [seenN, setSeenN] = useState(newest?.n ?? 0);
  // The comparison is worked out only once someone opens it.
  const [comparing, setComparing] = useState(false);
  const version = versions.find((v) => v.n === chosen) ?? newest;
  const addenda = addendaInOrder(statement);
  const authorName = people.nameOf(statement.by, { capital: true });
  if (!newest || !version) return null;
  const isNewest = version.n === newest.n;
  const arrived = !statement.mine && newest.n > seenN;
  const show = (n: number) => {
    setChosen(n);
    setSeenN(Math.max(seenN, n));
  };
  const answeredByMe = version.responses.some((r) => r.mine);
  const canAnswer = !statement.mine && !readOnly && people.partner !== null;

  return (
    <div className="accountability-statement">
      <div className="accountability-statement__status">
        <span className="badge badge--primary">
          {versions.length === 1 ? "Version 1" : `Version ${newest.n} is the newest`}
        </span>
        <AnswerBadge statement={statement} />
      </div>

      {versions.length > 1 ? (
        <SelectField
          id={`${idBase}-version`}
          className="accountability-statement__picker"
          label="Version shown"
          options={versions.map((v) => ({
            value: String(v.n),
            label: `Version ${v.n}${v.n === newest.n ? " (newest)" : ""}`,
          }))}
          value={String(version.n)}
          onChange={(event) => show(Number(event.target.value))}
        />
      ) : null}

      <article className="accountability-version" aria-labelledby={`${idBase}-v-title`}>
        <p className="accountability-version__meta" id={`${idBase}-v-title`}>
          Version {version.n}, shared by {people.nameOf(statement.by)} on {formatDate(version.at)}
        </p>
        <ShareWithTherapist
          type="statement"
          id={version.id}
          by={version.by}
          shared={version.sharedWithTherapist}
          itemLabel={`version ${version.n}`}
        />
        {arrived ? (
          <Notice title={`${authorName} has shared version ${newest.n}`}>
            <p>It came while you were reading. Version {version.n} stays here until you move on.</p>
            <Button size="small" variant="secondary" onClick={() => show(newest.n)}>
              Read version {newest.n}
            </Button>
          </Notice>
        ) : isNewest ? null : (
          <Notice>
            <p>
              This is an earlier version. The newest is version {newest.n}; this one stays as it was
              shared.
            </p>
          </Notice>
        )}
        {STATEMENT_SECTIONS.map((section) => (
          <section key={section} className="accountability-version__section">
            <h3>{SECTION_PROMPTS[section].title}</h3>
            <Words text={version[section]} className="accountability-version__text" />
          </section>
        ))}
      </article>

      {addenda.length > 0 || (statement.mine && !readOnly) ? (
        <section className="accountability-addenda" aria-labelledby={`${idBase}-addenda`}>
          <h3 id={`${idBase}-addenda`}>Added later</h3>
          {addenda.length > 0 ? (
            <ol className="list-plain accountability-addenda__list">
              {addenda.map((addendum) => (
                <li key={addendum.id} className="accountability-addendum">
                  <p className="accountability-addendum__when">
                    Added on {formatDate(addendum.at)}, after version {addendum.afterVersion}
                  </p>
                  <Words text={addendum.text} />
                  <ShareWithTherapist
                    type="addendum"
                    id={addendum.id}
                    by={addendum.by}
                    shared={addendum.sharedWithTherapist}
                    itemLabel="this addendum"
                  />
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">
              Nothing added yet. If there is something you did not say before, it can be added here
              with its date, so nothing is ever changed quietly.
            </p>
          )}
          {statement.mine && !readOnly ? (
            <Reveal label="Add something you did not say before" closeLabel="Not now">
              <AddendumFormPanel newestN={newest.n} />
            </Reveal>
          ) : null}
        </section>
      ) : null}

      <section className="accountability-answers-block" aria-labelledby={`${idBase}-answers`}>
        <h3 id={`${idBase}-answers`}>Answers to version {version.n}</h3>
        <Answers statement={statement} version={version} />
        {canAnswer ? (
          answeredByMe ? (
            <Reveal label={`Answer version ${version.n} again`} closeLabel="Not now">
              <RespondForm key={version.id} version={version} authorName={authorName} />
            </Reveal>
          ) : (
            <RespondForm key={version.id} version={version} authorName={authorName} />
          )
        ) : null}
      </section>

      {versions.length > 1 ? (
        <section className="accountability-compare-block" aria-labelledby={`${idBase}-compare`}>
          <h3 id={`${idBase}-compare`}>Compare versions</h3>
          <details
            className="disclosure"
            onToggle={(event) => setComparing(event.currentTarget.open)}
          >
            <summary>See what changed between two versions</summary>
            <div className="disclosure__body">
              {comparing ? <VersionCompare versions={statement.versions} idBase={idBase} /> : null}
            </div>
          </details>
        </section>
      ) : null}
    </div>
  );
}
