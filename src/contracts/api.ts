import { accountRoutes } from "./account.ts";
import { accountabilityRoutes } from "./accountability.ts";
import { agreementRoutes } from "./agreements.ts";
import { calendarRoutes } from "./calendar.ts";
import { checkinRoutes } from "./checkins.ts";
import { circleRoutes } from "./circle.ts";
import { coupleRoutes } from "./couples.ts";
import { eventRoutes } from "./events.ts";
import { hurtRoutes } from "./hurt.ts";
import { intensityRoutes } from "./intensity.ts";
import { needsRoutes } from "./needs.ts";
import { promiseRoutes } from "./promises.ts";
import { questionRoutes } from "./questions.ts";
import { reflectionRoutes } from "./reflections.ts";
import { reminderRoutes } from "./reminders.ts";
import type { Route } from "./route.ts";
import { safetyRoutes } from "./safety.ts";
import { milestoneRoutes, setbackRoutes } from "./setbacks.ts";
import { signalRoutes } from "./signals.ts";
import { storyRoutes } from "./story.ts";
import { stressorRoutes } from "./stressors.ts";
import { talkRoutes } from "./talks.ts";
import { therapistRoutes } from "./therapists.ts";

/** Every feature's routes: the whole API, as the client and the checks over it see it. */
export const API = {
  account: accountRoutes,
  accountability: accountabilityRoutes,
  agreements: agreementRoutes,
  calendar: calendarRoutes,
  checkins: checkinRoutes,
  circle: circleRoutes,
  couples: coupleRoutes,
  events: eventRoutes,
  hurt: hurtRoutes,
  intensity: intensityRoutes,
  milestones: milestoneRoutes,
  needs: needsRoutes,
  promises: promiseRoutes,
  questions: questionRoutes,
  reflections: reflectionRoutes,
  reminders: reminderRoutes,
  safety: safetyRoutes,
  setbacks: setbackRoutes,
  signals: signalRoutes,
  story: storyRoutes,
  stressors: stressorRoutes,
  talks: talkRoutes,
  therapists: therapistRoutes,
};

export const ALL_ROUTES: readonly Route[] = Object.values(API).flatMap(
  (feature) => Object.values(feature) as Route[],
);
