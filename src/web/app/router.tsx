import { createBrowserRouter } from "react-router";
import { AccountPage } from "../features/account/pages/account.tsx";
import { RecoverPage } from "../features/account/pages/recover.tsx";
import { ResetPage } from "../features/account/pages/reset.tsx";
import { SignInPage } from "../features/account/pages/sign-in.tsx";
import { SignUpPage } from "../features/account/pages/sign-up.tsx";
import { AccountabilityPage } from "../features/accountability/pages/accountability.tsx";
import { AgreementsPage } from "../features/agreements/pages/agreements.tsx";
import { CheckinsPage } from "../features/checkins/pages/checkins.tsx";
import { PathPage } from "../features/couples/pages/path.tsx";
import { HurtPage } from "../features/hurt/pages/hurt.tsx";
import { IntensityPage } from "../features/intensity/pages/intensity.tsx";
import { MilestonesPage } from "../features/milestones/pages/milestones.tsx";
import { PromisesPage } from "../features/promises/pages/promises.tsx";
import { QuestionsPage } from "../features/questions/pages/questions.tsx";
import { ReflectionsPage } from "../features/reflections/pages/reflections.tsx";
import { HelpPage } from "../features/safety/pages/help.tsx";
import { SetbacksPage } from "../features/setbacks/pages/setbacks.tsx";
import { StoryPage, StoryPrintPage } from "../features/story/pages/story.tsx";
import { AgreedTalkTimesLine } from "../features/talks/components/talk-summaries.tsx";
import { ParkingLotPage } from "../features/talks/pages/parking-lot.tsx";
import { TalkModePage } from "../features/talks/pages/talk-mode.tsx";
import { TalkTimesPage } from "../features/talks/pages/talk-times.tsx";
import { AuditPage } from "../features/therapists/pages/audit.tsx";
import { RequireTherapist } from "../features/workspace/components/require-therapist.tsx";
import { CaseloadPage } from "../features/workspace/pages/caseload.tsx";
import { TherapistCouplePage } from "../features/workspace/pages/couple.tsx";
import { PrepPage } from "../features/workspace/pages/prep.tsx";
import { TherapistJoinPage } from "../features/workspace/pages/therapist-join.tsx";
import { VerifyPage } from "../features/workspace/pages/verify.tsx";
import { RequireCouple, RequireSignedIn, SignedOutOnly } from "./guards.tsx";
import { RootLayout } from "./layout.tsx";
import { QuickExit } from "./quick-exit.tsx";
import { HomeSwitch } from "./routes/home-switch.tsx";
import { JoinPage } from "./routes/join.tsx";
import { NotFoundPage } from "./routes/not-found.tsx";
import { RouteErrorPage } from "./routes/route-error.tsx";
import { SafetyRoute } from "./routes/safety-route.tsx";
import { StartRoute } from "./routes/start-route.tsx";
import { SupportPage } from "./routes/support.tsx";

/** If even the layout fails, the quick exit must still be there. */
function RootError() {
  return (
    <>
      <QuickExit />
      <main className="site-main">
        <RouteErrorPage />
      </main>
    </>
  );
}

export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    errorElement: <RootError />,
    children: [
      {
        // Errors inside a screen keep the header, navigation and quick exit.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomeSwitch /> },
          {
            path: "signin",
            element: (
              <SignedOutOnly>
                <SignInPage />
              </SignedOutOnly>
            ),
          },
          {
            path: "signup",
            element: (
              <SignedOutOnly>
                <SignUpPage />
              </SignedOutOnly>
            ),
          },
          {
            path: "recover",
            element: (
              <SignedOutOnly>
                <RecoverPage />
              </SignedOutOnly>
            ),
          },
          {
            path: "reset/:token",
            element: (
              <SignedOutOnly>
                <ResetPage />
              </SignedOutOnly>
            ),
          },
          { path: "join/:token", element: <JoinPage /> },
          { path: "therapist/join/:token", element: <TherapistJoinPage /> },
          { path: "help", element: <HelpPage /> },
          {
            element: <RequireSignedIn />,
            children: [
              { path: "start", element: <StartRoute /> },
              { path: "account", element: <AccountPage /> },
              { path: "safety", element: <SafetyRoute /> },
              { path: "therapist/verify", element: <VerifyPage /> },
              {
                element: <RequireTherapist />,
                children: [
                  { path: "therapist", element: <CaseloadPage /> },
                  { path: "therapist/couples/:id", element: <TherapistCouplePage /> },
                  { path: "therapist/couples/:id/prep", element: <PrepPage /> },
                ],
              },
              {
                element: <RequireCouple />,
                children: [
                  { path: "path", element: <PathPage /> },
                  {
                    path: "agreements",
                    element: <AgreementsPage categoryExtras={{ talk: <AgreedTalkTimesLine /> }} />,
                  },
                  { path: "talks", element: <TalkTimesPage /> },
                  { path: "parking-lot", element: <ParkingLotPage /> },
                  { path: "talk", element: <TalkModePage /> },
                  { path: "intensity", element: <IntensityPage /> },
                  { path: "support", element: <SupportPage /> },
                  { path: "audit", element: <AuditPage /> },
                  { path: "reflections", element: <ReflectionsPage /> },
                  { path: "accountability", element: <AccountabilityPage /> },
                  { path: "hurt", element: <HurtPage /> },
                  { path: "questions", element: <QuestionsPage /> },
                  { path: "story", element: <StoryPage /> },
                  { path: "story/print", element: <StoryPrintPage /> },
                  { path: "promises", element: <PromisesPage /> },
                  { path: "checkins", element: <CheckinsPage /> },
                  { path: "setbacks", element: <SetbacksPage /> },
                  { path: "milestones", element: <MilestonesPage /> },
                ],
              },
            ],
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
