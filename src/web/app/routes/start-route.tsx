import { Navigate } from "react-router";
import { useMe } from "../../features/account/api/me.ts";
import { StartPage } from "../../features/couples/pages/start.tsx";

export function StartRoute() {
  const me = useMe();
  // A therapist walks beside couples; they never start one of their own.
  if (me.data?.user.role === "therapist") return <Navigate to="/therapist" replace />;
  return <StartPage inCouple={Boolean(me.data?.couple)} />;
}
