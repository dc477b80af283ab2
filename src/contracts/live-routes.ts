import { accountRoutes as account } from "./account.ts";
import { accountabilityRoutes as accountability } from "./accountability.ts";
import { agreementRoutes as agreements } from "./agreements.ts";
import { checkinRoutes as checkins } from "./checkins.ts";
import { circleRoutes as circle } from "./circle.ts";
import { coupleRoutes as couples } from "./couples.ts";
import { hurtRoutes as hurt } from "./hurt.ts";
import { intensityRoutes as intensity } from "./intensity.ts";
import { promiseRoutes as promises } from "./promises.ts";
import { questionRoutes as questions } from "./questions.ts";
import { reflectionRoutes as reflections } from "./reflections.ts";
import type { Route } from "./route.ts";
import { setbackRoutes as setbacks } from "./setbacks.ts";
import { signalRoutes as signals } from "./signals.ts";
import { storyRoutes as story } from "./story.ts";
import { stressorRoutes as stressors } from "./stressors.ts";
import { talkRoutes as talks } from "./talks.ts";
import { therapistRoutes as therapists } from "./therapists.ts";

/**
 * The one live channel: a success of any of these changes what both partners see, so every open
 * screen of the couple is told which feature changed. A body marked `private` never tells, and
 * neither do changes that may touch a private item (a stressor's plan, its removal) or that are
 * one person's alone (the safety check, "safe enough", individual-only mode): the other
 * partner's stream must never reveal that something invisible to them happened.
 */
export const LIVE_ROUTES: ReadonlySet<Route> = new Set<Route>([
  // A new name shows on the partner's screen.
  account.changeName,
  agreements.propose,
  agreements.accept,
  agreements.decline,
  agreements.withdraw,
  agreements.counter,
  agreements.review,
  circle.add,
  circle.agree,
  circle.concern,
  circle.remove,
  couples.acceptInvite,
  couples.grant,
  couples.therapy,
  couples.changePhase,
  couples.cancelPendingPhase,
  intensity.record,
  stressors.add,
  talks.proposeTalkTime,
  talks.acceptTalkTime,
  talks.declineTalkTime,
  talks.withdrawTalkTime,
  talks.endTalkTime,
  talks.counterTalkTime,
  talks.logTalk,
  talks.raiseTopic,
  talks.discussed,
  talks.carryOver,
  talks.agenda,
  talks.editTopic,
  talks.withdrawTopic,
  talks.startPause,
  talks.endPause,
  // Make meaning. A reflection kept private never tells; sharing one does. Drafts are one
  // person's alone and never tell.
  reflections.write,
  reflections.comment,
  accountability.share,
  accountability.addendum,
  accountability.respond,
  hurt.record,
  questions.ask,
  questions.answer,
  questions.defer,
  questions.askAgain,
  questions.letGo,
  story.add,
  story.edit,
  story.mark,
  story.sign,
  // Rebuild. Which milestones one has seen is one's own and never tells.
  promises.create,
  promises.accept,
  promises.decline,
  promises.withdraw,
  promises.review,
  promises.mark,
  promises.view,
  promises.excuse,
  promises.acceptExcusal,
  promises.declineExcusal,
  checkins.put,
  checkins.setDay,
  setbacks.log,
  setbacks.step,
  setbacks.repaired,
  // When to seek support. A private answer never tells; taking one back may be taking back a
  // private one, so it never tells either. Snoozes and sharing are one's own.
  signals.answer,
  // The therapist workspace: every step of a link is the couple's together. The therapist's
  // acceptance is announced by the service, as a therapist is no partner of the couple.
  therapists.propose,
  therapists.consent,
  therapists.grant,
  therapists.unlink,
  therapists.rotateKeys,
  therapists.share,
]);
