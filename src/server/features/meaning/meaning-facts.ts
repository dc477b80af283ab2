import { HEARD, latestHeard } from "../../../domain/accountability.ts";
import {
  ASK_AGAIN_WINDOW_DAYS,
  type BalanceFacts,
  SAME_QUESTION_WINDOW_DAYS,
} from "../../../domain/balance-guard.ts";
import type { MeaningReadiness } from "../../../domain/readiness.ts";
import { QUESTION_WAIT_DAYS } from "../../../domain/readiness.ts";
import { STORY_MARKS, storyProgress } from "../../../domain/story.ts";
import type { Scope } from "../../platform/access.ts";
import { storedEnum } from "../../platform/stored.ts";
import type { ScopedStores } from "../../platform/stores.ts";
import type { MeaningFactsStore } from "./meaning-facts.store.ts";

const DAY_MS = 86_400_000;

export type MeaningFacts = {
  readiness: MeaningReadiness;
  balance: Pick<BalanceFacts, "forwardPushes" | "meaningWork" | "askedAgain" | "carriedOver">;
};

/** What the couple view needs of Make meaning, computed from shared items' dates and states. */
export function meaningFacts(stores: ScopedStores<MeaningFactsStore>) {
  return async (scope: Scope, now: Date): Promise<MeaningFacts> => {
    const store = stores.at(scope);
    const lookBack = Math.max(ASK_AGAIN_WINDOW_DAYS, SAME_QUESTION_WINDOW_DAYS, QUESTION_WAIT_DAYS);
    const [work, pushes, askedAgain, openSince, carriedOver, statements, story] = await Promise.all(
      [
        store.meaningWork(now.toISOString()),
        store.forwardPushes(),
        store.askedAgain(new Date(now.getTime() - lookBack * DAY_MS).toISOString()),
        store.openQuestionsSince(),
        store.carriedOver(),
        store.statements(),
        store.story(),
      ],
    );
    const authors = [...new Set(statements.versions.map((v) => v.author_id))];
    const responses = statements.responses.map((r) => ({
      versionId: r.version_id,
      heard: storedEnum(HEARD, r.heard),
      at: r.created_at,
    }));
    const paragraphs = story.paragraphs.map((p) => ({
      version: p.version,
      marks: story.marks
        .filter((m) => m.paragraph_id === p.id)
        .map((m) => ({
          by: m.author_id,
          mark: storedEnum(STORY_MARKS, m.mark),
          version: m.version,
          at: m.created_at,
        })),
    }));
    const progress = storyProgress(paragraphs, story.partners);
    const signed = story.signatures.filter((s) => s.revision === story.revision);
    const since = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
    return {
      readiness: {
        statements: authors.map((by) => ({
          heard: latestHeard(
            statements.versions.filter((v) => v.author_id === by),
            responses,
          ),
        })),
        story: {
          paragraphs: progress.paragraphs,
          agreed: progress.agreed,
          signedByBoth:
            progress.paragraphs > 0 &&
            progress.agreed === progress.paragraphs &&
            story.partners.length === 2 &&
            story.partners.every((id) => signed.some((s) => s.user_id === id)),
        },
        longOpenQuestions: openSince.filter((at) => at < since(QUESTION_WAIT_DAYS)).length,
        recentAskedAgain: askedAgain.filter((a) => a.at >= since(QUESTION_WAIT_DAYS)).length,
      },
      balance: { forwardPushes: pushes, meaningWork: work, askedAgain, carriedOver },
    };
  };
}
