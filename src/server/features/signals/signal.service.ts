import type { z } from "zod";
import type {
  Referral,
  Signal,
  SnoozeBody,
  SupportAnswerBody,
} from "../../../contracts/signals.ts";
import { HEARD } from "../../../domain/accountability.ts";
import { balanceNotes } from "../../../domain/balance-guard.ts";
import type { TrendStatus } from "../../../domain/intensity.ts";
import { PHASES } from "../../../domain/phases.ts";
import { STORY_MARKS } from "../../../domain/story.ts";
import {
  SIGNAL_KEYS,
  SUPPORT_ANSWER_KINDS,
  type SupportFacts,
  supportSignals,
} from "../../../domain/support-signals.ts";
import type { Scope } from "../../platform/access.ts";
import { errors } from "../../platform/errors.ts";
import { storedEnum, storedVisibility } from "../../platform/stored.ts";
import type { ScopedStores } from "../../platform/stores.ts";
import type { ServiceDeps } from "../deps.ts";
import type { MeaningFacts } from "../meaning/meaning-facts.ts";
import type { SignalStore, SupportAnswerRow } from "./signal.store.ts";

const DAY_MS = 86_400_000;

/** What other features know, read through the same scope. */
export interface SignalSources {
  meaning(scope: Scope, now: Date): Promise<MeaningFacts>;
  intensity(scope: Scope, timeZone: string): Promise<Array<{ status: TrendStatus }>>;
  coupleTimeZone(scope: Scope): Promise<string>;
}

/** The couple's trend is the least calm of the two: one partner easing does not calm the other. */
const CALM_ORDER: readonly TrendStatus[] = ["not-enough-data", "low", "easing", "steady", "rising"];

/**
 * When to seek support: the five signals as the viewer may see them, the operator's referral
 * list, one's own quick answers, snoozes and whether one shares one's view with a therapist.
 */
export function signalService(
  { clock }: ServiceDeps,
  stores: ScopedStores<SignalStore>,
  sources: SignalSources,
  referrals: readonly Referral[],
) {
  /**
   * `sharedOnly`: for a linked therapist, who sees a partner's view by that partner's consent but
   * never what that partner answered for themselves alone.
   */
  async function factsOf(scope: Scope, now: Date, sharedOnly = false): Promise<SupportFacts> {
    const store = stores.at(scope);
    const couple = await store.couple();
    if (!couple) throw errors.notFound("Your couple space");
    const phase = storedEnum(PHASES, couple.phase);
    const [topics, questions, checkins, answers, story, heard, promises, snoozes, meaning] =
      await Promise.all([
        store.openTopics(),
        store.questions(),
        store.checkins(),
        store.answers(),
        store.story(),
        store.heardAnswers(),
        store.promises(),
        store.snoozes(),
        sources.meaning(scope, now),
      ]);
    const trends = await sources.intensity(scope, await sources.coupleTimeZone(scope));
    const minimizing = balanceNotes({
      now,
      phase,
      phaseSince: couple.phaseSince,
      ...meaning.balance,
    }).filter((note) => note.leaning === "minimizing");

    const weeks = checkinWeeks(checkins, scope);
    const said = (kind: (typeof SUPPORT_ANSWER_KINDS)[number]) =>
      answers
        .filter((a) => a.kind === kind && !(sharedOnly && a.visibility === "private"))
        .map((a) => ({ at: a.created_at, mine: a.author_id === scope.viewerId }));
    const accepted = promises.flatMap((p) => (p.accepted_at ? [p.accepted_at] : []));
    const activeNow = promises.filter((p) => p.status === "active").length;
    const lastEnded = latest(
      promises.flatMap((p) => (p.accepted_at && p.ended_at ? [p.ended_at] : [])),
    );

    return {
      now,
      phase,
      phaseSince: couple.phaseSince,
      topics: topics.map((t) => ({ carriedOver: t.carried_over, raisedAt: t.created_at })),
      questions: questions.map((q) => ({
        timesAsked: q.times_asked,
        askedAt: q.created_at,
        state: q.state,
      })),
      checkinWeeks: weeks.map((w) => ({ week: w.week, sameConcern: w.sameConcern, at: w.at })),
      pushedToMoveOn: [...said("pushed-to-move-on"), ...weeks.flatMap((w) => w.pushed)],
      minimizingSince: earliest(minimizing.map((note) => note.since)),
      paragraphs: story.paragraphs.map((p) => ({
        disputedSince: disputedSince(
          p.version,
          story.marks.filter((m) => m.paragraph_id === p.id),
        ),
      })),
      heardAnswers: heard.map((h) => ({ heard: storedEnum(HEARD, h.heard), at: h.created_at })),
      promises: {
        activeNow,
        lastActiveAt: activeNow > 0 ? now.toISOString() : lastEnded,
        lastAcceptedAt: latest(accepted),
      },
      dontKnowWhereToStart: [
        ...said("dont-know-where-to-start"),
        ...weeks.flatMap((w) => w.dontKnow),
      ],
      intensity: leastCalm(trends.map((t) => t.status)),
      snoozed: snoozes.map((s) => ({ key: storedEnum(SIGNAL_KEYS, s.key), until: s.until })),
    };
  }

  async function signalsFor(scope: Scope, shared: boolean, sharedOnly = false): Promise<Signal[]> {
    const facts = await factsOf(scope, clock.now(), sharedOnly);
    return supportSignals(facts).map((signal) => ({
      key: signal.key,
      title: signal.title,
      why: signal.why,
      since: signal.since,
      evidence: signal.evidence,
      clearsWhen: signal.clearsWhen,
      snoozedUntil: signal.snoozedUntil,
      sharedWithTherapist: shared,
    }));
  }

  return {
    /** The viewer's view of the signals. */
    signalsOf: async (scope: Scope): Promise<Signal[]> =>
      signalsFor(scope, await stores.at(scope).shared()),

    /**
     * A partner's view as their therapist may see it, by that partner's consent: without what the
     * partner answered for themselves alone.
     */
    sharedSignalsOf: (scope: Scope): Promise<Signal[]> => signalsFor(scope, true, true),

    /** Whether the viewer lets a linked therapist see their view of the signals. */
    sharesWithTherapist: (scope: Scope): Promise<boolean> => stores.at(scope).shared(),

    async list(scope: Scope) {
      const store = stores.at(scope);
      const [answers, shared] = await Promise.all([store.answers(), store.shared()]);
      const signals = await signalsFor(scope, shared);
      return {
        signals,
        referrals: [...referrals],
        myAnswers: answers.filter((a) => a.author_id === scope.viewerId).map(presentAnswer),
        partnerAnswers: answers.filter((a) => a.author_id !== scope.viewerId).map(presentAnswer),
        sharedWithTherapist: shared,
      };
    },

    async answer(scope: Scope, input: z.infer<typeof SupportAnswerBody>) {
      const row: SupportAnswerRow = {
        id: input.id,
        couple_id: scope.coupleId,
        author_id: scope.viewerId,
        visibility: input.visibility,
        created_at: clock.now().toISOString(),
        kind: input.kind,
      };
      await stores.at(scope).insertAnswer(row);
      return { answer: presentAnswer(row) };
    },

    async takeBack(scope: Scope, id: string): Promise<void> {
      if (!(await stores.at(scope).deleteOwnAnswer(id))) throw errors.notFound("That answer");
    },

    async snooze(
      scope: Scope,
      key: (typeof SIGNAL_KEYS)[number],
      input: z.infer<typeof SnoozeBody>,
    ) {
      const until = new Date(clock.now().getTime() + input.days * DAY_MS).toISOString();
      await stores.at(scope).snooze(key, until);
      return { until };
    },

    async share(scope: Scope, shared: boolean): Promise<void> {
      await stores.at(scope).setShared(shared);
    },
  };
}
export type SignalService = ReturnType<typeof signalService>;

