import { daysBetween } from "../../../domain/dates.ts";
import {
  type MeaningNeedFacts,
  type Need,
  needsYou,
  type RebuildNeedFacts,
} from "../../../domain/needs-you.ts";
import { MARK_WINDOW_DAYS, weekdayOf } from "../../../domain/occurrences.ts";
import { WEEKDAYS } from "../../../domain/schedule.ts";
import { currentMarks } from "../../../domain/story.ts";
import { liveLink } from "../../../domain/therapist-links.ts";
import type { Scope } from "../../platform/access.ts";
import type { AccountabilityService } from "../accountability/accountability.service.ts";
import type { AgreementService } from "../agreements/agreement.service.ts";
import type { CheckinService } from "../checkins/checkin.service.ts";
import type { CircleService } from "../circle/circle.service.ts";
import type { CoupleService } from "../couples/couple.service.ts";
import type { PromiseService } from "../promises/promise.service.ts";
import type { QuestionService } from "../questions/question.service.ts";
import type { ReflectionService } from "../reflections/reflection.service.ts";
import type { SetbackService } from "../setbacks/setback.service.ts";
import type { StoryService } from "../story/story.service.ts";
import type { TalkTimeService } from "../talks/talk-time.service.ts";
import type { TherapistService } from "../therapists/therapist.service.ts";

/** The reads "Needs you" is worked out from, each through the viewer's own scope. */
export interface NeedSources {
  couples: Pick<CoupleService, "view">;
  agreements: Pick<AgreementService, "list">;
  talkTimes: Pick<TalkTimeService, "list">;
  circle: Pick<CircleService, "list">;
  accountability: Pick<AccountabilityService, "overview">;
  questions: Pick<QuestionService, "awaitingAnswer">;
  story: Pick<StoryService, "read">;
  reflections: Pick<ReflectionService, "list">;
  promises: Pick<PromiseService, "list">;
  checkins: Pick<CheckinService, "list">;
  setbacks: Pick<SetbackService, "list">;
  therapists: Pick<TherapistService, "links">;
}

/**
 * What waits for this person, worked out on the server from states, dates and who did what: one
 * small answer for Home instead of a dozen lists read, opened and compared in the browser. It
 * sees only what the person's own reads would show them, so it can tell them nothing new.
 */
export function needsService(sources: NeedSources) {
  async function meaning(scope: Scope): Promise<MeaningNeedFacts> {
    const [overview, questions, story, reflections] = await Promise.all([
      sources.accountability.overview(scope),
      sources.questions.awaitingAnswer(scope),
      sources.story.read(scope),
      sources.reflections.list(scope),
    ]);
    return {
      statements: overview.statements.flatMap((statement) => {
        const newest = statement.versions.at(-1);
        return newest
          ? [{ by: statement.by, newestAnsweredBy: newest.responses.map((r) => r.by) }]
          : [];
      }),
      questions,
      paragraphs: story.paragraphs.map((p) => ({ markedBy: [...currentMarks(p).keys()] })),
      story: { coherent: story.coherent, signedBy: story.signedBy },
      partnerSharedOn: reflections.partnerSharedOn.length,
    };
  }

  async function rebuild(scope: Scope): Promise<RebuildNeedFacts> {
    const [promises, checkins, setbacks] = await Promise.all([
      sources.promises.list(scope),
      sources.checkins.list(scope),
      sources.setbacks.list(scope),
    ]);
    const { today } = promises;
    const week = checkins.weeks.find((w) => w.week === checkins.currentWeek);
    const day = checkins.day?.weekday;
    return {
      promises: promises.promises.map((p) => ({
        by: p.by,
        status: p.status,
        dueForReview: p.reviewOn !== null && p.reviewOn <= today,
        // Today may not be over yet: only earlier days of the window ask to be marked.
        open: p.occurrences
          .filter((o) => {
            const back = daysBetween(o.on, today);
            return back >= 0 && back <= MARK_WINDOW_DAYS;
          })
          .map((o) => ({
            self: o.self,
            partner: o.partner,
            excused: o.excused || (o.on === today && o.self === null),
          })),
        excusals: p.excusals,
      })),
      checkin: {
        mineMissing: !week?.mine,
        partnerSubmitted: Boolean(week?.partnerSubmitted),
        onOrAfterDay:
          day !== undefined && WEEKDAYS.indexOf(weekdayOf(today)) >= WEEKDAYS.indexOf(day),
      },
      setbacks: setbacks.setbacks
        .filter((s) => s.repairedAt === null)
        .map((s) => ({ repairedBy: s.repairedBy.map((r) => r.by) })),
    };
  }

  return {
    async list(scope: Scope): Promise<{ needs: Need[] }> {
      const [{ view }, agreements, talks, people, meaningFacts, links] = await Promise.all([
        sources.couples.view(scope),
        sources.agreements.list(scope),
        sources.talkTimes.list(scope),
        sources.circle.list(scope),
        meaning(scope),
        sources.therapists.links(scope),
      ]);
      const link = liveLink(links.links);
      return {
        needs: needsYou({
          viewerId: scope.viewerId,
          pendingPhase: view.pendingPhase,
          agreements: agreements.agreements,
          talkTimes: talks.talkTimes,
          people,
          talkToLog: talks.toLog !== null,
          meaning: meaningFacts,
          ...(view.phase === "rebuild" ? { rebuild: await rebuild(scope) } : {}),
          therapist: link && {
            status: link.status,
            proposedBy: link.proposedBy,
            lacksNewestKey: !link.grantedVersions.includes(view.keys.version),
          },
        }),
      };
    },
  };
}
export type NeedsService = ReturnType<typeof needsService>;
