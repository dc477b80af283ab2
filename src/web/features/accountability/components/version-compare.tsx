import { useState } from "react";
import { SECTION_PROMPTS, STATEMENT_SECTIONS } from "../../../../domain/accountability.ts";
import { SelectField } from "../../../ui/field.tsx";
import { formatDate } from "../../../ui/format.ts";
import { defaultComparison, type Version } from "../statements.ts";
import { type DiffPart, diffCounts, sideOf, wordDiff } from "../word-diff.ts";

function wordCount(n: number): string {
  return n === 1 ? "1 word" : `${n} words`;
}

function changeSummary(parts: readonly DiffPart[]): string {
  const { added, removed } = diffCounts(parts);
  if (added === 0 && removed === 0) return "No change in this part.";
  const said = [
    added ? `${wordCount(added)} added` : "",
    removed ? `${wordCount(removed)} taken out` : "",
  ].filter(Boolean);
  return `${said.join(", ")}.`;
}

/** One side's text, its changes marked with a line and with words for screen readers. */
function DiffText({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <p className="user-text accountability-diff__text">
      {parts.map((part, index) =>
        part.kind === "same" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: runs of one text, in order
          <span key={index}>{part.text}</span>
        ) : part.kind === "added" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: runs of one text, in order
          <ins key={index} className="accountability-diff__added">
            <span className="visually-hidden">[added: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: runs of one text, in order
          <del key={index} className="accountability-diff__removed">
            <span className="visually-hidden">[taken out: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </del>
        ),
      )}
    </p>
  );
}

/** Any two versions side by side, part by part, with what changed between them marked. */
export function VersionCompare({ versions, idBase }: { versions: Version[]; idBase: string }) {
  const [initial] = useState(() => defaultComparison(versions));
  const [first, setFirst] = useState(initial?.[0] ?? 1);
  const [second, setSecond] = useState(initial?.[1] ?? 1);
  const options = [...versions]
    .sort((a, b) => a.n - b.n)
    .map((v) => ({ value: String(v.n), label: `Version ${v.n}, ${formatDate(v.at)}` }));
  const [earlierN, laterN] = first <= second ? [first, second] : [second, first];
  const earlier = versions.find((v) => v.n === earlierN);
  const later = versions.find((v) => v.n === laterN);

  return (
    <div className="accountability-compare">
      <div className="form-row form-row--two accountability-compare__pick">
        <SelectField
          id={`${idBase}-compare-first`}
          label="Compare version"
          options={options}
          value={String(first)}
          onChange={(event) => setFirst(Number(event.target.value))}
        />
        <SelectField
          id={`${idBase}-compare-second`}
          label="with version"
          options={options}
          value={String(second)}
          onChange={(event) => setSecond(Number(event.target.value))}
        />
      </div>
      {!earlier || !later || earlierN === laterN ? (
        <p className="muted">Choose two different versions to see what changed between them.</p>
      ) : (
        <>
          <p className="small muted accountability-compare__legend">
            On the left, version {earlierN}: words taken out later are struck through. On the right,
            version {laterN}: new words are underlined.
          </p>
          {STATEMENT_SECTIONS.map((section) => {
            const parts = wordDiff(earlier[section], later[section]);
            return (
              <section
                key={section}
                className="accountability-compare__section"
                aria-labelledby={`${idBase}-compare-${section}`}
              >
                <h4 id={`${idBase}-compare-${section}`}>{SECTION_PROMPTS[section].title}</h4>
                <p className="small accountability-compare__summary">{changeSummary(parts)}</p>
                <div className="accountability-compare__sides">
                  <div className="accountability-compare__side">
                    <p className="accountability-compare__label">Version {earlierN}</p>
                    <DiffText parts={sideOf(parts, "before")} />
                  </div>
                  <div className="accountability-compare__side">
                    <p className="accountability-compare__label">Version {laterN}</p>
                    <DiffText parts={sideOf(parts, "after")} />
                  </div>
                </div>
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
