import { lazyScreen } from "./lazy-screen.ts";

/**
 * Every screen but the landing page, each loaded when first shown (or when a link to it is
 * pointed at, preload.ts): the first page carries only the frame, the landing page and what
 * asks who is signed in. Guards that load the couple are here too, since they bring the API
 * client and its contracts with them.
 */
export const screens = {
  SignIn: lazyScreen(() => import("../features/account/pages/sign-in.tsx"), "SignInPage"),
  SignUp: lazyScreen(() => import("../features/account/pages/sign-up.tsx"), "SignUpPage"),
  SignUpLink: lazyScreen(
    () => import("../features/account/pages/sign-up-link.tsx"),
    "SignUpLinkPage",
  ),
  Recover: lazyScreen(() => import("../features/account/pages/recover.tsx"), "RecoverPage"),
  Reset: lazyScreen(() => import("../features/account/pages/reset.tsx"), "ResetPage"),
  Forgot: lazyScreen(() => import("../features/account/pages/forgot.tsx"), "ForgotPage"),
  EmailChange: lazyScreen(
    () => import("../features/account/pages/email-change.tsx"),
    "EmailChangePage",
  ),
  ReminderStop: lazyScreen(
    () => import("../features/account/pages/reminder-stop.tsx"),
    "ReminderStopPage",
  ),
  Account: lazyScreen(() => import("../features/account/pages/account.tsx"), "AccountPage"),
  ExportSummary: lazyScreen(
    () => import("../features/account/pages/export-summary.tsx"),
    "ExportSummaryPage",
  ),
  Join: lazyScreen(() => import("./routes/join.tsx"), "JoinPage"),
  Help: lazyScreen(() => import("../features/safety/pages/help.tsx"), "HelpPage"),
  Start: lazyScreen(() => import("./routes/start-route.tsx"), "StartRoute"),
  Safety: lazyScreen(() => import("./routes/safety-route.tsx"), "SafetyRoute"),
  RequireCouple: lazyScreen(() => import("./require-couple.tsx"), "RequireCouple"),
  Home: lazyScreen(() => import("./routes/home.tsx"), "HomePage"),
  Path: lazyScreen(() => import("../features/couples/pages/path.tsx"), "PathPage"),
  Agreements: lazyScreen(() => import("./routes/agreements-route.tsx"), "AgreementsRoute"),
  TalkTimes: lazyScreen(() => import("../features/talks/pages/talk-times.tsx"), "TalkTimesPage"),
  ParkingLot: lazyScreen(() => import("../features/talks/pages/parking-lot.tsx"), "ParkingLotPage"),
  TalkMode: lazyScreen(() => import("../features/talks/pages/talk-mode.tsx"), "TalkModePage"),
  Intensity: lazyScreen(() => import("../features/intensity/pages/intensity.tsx"), "IntensityPage"),
  Support: lazyScreen(() => import("./routes/support.tsx"), "SupportPage"),
  Audit: lazyScreen(() => import("../features/therapists/pages/audit.tsx"), "AuditPage"),
  Reflections: lazyScreen(
    () => import("../features/reflections/pages/reflections.tsx"),
    "ReflectionsPage",
  ),
  Accountability: lazyScreen(
    () => import("../features/accountability/pages/accountability.tsx"),
    "AccountabilityPage",
  ),
  Hurt: lazyScreen(() => import("../features/hurt/pages/hurt.tsx"), "HurtPage"),
  Questions: lazyScreen(() => import("../features/questions/pages/questions.tsx"), "QuestionsPage"),
  Story: lazyScreen(() => import("../features/story/pages/story.tsx"), "StoryPage"),
  StoryPrint: lazyScreen(() => import("../features/story/pages/story.tsx"), "StoryPrintPage"),
  Promises: lazyScreen(() => import("../features/promises/pages/promises.tsx"), "PromisesPage"),
  Checkins: lazyScreen(() => import("../features/checkins/pages/checkins.tsx"), "CheckinsPage"),
  Setbacks: lazyScreen(() => import("../features/setbacks/pages/setbacks.tsx"), "SetbacksPage"),
  Milestones: lazyScreen(
    () => import("../features/milestones/pages/milestones.tsx"),
    "MilestonesPage",
  ),
  Caseload: lazyScreen(() => import("../features/workspace/pages/caseload.tsx"), "CaseloadPage"),
  TherapistCouple: lazyScreen(
    () => import("../features/workspace/pages/couple.tsx"),
    "TherapistCouplePage",
  ),
  Prep: lazyScreen(() => import("../features/workspace/pages/prep.tsx"), "PrepPage"),
  TherapistJoin: lazyScreen(
    () => import("../features/workspace/pages/therapist-join.tsx"),
    "TherapistJoinPage",
  ),
  Verify: lazyScreen(() => import("../features/workspace/pages/verify.tsx"), "VerifyPage"),
  // Not a screen: the header of someone signed in, which brings the couple's live channel.
  SignedInHeader: lazyScreen(() => import("./signed-in-header.tsx"), "SignedInHeader"),
};