function presentAnswer(row: SupportAnswerRow) {
  return {
    id: row.id,
    kind: storedEnum(SUPPORT_ANSWER_KINDS, row.kind),
    visibility: storedVisibility(row.visibility),
    at: row.created_at,
  };
}

type CheckinFacts = Awaited<ReturnType<SignalStore["checkins"]>>;

/**
 * Weeks the viewer checked in, oldest first, with what the check-ins said as the viewer may see
 * them: the partner's answers count only for weeks both submitted, as on the check-in screen.
 */
function checkinWeeks(rows: CheckinFacts, scope: Scope) {
  const weeks = [...new Set(rows.map((r) => r.week))].sort();
  return weeks.flatMap((week) => {
    const mine = rows.find((r) => r.week === week && r.author_id === scope.viewerId);
    if (!mine) return [];
    const theirs = rows.find((r) => r.week === week && r.author_id !== scope.viewerId);
    const both = theirs ? [mine, theirs] : [mine];
    const flagged = (flag: "pushed_to_move_on" | "dont_know_where_to_start") =>
      both
        .filter((r) => r[flag] === 1)
        .map((r) => ({ at: r.updated_at, mine: r.author_id === scope.viewerId }));
    return [
      {
        week,
        at: mine.updated_at,
        sameConcern: both.some((r) => r.same_concern === 1),
        pushed: flagged("pushed_to_move_on"),
        dontKnow: flagged("dont_know_where_to_start"),
      },
    ];
  });
}

/**
 * Since when a paragraph's current version has been disputed: the earliest of the partners'
 * latest marks on it that is not "agree"; null when nobody disputes it now.
 */
function disputedSince(
  version: number,
  marks: ReadonlyArray<{ author_id: string; mark: string; version: number; created_at: string }>,
): string | null {
  const latestBy = new Map<string, { mark: string; at: string }>();
  for (const m of marks) {
    if (m.version !== version) continue;
    const seen = latestBy.get(m.author_id);
    if (!seen || seen.at <= m.created_at)
      latestBy.set(m.author_id, { mark: m.mark, at: m.created_at });
  }
  const disputes = [...latestBy.values()].filter(
    (m) => storedEnum(STORY_MARKS, m.mark) !== "agree",
  );
  return earliest(disputes.map((m) => m.at));
}

function leastCalm(statuses: readonly TrendStatus[]): TrendStatus {
  return statuses.reduce<TrendStatus>(
    (worst, s) => (CALM_ORDER.indexOf(s) > CALM_ORDER.indexOf(worst) ? s : worst),
    "not-enough-data",
  );
}

function earliest(isos: readonly string[]): string | null {
  return [...isos].sort()[0] ?? null;
}

function latest(isos: readonly string[]): string | null {
  return [...isos].sort().at(-1) ?? null;
}
