import { Navigate } from "react-router";
import { SessionStates, useSession } from "../guards.tsx";
import { screens } from "../screens.ts";
import { LandingPage } from "./landing.tsx";

/**
 * "/" is the introduction when signed out, first steps without a couple, home with one, and a
 * therapist's caseload. Only the introduction comes with the first page.
 */
export function HomeSwitch() {
  const { me, pending, failed } = useSession();
  if (pending || failed) return <SessionStates me={me} />;
  if (!me.data) return <LandingPage />;
  if (me.data.user.role === "therapist") return <Navigate to="/therapist" replace />;
  if (!me.data.couple) return <Navigate to="/start" replace />;
  return (
    <screens.RequireCouple>
      <screens.Home />
    </screens.RequireCouple>
  );
}
