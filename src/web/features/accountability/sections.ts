import { isUnopened } from "../../../client/sealing.ts";
import { STATEMENT_SECTIONS, type StatementSection } from "../../../domain/accountability.ts";

/** The three sections as typed: every one present, blank until written. */
export type Sections = Record<StatementSection, string>;

/** Any source of sections (a draft, a shared version), with blanks for what it lacks. */
export function sectionsOf(source: Partial<Record<StatementSection, string>> | null): Sections {
  return {
    whatIDid: source?.whatIDid ?? "",
    impact: source?.impact ?? "",
    whyNotSooner: source?.whyNotSooner ?? "",
  };
}

/**
 * Sections to edit further. Words that did not open (sealed with earlier keys) come back as a
 * marker sentence; that sentence must never be typed over and saved as if it were the person's
 * own, so such a section starts blank and the editor says why.
 */
export function editableSections(source: Partial<Record<StatementSection, string>> | null): {
  sections: Sections;
  unopened: boolean;
} {
  const sections = sectionsOf(source);
  let unopened = false;
  for (const section of STATEMENT_SECTIONS) {
    if (isUnopened(sections[section])) {
      sections[section] = "";
      unopened = true;
    }
  }
  return { sections, unopened };
}

const hasWords = (text: string) => text.trim() !== "";

/** What a working copy sends: a half-written section goes once it has words, not before. */
export function draftSections(values: Sections): Partial<Sections> {
  const out: Partial<Sections> = {};
  for (const section of STATEMENT_SECTIONS) {
    if (hasWords(values[section])) out[section] = values[section];
  }
  return out;
}

/** Whether two sets of sections say the same, ignoring space around them as the server does. */
export function sameSections(a: Sections, b: Sections): boolean {
  return STATEMENT_SECTIONS.every((section) => a[section].trim() === b[section].trim());
}
