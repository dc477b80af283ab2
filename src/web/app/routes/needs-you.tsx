import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { accountabilityRoutes } from "../../../contracts/accountability.ts";
import { checkinRoutes } from "../../../contracts/checkins.ts";
import { promiseRoutes } from "../../../contracts/promises.ts";
import { questionRoutes } from "../../../contracts/questions.ts";
import { reflectionRoutes } from "../../../contracts/reflections.ts";
import { setbackRoutes } from "../../../contracts/setbacks.ts";
import { storyRoutes } from "../../../contracts/story.ts";
import { daysBetween } from "../../../domain/dates.ts";
import {
  type MeaningNeedFacts,
  type Need,
  type NeedKind,
  needsYou,
  type RebuildNeedFacts,
} from "../../../domain/needs-you.ts";
import { MARK_WINDOW_DAYS, weekdayOf } from "../../../domain/occurrences.ts";
import { WEEKDAYS } from "../../../domain/schedule.ts";
import { currentMarks } from "../../../domain/story.ts";
import { useAgreements } from "../../features/agreements/api/agreements.ts";
import { useCircle } from "../../features/circle/api/circle.ts";
import type { CoupleViewData } from "../../features/couples/api/couple.ts";
import { useTalkTimes } from "../../features/talks/api/talk-times.ts";
import { useTherapistLinks } from "../../features/therapists/api/therapists.ts";
import { liveLink } from "../../features/therapists/links.ts";
import { api, keyOf } from "../../ui/api-client.ts";
import { Card } from "../../ui/card.tsx";
import { usePeople } from "../../ui/people.tsx";
import { Loading } from "../../ui/query-state.tsx";

const plural = (n: number, one: string, many: string) => (n === 1 ? one : `${n} ${many}`);

function label(need: Need, partner: string): string {
  const texts: Record<NeedKind, string> = {
    "phase-answer": `${partner} suggests moving on: your answer`,
    "agreement-answer": `${plural(need.count, "An agreement", "agreements")} waiting for your answer`,
    "talk-time-answer": `${plural(need.count, "A talk time", "talk times")} waiting for your answer`,
    "circle-answer": `${partner} added ${plural(need.count, "someone", "people")} to their circle of support`,
    "circle-concern": `${partner} has a concern about ${plural(need.count, "someone", "people")} you listed`,
    "agreement-review": `${plural(need.count, "An agreement is", "agreements are")} due for review`,
    "talk-log": "A minute to note how your last talk went",
    "statement-response": `${partner} shared a statement: say whether you feel heard`,
    "question-answer": `${plural(need.count, "A question", "questions")} from ${partner} waiting for an answer`,
    "story-mark": `${plural(need.count, "A paragraph", "paragraphs")} of your story to read and mark`,
    "story-sign": `${partner} signed your shared story`,
    "reflection-pair": `${partner} shared on ${plural(need.count, "a prompt", "prompts")} you haven't shared on yet`,
    "promise-answer": `${partner} made ${plural(need.count, "a promise", "promises")}: is it meaningful to you?`,
    "excusal-answer": `${partner} asked for days off a promise: your answer`,
    "promise-mark": `How did it go? ${plural(need.count, "A promise of yours", "promises of yours")} to mark`,
    "promise-view": `Did you see it? ${partner} marked ${plural(need.count, "a promise", "promises")}`,
    "promise-review": `${plural(need.count, "A promise is", "promises are")} due for a look together`,
    checkin: "This week's check-in is waiting for you",
    "setback-repair": `${partner} feels ${plural(need.count, "a setback is", "setbacks are")} repaired: do you?`,
    "therapist-consent": `${partner} proposed a therapist: your consent`,
    "therapist-let-in": "Your therapist accepted: compare their key and let them in",
  };
  return texts[need.kind];
}

/** The Make-meaning part of what waits, from the same reads the screens make. */
function useMeaningNeeds(): MeaningNeedFacts | undefined {
  const statements = useQuery({
    queryKey: keyOf(accountabilityRoutes.overview),
    queryFn: ({ signal }) => api.call(accountabilityRoutes.overview, {}, { signal }),
  });
  const questions = useQuery({
    queryKey: keyOf(questionRoutes.list),
    queryFn: ({ signal }) => api.call(questionRoutes.list, {}, { signal }),
  });
  const story = useQuery({
    queryKey: keyOf(storyRoutes.read),
    queryFn: ({ signal }) => api.call(storyRoutes.read, {}, { signal }),
  });
  const reflections = useQuery({
    queryKey: keyOf(reflectionRoutes.list),
    queryFn: ({ signal }) => api.call(reflectionRoutes.list, {}, { signal }),
  });
  if (!statements.data || !questions.data || !story.data || !reflections.data) return undefined;
  return {
    statements: statements.data.statements.flatMap((statement) => {
      const newest = statement.versions.at(-1);
      return newest
        ? [{ by: statement.by, newestAnsweredBy: newest.responses.map((r) => r.by) }]
        : [];
    }),
    questions: questions.data.questions,
    paragraphs: story.data.paragraphs.map((p) => ({ markedBy: [...currentMarks(p).keys()] })),
    story: { coherent: story.data.coherent, signedBy: story.data.signedBy },
    partnerSharedOn: reflections.data.partnerSharedOn.length,
  };
}

