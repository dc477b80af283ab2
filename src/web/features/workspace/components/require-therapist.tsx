import { Navigate, Outlet } from "react-router";
import { useMe } from "../../account/api/me.ts";

/** The workspace is a therapist's alone; a partner who types its address lands on their Home. */
export function RequireTherapist() {
  const me = useMe();
  if (me.data?.user.role !== "therapist") return <Navigate to="/" replace />;
  return <Outlet />;
}
