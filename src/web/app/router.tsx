import { type RouteObject, useLocation, useRoutes } from "react-router";
import { RequireTherapist } from "../features/workspace/components/require-therapist.tsx";
import { RequireSignedIn, SignedOutOnly } from "./guards.tsx";
import { RootLayout } from "./layout.tsx";
import { QuickExit } from "./quick-exit.tsx";
import { HomeSwitch } from "./routes/home-switch.tsx";
import { NotFoundPage } from "./routes/not-found.tsx";
import { ErrorBoundary, RouteErrorPage, ScreenErrorBoundary } from "./routes/route-error.tsx";
import { screens as s } from "./screens.ts";

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

/**
 * Every page of the app. Declared as plain route objects for `useRoutes` (and `matchRoutes`,
 * to preload a path's screens): Mend loads no data through the router, so the data router's
 * code, a third of the first page's routing and rendering library, stays out.
 */
export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    children: [
      {
        // Errors inside a screen keep the header, navigation and quick exit.
        element: <ScreenErrorBoundary />,
        children: [
          { index: true, element: <HomeSwitch /> },
          {
            path: "signin",
            element: (
              <SignedOutOnly>
                <s.SignIn />
              </SignedOutOnly>
            ),
          },
          {
            path: "signup",
            element: (
              <SignedOutOnly>
                <s.SignUp />
              </SignedOutOnly>
            ),
          },
          {
            path: "signup/:token",
            element: (
              <SignedOutOnly>
                <s.SignUpLink />
              </SignedOutOnly>
            ),
          },
          {
            path: "recover",
            element: (
              <SignedOutOnly>
                <s.Recover />
              </SignedOutOnly>
            ),
          },
          {
            path: "forgot",
            element: (
              <SignedOutOnly>
                <s.Forgot />
              </SignedOutOnly>
            ),
          },
          {
            path: "reset/:token",
            element: (
              <SignedOutOnly>
                <s.Reset />
              </SignedOutOnly>
            ),
          },
          { path: "reminders/stop/:token", element: <s.ReminderStop /> },
          { path: "email/:token", element: <s.EmailChange /> },
          { path: "join/:token", element: <s.Join /> },
          { path: "therapist/join/:token", element: <s.TherapistJoin /> },
          { path: "help", element: <s.Help /> },
          {
            element: <RequireSignedIn />,
            children: [
              { path: "start", element: <s.Start /> },
              { path: "account", element: <s.Account /> },
              { path: "account/export", element: <s.ExportSummary /> },
              { path: "safety", element: <s.Safety /> },
              { path: "therapist/verify", element: <s.Verify /> },
              {
                element: <RequireTherapist />,
                children: [
                  { path: "therapist", element: <s.Caseload /> },
                  { path: "therapist/couples/:id", element: <s.TherapistCouple /> },
                  { path: "therapist/couples/:id/prep", element: <s.Prep /> },
                ],
              },
              {
                element: <s.RequireCouple />,
                children: [
                  { path: "path", element: <s.Path /> },
                  { path: "agreements", element: <s.Agreements /> },
                  { path: "talks", element: <s.TalkTimes /> },
                  { path: "parking-lot", element: <s.ParkingLot /> },
                  { path: "talk", element: <s.TalkMode /> },
                  { path: "intensity", element: <s.Intensity /> },
                  { path: "support", element: <s.Support /> },
                  { path: "audit", element: <s.Audit /> },
                  { path: "reflections", element: <s.Reflections /> },
                  { path: "accountability", element: <s.Accountability /> },
                  { path: "hurt", element: <s.Hurt /> },
                  { path: "questions", element: <s.Questions /> },
                  { path: "story", element: <s.Story /> },
                  { path: "story/print", element: <s.StoryPrint /> },
                  { path: "promises", element: <s.Promises /> },
                  { path: "checkins", element: <s.Checkins /> },
                  { path: "setbacks", element: <s.Setbacks /> },
                  { path: "milestones", element: <s.Milestones /> },
                ],
              },
            ],
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function AppRoutes() {
  const { key } = useLocation();
  return (
    <ErrorBoundary resetKey={key} fallback={<RootError />}>
      {useRoutes(routes)}
    </ErrorBoundary>
  );
}
