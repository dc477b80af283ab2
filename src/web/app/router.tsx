import { createBrowserRouter } from "react-router";
import { AccountPage } from "../features/account/pages/account.tsx";
import { SignInPage } from "../features/account/pages/sign-in.tsx";
import { SignUpPage } from "../features/account/pages/sign-up.tsx";
import { AgreementsPage } from "../features/agreements/pages/agreements.tsx";
import { PathPage } from "../features/couples/pages/path.tsx";
import { RequireCouple, RequireSignedIn, SignedOutOnly } from "./guards.tsx";
import { RootLayout } from "./layout.tsx";
import { QuickExit } from "./quick-exit.tsx";
import { HomeSwitch } from "./routes/home-switch.tsx";
import { JoinPage } from "./routes/join.tsx";
import { NotFoundPage } from "./routes/not-found.tsx";
import { RouteErrorPage } from "./routes/route-error.tsx";
import { StartRoute } from "./routes/start-route.tsx";

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
          { path: "join/:token", element: <JoinPage /> },
          {
            element: <RequireSignedIn />,
            children: [
              { path: "start", element: <StartRoute /> },
              { path: "account", element: <AccountPage /> },
              {
                element: <RequireCouple />,
                children: [
                  { path: "path", element: <PathPage /> },
                  { path: "agreements", element: <AgreementsPage /> },
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
