/**
 * The blind side-by-side rule: a partner's shared answer on a prompt is seen only by someone who
 * has shared their own answer on that prompt too, so neither answer can shape the other.
 */
export interface ReflectionFacts {
  author_id: string;
  prompt_key: string;
  shared_at: string | null;
}

export function visibleReflections<R extends ReflectionFacts>(
  rows: readonly R[],
  viewerId: string,
): R[] {
  const sharedByViewer = new Set(
    rows.filter((r) => r.author_id === viewerId && r.shared_at !== null).map((r) => r.prompt_key),
  );
  return rows.filter((r) => r.author_id === viewerId || sharedByViewer.has(r.prompt_key));
}

/** Prompts on which both have shared: the viewer's answer beside the partner's. */
export function pairsOf<R extends { mine: boolean; promptKey: string; sharedAt: string | null }>(
  reflections: readonly R[],
): Array<{ promptKey: string; mine: R; theirs: R }> {
  const pairs: Array<{ promptKey: string; mine: R; theirs: R }> = [];
  for (const mine of reflections.filter((r) => r.mine && r.sharedAt !== null)) {
    const theirs = reflections.find((r) => !r.mine && r.promptKey === mine.promptKey);
    if (theirs) pairs.push({ promptKey: mine.promptKey, mine, theirs });
  }
  return pairs;
}
