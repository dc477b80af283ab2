/** "1 phrase", "3 phrases". */
export function phraseCount(count: number): string {
  return count === 1 ? "1 phrase" : `${count} phrases`;
}

/**
 * What a screen reader hears once typing pauses: the count for one section, said only when it
 * has changed since the last time, so that the same number is not read out again and again.
 */
export function marksAnnouncement(section: string, count: number, before: number): string {
  if (count === before) return "";
  if (count === 0) return `${section}: no phrases marked now.`;
  return `${section}: the helper marks ${phraseCount(count)}. They are listed under the field.`;
}
