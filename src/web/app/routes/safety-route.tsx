import { SafetyPage } from "../../features/safety/pages/safety.tsx";
import { SessionStates, useSession } from "../guards.tsx";
import { RequireCouple } from "../require-couple.tsx";

/** The safety check works for anyone signed in; inside a couple it also offers individual mode. */
export function SafetyRoute() {
  const { me, pending, failed } = useSession();
  if (pending || failed) return <SessionStates me={me} />;
  if (me.data?.couple) {
    return (
      <RequireCouple>
        <SafetyPage />
      </RequireCouple>
    );
  }
  return <SafetyPage />;
}
