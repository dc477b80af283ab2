import { Navigate } from "react-router";
import { RequireCouple, SessionStates, useSession } from "../guards.tsx";
import { HomePage } from "./home.tsx";
import { LandingPage } from "./landing.tsx";

/**
 * "/" is the introduction when signed out, first steps without a couple, home with one, and a
 * therapist's caseload.
 */
export function HomeSwitch() {
  const { me, pending, failed } = useSession();
  if (pending || failed) return <SessionStates me={me} />;
  if (!me.data) return <LandingPage />;
  if (me.data.user.role === "therapist") return <Navigate to="/therapist" replace />;
  if (!me.data.couple) return <Navigate to="/start" replace />;
  return (
    <RequireCouple>
      <HomePage />
    </RequireCouple>
  );
}
