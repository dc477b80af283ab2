import type { z } from "zod";
import type { PromptsReply, Reflection, ReflectionsReply } from "../../../contracts/reflections.ts";

export type Prompt = z.infer<typeof PromptsReply>["prompts"][number];
export type Theme = z.infer<typeof PromptsReply>["themes"][number];
export type ReflectionsData = z.infer<typeof ReflectionsReply>;
export type Pair = ReflectionsData["pairs"][number];

/**
 * Where the viewer stands on one prompt. `partnerShared` says only that the partner has shared
 * on it and the viewer has not: that fact is all the blind rule lets through before both share.
 */
export type Standing =
  | { kind: "not-started"; partnerShared: boolean }
  | { kind: "draft"; mine: Reflection; partnerShared: boolean }
  | { kind: "waiting"; mine: Reflection }
  | { kind: "side-by-side"; pair: Pair };

export function standingOn(promptKey: string, data: ReflectionsData): Standing {
  const pair = data.pairs.find((p) => p.promptKey === promptKey);
  if (pair) return { kind: "side-by-side", pair };
  const mine = data.reflections.find((r) => r.mine && r.promptKey === promptKey);
  if (mine && mine.sharedAt !== null) return { kind: "waiting", mine };
  const partnerShared = data.partnerSharedOn.includes(promptKey);
  return mine ? { kind: "draft", mine, partnerShared } : { kind: "not-started", partnerShared };
}

export interface ThemeGroup {
  theme: Theme;
  prompts: Array<{ prompt: Prompt; standing: Standing }>;
}

/** The prompts under their themes, both in the order the server offers them. */
export function groupByTheme(
  prompts: readonly Prompt[],
  themes: readonly Theme[],
  data: ReflectionsData,
): ThemeGroup[] {
  return themes.map((theme) => ({
    theme,
    prompts: prompts
      .filter((prompt) => prompt.theme === theme.key)
      .map((prompt) => ({ prompt, standing: standingOn(prompt.key, data) })),
  }));
}

export interface Overview {
  prompts: number;
  /** Prompts the viewer has written on at all, drafts included. */
  written: number;
  shared: number;
  sideBySide: number;
  /** Prompts the partner has shared on where the viewer's answer is still missing or private. */
  partnerWaiting: number;
}

export function overviewOf(prompts: readonly Prompt[], data: ReflectionsData): Overview {
  const known = new Set(prompts.map((p) => p.key));
  const mine = data.reflections.filter((r) => r.mine && known.has(r.promptKey));
  return {
    prompts: prompts.length,
    written: mine.length,
    shared: mine.filter((r) => r.sharedAt !== null).length,
    sideBySide: data.pairs.filter((p) => known.has(p.promptKey)).length,
    partnerWaiting: data.partnerSharedOn.filter((key) => known.has(key)).length,
  };
}

/** "1 prompt", "3 prompts". */
export function promptCount(n: number): string {
  return `${n} prompt${n === 1 ? "" : "s"}`;
}