/** The Rebuild part of what waits, read only while the couple is in Rebuild. */
function useRebuildNeeds(enabled: boolean): RebuildNeedFacts | undefined {
  const promises = useQuery({
    queryKey: keyOf(promiseRoutes.list),
    queryFn: ({ signal }) => api.call(promiseRoutes.list, {}, { signal }),
    enabled,
  });
  const checkins = useQuery({
    queryKey: keyOf(checkinRoutes.list),
    queryFn: ({ signal }) => api.call(checkinRoutes.list, {}, { signal }),
    enabled,
  });
  const setbacks = useQuery({
    queryKey: keyOf(setbackRoutes.list),
    queryFn: ({ signal }) => api.call(setbackRoutes.list, {}, { signal }),
    enabled,
  });
  if (!promises.data || !checkins.data || !setbacks.data) return undefined;
  const { today } = promises.data;
  const week = checkins.data.weeks.find((w) => w.week === checkins.data.currentWeek);
  const day = checkins.data.day?.weekday;
  return {
    promises: promises.data.promises.map((p) => ({
      by: p.by,
      status: p.status,
      dueForReview: p.reviewOn !== null && p.reviewOn <= today,
      // Today may not be over yet: only earlier days of the window ask to be marked.
      open: p.occurrences
        .filter((o) => {
          const back = daysBetween(o.on, today);
          return back >= 0 && back <= MARK_WINDOW_DAYS;
        })
        .map((o) => (o.on === today && o.self === null ? { ...o, excused: true } : o)),
      excusals: p.excusals,
    })),
    checkin: {
      mineMissing: !week?.mine,
      partnerSubmitted: Boolean(week?.partnerSubmitted),
      onOrAfterDay:
        day !== undefined && WEEKDAYS.indexOf(weekdayOf(today)) >= WEEKDAYS.indexOf(day),
    },
    setbacks: setbacks.data.setbacks
      .filter((s) => s.repairedAt === null)
      .map((s) => ({ repairedBy: s.repairedBy.map((r) => r.by) })),
  };
}

/**
 * One glance at what waits for this person, each thing one tap away; when nothing does, it says
 * so plainly. Built from what the screens already read, so it is never out of step with them.
 */
export function NeedsYou({ couple }: { couple: CoupleViewData }) {
  const people = usePeople();
  const agreements = useAgreements();
  const talks = useTalkTimes();
  const circle = useCircle();
  const meaning = useMeaningNeeds();
  const rebuild = useRebuildNeeds(couple.phase === "rebuild");
  const links = useTherapistLinks();
  const link = links.data ? liveLink(links.data.links) : null;
  // The card is there from the first render (its heading's id in a stable order), filled in
  // once what it is built from has arrived.
  if (agreements.isPending || talks.isPending || circle.isPending) {
    return (
      <Card title="Needs you" id="needs-you">
        <Loading label="Looking at what waits for you…" />
      </Card>
    );
  }
  const needs = needsYou({
    viewerId: couple.me.id,
    pendingPhase: couple.pendingPhase,
    agreements: agreements.data ?? [],
    talkTimes: talks.data?.talkTimes ?? [],
    people: circle.data ?? [],
    talkToLog: Boolean(talks.data?.toLog),
    ...(meaning ? { meaning } : {}),
    ...(rebuild ? { rebuild } : {}),
    therapist: link && {
      status: link.status,
      proposedBy: link.proposedBy,
      lacksNewestKey: !link.grantedVersions.includes(couple.keys.version),
    },
  });
  return (
    <Card title="Needs you" id="needs-you">
      {needs.length === 0 ? (
        <p className="muted">
          Nothing waits for you right now. There's no need to do anything today.
        </p>
      ) : (
        <ul className="needs">
          {needs.map((need) => (
            <li key={need.kind} className="needs__item">
              {need.href.startsWith("/#") ? (
                <a href={need.href.slice(1)}>{label(need, people.partnerName)}</a>
              ) : (
                <Link to={need.href}>{label(need, people.partnerName)}</Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
