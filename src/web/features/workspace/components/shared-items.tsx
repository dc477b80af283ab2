import type { ReactNode } from "react";
import { SECTION_PROMPTS, STATEMENT_SECTIONS } from "../../../../domain/accountability.ts";
import { CHECKIN_SCALE_LABELS, CHECKIN_SCALES } from "../../../../domain/checkins.ts";
import { promptByKey } from "../../../../domain/reflections.ts";
import { formatDate } from "../../../ui/format.ts";
import type { SharedItem } from "../api/workspace.ts";
import { authorName, groupSharedItems, type StatementEntry } from "../shared-items.ts";
import { readable } from "../words.ts";

type People = ReadonlyArray<{ id: string; name: string }>;

/** One person's words as a quote, or the calm marker when they did not open. */
function Words({ text, className = "" }: { text: string | null; className?: string }) {
  const shown = readable(text);
  if (!shown) return null;
  return (
    <p className={`quote user-text ${className}${shown.opened ? "" : " unopened"}`.trim()}>
      {shown.text}
    </p>
  );
}

function Byline({ people, item }: { people: People; item: { by: string; at: string } }) {
  return (
    <p className="workspace-item__by">
      {authorName(people, item.by)}, {formatDate(item.at)}
    </p>
  );
}

function Labelled({ label, text }: { label: string; text: string | null }) {
  if (text === null || text === "") return null;
  return (
    <div className="workspace-item__part">
      <p className="workspace-item__label">{label}</p>
      <Words text={text} />
    </div>
  );
}

function Statement({ entry, people }: { entry: StatementEntry; people: People }) {
  if (entry.type === "addendum") {
    return (
      <article className="workspace-item">
        <p className="workspace-item__kind">Addendum to version {entry.afterVersion}</p>
        <Byline people={people} item={entry} />
        <Words text={entry.text} />
      </article>
    );
  }
  return (
    <article className="workspace-item">
      <p className="workspace-item__kind">Version {entry.n}</p>
      <Byline people={people} item={entry} />
      {STATEMENT_SECTIONS.map((section) => (
        <Labelled key={section} label={SECTION_PROMPTS[section].title} text={entry[section]} />
      ))}
    </article>
  );
}

function Checkin({
  item,
  people,
}: {
  item: Extract<SharedItem, { type: "checkin" }>;
  people: People;
}) {
  return (
    <article className="workspace-item">
      <p className="workspace-item__kind">Week {item.week.replace(/^\d{4}-W/, "")}</p>
      <Byline people={people} item={item} />
      <dl className="workspace-scales">
        {CHECKIN_SCALES.map((scale) => (
          <div key={scale}>
            <dt>{CHECKIN_SCALE_LABELS[scale].label}</dt>
            <dd>{item[scale]} of 10</dd>
          </div>
        ))}
      </dl>
      <Labelled label="Appreciation" text={item.appreciation} />
      <Labelled label="A concern" text={item.concern} />
      <Labelled label="A wish" text={item.wish} />
    </article>
  );
}

function Hurt({ item, people }: { item: Extract<SharedItem, { type: "hurt" }>; people: People }) {
  // The chosen words are sealed as one list: if it did not open, the marker stands for it.
  const words = Array.isArray(item.words) ? item.words.join(", ") : String(item.words);
  return (
    <article className="workspace-item">
      <Byline people={people} item={item} />
      <Labelled label="What they feel" text={words} />
      <Labelled label="What broke" text={item.broken} />
      <p>Repair feels possible: {item.repairPossible} of 10</p>
    </article>
  );
}

function Group({
  title,
  count,
  level,
  children,
}: {
  title: string;
  count: number;
  level: 2 | 3;
  children: ReactNode;
}) {
  if (count === 0) return null;
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section className="workspace-group">
      <Heading className="workspace-group__title">
        {title} ({count})
      </Heading>
      {children}
    </section>
  );
}

/**
 * What a couple shared, by kind, each opened in this browser. `level` fits the headings into
 * the page they sit in.
 */
export function SharedItems({
  items,
  people,
  level = 2,
}: {
  items: readonly SharedItem[];
  people: People;
  level?: 2 | 3;
}) {
  const groups = groupSharedItems(items);
  const Sub = level === 2 ? "h3" : "h4";
  return (
    <div className="workspace-shared">
      <Group title="Reflections" count={groups.reflections.length} level={level}>
        <ul className="workspace-items">
          {groups.reflections.map((item) => (
            <li key={item.id}>
              <article className="workspace-item">
                <p className="workspace-item__kind">
                  {promptByKey(item.promptKey)?.text ?? "A reflection"}
                </p>
                <Byline people={people} item={item} />
                <Words text={item.body} />
              </article>
            </li>
          ))}
        </ul>
      </Group>
      <Group title="Accountability statement" count={groups.statements.length} level={level}>
        <ul className="workspace-items">
          {groups.statements.map((entry) => (
            <li key={`${entry.type}-${entry.id}`}>
              <Statement entry={entry} people={people} />
            </li>
          ))}
        </ul>
      </Group>
      <Group
        title="Shared story"
        count={groups.story.reduce((n, g) => n + g.paragraphs.length, 0)}
        level={level}
      >
        {groups.story.map((section) => (
          <section key={section.section} className="workspace-story-section">
            <Sub className="workspace-story-section__title">{section.title}</Sub>
            <ul className="workspace-items">
              {section.paragraphs.map((item) => (
                <li key={item.id}>
                  <article className="workspace-item">
                    <Byline people={people} item={item} />
                    <Words text={item.text} />
                  </article>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </Group>
      <Group title="Promises" count={groups.promises.length} level={level}>
        <ul className="workspace-items">
          {groups.promises.map((item) => (
            <li key={item.id}>
              <article className="workspace-item">
                <p className="workspace-item__kind">Promise, {item.status}</p>
                <Byline people={people} item={item} />
                <Words text={item.text} />
                <Labelled label="How the other can notice" text={item.noticeHow} />
              </article>
            </li>
          ))}
        </ul>
      </Group>
      <Group title="Weekly check-ins" count={groups.checkins.length} level={level}>
        <ul className="workspace-items">
          {groups.checkins.map((item) => (
            <li key={item.id}>
              <Checkin item={item} people={people} />
            </li>
          ))}
        </ul>
      </Group>
      <Group title="Hurt and grief" count={groups.hurt.length} level={level}>
        <ul className="workspace-items">
          {groups.hurt.map((item) => (
            <li key={item.id}>
              <Hurt item={item} people={people} />
            </li>
          ))}
        </ul>
      </Group>
      <Group title="Intensity" count={groups.intensity.length} level={level}>
        <ul className="workspace-items">
          {groups.intensity.map((item) => (
            <li key={item.id}>
              <article className="workspace-item">
                <p className="workspace-item__kind">Intensity {item.value} of 10</p>
                <Byline people={people} item={item} />
                <Words text={item.note} />
              </article>
            </li>
          ))}
        </ul>
      </Group>
    </div>
  );
}
