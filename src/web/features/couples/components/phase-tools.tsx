import { Link } from "react-router";
import { Card } from "../../../ui/card.tsx";
import type { CoupleViewData } from "../api/couple.ts";
import { MEANING_TOOLS, REBUILD_TOOLS } from "../copy.ts";

type Tools = typeof MEANING_TOOLS;

function ToolList({ tools }: { tools: Tools }) {
  return (
    <ul className="tool-list">
      {tools.map((tool) => (
        <li key={tool.to} className="tool-list__item">
          <Link to={tool.to} className="tool-list__link">
            {tool.title}
          </Link>
          <p className="tool-list__about">{tool.about}</p>
        </li>
      ))}
    </ul>
  );
}

/** Make meaning's tools, first on Home while the couple is in that phase. */
export function MeaningTools() {
  return (
    <Card title="Understanding how it happened" id="meaning-tools">
      <p>
        Take these at your own pace, one at a time. None of them is a test, and none of them has to
        be finished this week.
      </p>
      <ToolList tools={MEANING_TOOLS} />
    </Card>
  );
}

/** Rebuild's tools, first on Home while the couple is in that phase. */
export function RebuildTools() {
  return (
    <Card title="Rebuilding, one small promise at a time" id="rebuild-tools">
      <p>
        Trust grows back through small things done again and again, more than through big words. A
        few promises you are sure you can keep are worth more than many you might not.
      </p>
      <ToolList tools={REBUILD_TOOLS} />
    </Card>
  );
}

const LEANING = {
  minimizing: "Moving quickly",
  looping: "Going round in circles",
} as const;

/**
 * The balance guard: what the couple's own rhythm shows, why it matters, one thing to try, and
 * when the note goes away. Both partners see the same note; it never says who did what.
 */
export function BalanceNotes({ couple }: { couple: CoupleViewData }) {
  if (couple.balance.length === 0) return null;
  return (
    <Card title="A gentle note on your pace" tone="calm" id="balance">
      {couple.balance.map((note) => (
        <section key={note.key} className="balance-note" aria-label={LEANING[note.leaning]}>
          <h3 className="balance-note__title">{LEANING[note.leaning]}</h3>
          <p>
            <strong>What we noticed:</strong> {note.saw}
          </p>
          <p>{note.why}</p>
          <p>
            <strong>One thing to try:</strong> {note.tryThis}
          </p>
          <p className="muted small">{note.clearsWhen}</p>
        </section>
      ))}
    </Card>
  );
}
