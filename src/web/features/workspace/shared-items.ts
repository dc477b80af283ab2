import type { SharedItem } from "../../../contracts/therapists.ts";
import { SECTION_INFO, STORY_SECTIONS, type StorySection } from "../../../domain/story.ts";

type Of<T extends SharedItem["type"]> = Extract<SharedItem, { type: T }>;
export type StatementEntry = Of<"statement"> | Of<"addendum">;

export interface StorySectionGroup {
  section: string;
  title: string;
  paragraphs: Of<"paragraph">[];
}

export interface SharedGroups {
  reflections: Of<"reflection">[];
  /** Each version, followed by the addenda written after it. */
  statements: StatementEntry[];
  story: StorySectionGroup[];
  promises: Of<"promise">[];
  checkins: Of<"checkin">[];
  hurt: Of<"hurt">[];
  intensity: Of<"intensity">[];
}

const byAt = (a: { at: string }, b: { at: string }) => a.at.localeCompare(b.at);

function isSection(key: string): key is StorySection {
  return (STORY_SECTIONS as readonly string[]).includes(key);
}

/** The shared items by kind, each kind in the order it was written. */
export function groupSharedItems(items: readonly SharedItem[]): SharedGroups {
  const of = <T extends SharedItem["type"]>(type: T) =>
    items.filter((item): item is Of<T> => item.type === type).sort(byAt);
  const versions = of("statement").sort((a, b) => a.n - b.n);
  const addenda = of("addendum");
  const statements: StatementEntry[] = [];
  for (const version of versions) {
    statements.push(version, ...addenda.filter((a) => a.afterVersion === version.n));
  }
  // An addendum to a version not shared still stands on its own.
  statements.push(...addenda.filter((a) => !versions.some((v) => v.n === a.afterVersion)));

  const paragraphs = of("paragraph");
  const known = STORY_SECTIONS.map((key) => ({ section: key, title: SECTION_INFO[key].title }));
  const other = [...new Set(paragraphs.map((p) => p.section).filter((s) => !isSection(s)))].map(
    (section) => ({ section, title: section }),
  );
  const story = [...known, ...other]
    .map((group) => ({
      ...group,
      paragraphs: paragraphs.filter((p) => p.section === group.section),
    }))
    .filter((group) => group.paragraphs.length > 0);

  return {
    reflections: of("reflection"),
    statements,
    story,
    promises: of("promise"),
    checkins: of("checkin").sort((a, b) => a.week.localeCompare(b.week) || byAt(a, b)),
    hurt: of("hurt"),
    intensity: of("intensity"),
  };
}

/** What the couple shared since the therapist's last note: everything, before a first note. */
export function sharedSince<T extends { at: string }>(items: readonly T[], since: string | null) {
  if (since === null) return [...items];
  const from = Date.parse(since);
  return items.filter((item) => Date.parse(item.at) > from);
}

/** The name of whoever wrote an item, from the couple's partners as the API gave them. */
export function authorName(partners: ReadonlyArray<{ id: string; name: string }>, id: string) {
  return partners.find((p) => p.id === id)?.name ?? "One of them";
}

const KIND_LABELS: Record<keyof SharedGroups, string> = {
  reflections: "Reflections",
  statements: "Accountability statement (versions and addenda)",
  story: "Shared story paragraphs",
  promises: "Promises",
  checkins: "Weekly check-ins",
  hurt: "Hurt and grief",
  intensity: "Intensity entries",
};

/** Each kind they share, how many, and when the latest came: the prep sheet's overview. */
export function sharedOverview(groups: SharedGroups) {
  return (Object.keys(KIND_LABELS) as Array<keyof SharedGroups>).flatMap((kind) => {
    const items: Array<{ at: string }> =
      kind === "story" ? groups.story.flatMap((g) => g.paragraphs) : groups[kind];
    if (items.length === 0) return [];
    const latest = items.reduce((a, b) => (a.at >= b.at ? a : b)).at;
    return [{ kind, label: KIND_LABELS[kind], count: items.length, latest }];
  });
}
